using System.Text.Json;
using Gate.Core.IO;

namespace Gate.Core.Results;

/// <summary>Reads and writes the results file, and checks what it reads before anyone uses it.</summary>
public static class ResultsJson
{
    /// <summary>The results as JSON text, ending with a line break.</summary>
    public static string Serialize(RunResults results) =>
        JsonSerializer.Serialize(results, ResultsJsonContext.Default.RunResults) + "\n";

    /// <summary>Writes the results atomically: a reader never sees a half-written file.</summary>
    public static void WriteFile(string path, RunResults results) => AtomicFile.WriteAllText(path, Serialize(results));

    /// <summary>Parses and validates results JSON; any problem is a <see cref="GateException"/> naming <paramref name="source"/>.</summary>
    public static RunResults Parse(string json, string source)
    {
        RunResults? results;
        try
        {
            results = JsonSerializer.Deserialize(json, ResultsJsonContext.Default.RunResults);
        }
        catch (JsonException e)
        {
            var where = e.Path is null ? "" : $" at {e.Path}";
            throw new GateException($"{source}: not a valid BenchGate results file{where}: {FirstSentence(e.Message)}");
        }
        if (results is null)
        {
            throw new GateException($"{source}: not a valid BenchGate results file: it is empty (null)");
        }
        Validate(results, source);
        return results;
    }

    /// <summary>Reads and validates a results file; messages name it <paramref name="shownAs"/> (default: the path).</summary>
    public static RunResults ReadFile(string path, string? shownAs = null) => Parse(FileText.Read(path, shownAs), shownAs ?? path);

    /// <summary>True when the text looks like JSON rather than Go benchmark text.</summary>
    public static bool LooksLikeJson(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                return c == '{';
            }
        }
        return false;
    }

    private static void Validate(RunResults results, string source)
    {
        if (results.SchemaVersion > RunResults.CurrentSchemaVersion)
        {
            throw new GateException($"{source}: schema version {results.SchemaVersion} was written by a newer BenchGate; this one reads version {RunResults.CurrentSchemaVersion}");
        }
        if (results.SchemaVersion < 1)
        {
            throw new GateException($"{source}: schema version {results.SchemaVersion} is not valid");
        }
        for (var b = 0; b < results.Benchmarks.Count; b++)
        {
            var benchmark = results.Benchmarks[b];
            var at = $"{source}: benchmarks[{b}] ({benchmark.Name})";
            if (benchmark.Name.Length == 0)
            {
                throw new GateException($"{source}: benchmarks[{b}] has an empty name");
            }
            if (benchmark.Iterations <= 0 || benchmark.Procs <= 0)
            {
                throw new GateException($"{at}: iterations and procs must be positive");
            }
            var declared = new HashSet<string>(StringComparer.Ordinal);
            foreach (var metric in benchmark.Metrics)
            {
                if (!declared.Add(metric.Name))
                {
                    throw new GateException($"{at}: metric {metric.Name} is declared twice");
                }
            }
            for (var s = 0; s < benchmark.Samples.Count; s++)
            {
                foreach (var (metric, value) in benchmark.Samples[s].Values)
                {
                    if (!declared.Contains(metric))
                    {
                        throw new GateException($"{at}: sample {s} has metric {metric}, which the benchmark does not declare");
                    }
                    if (!double.IsFinite(value))
                    {
                        throw new GateException($"{at}: sample {s} has a non-finite {metric}");
                    }
                }
            }
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
