using Gate.Core.Pairing;
using Gate.Core.Results;

namespace Gate.Core.Reading;

/// <summary>
/// Reads one side of a comparison: one or more files (<see cref="InputFileReader"/>), merged into one
/// <see cref="RunResults"/>. Samples of the same benchmark (package, name, GOMAXPROCS) from several files are
/// pooled, as benchstat pools them; the files must come from compatible environments and agree on each metric.
/// </summary>
public static class SideReader
{
    /// <summary>
    /// Reads the files of a side in order and merges them; <paramref name="side"/> (<c>old</c> or <c>new</c>) names it
    /// in problems. Every file is read and every problem listed, unless <paramref name="stopAtFirstFailingFile"/>:
    /// then reading stops at the first file with a problem, and the reading is that file's alone.
    /// </summary>
    public static InputReading Read(IReadOnlyList<string> paths, string side, bool stopAtFirstFailingFile = false)
    {
        if (paths.Count == 0)
        {
            return InputReading.Failed(null, $"{side}: no input file");
        }
        var files = new List<InputReading>(paths.Count);
        foreach (var path in paths)
        {
            var file = InputFileReader.Read(path);
            if (stopAtFirstFailingFile && file.Results is null)
            {
                return file;
            }
            files.Add(file);
        }
        var problems = files.SelectMany(f => f.Problems).ToList();
        if (problems.Count > 0)
        {
            return InputReading.Failed(problems);
        }
        return files.Count == 1 ? files[0] : Merge([.. files.Select(f => f.Results!)], side);
    }

    /// <summary>
    /// Pools the results of several files of one side; its problems: a file measured in an environment incompatible
    /// with the first file's, a metric that files record differently.
    /// </summary>
    private static InputReading Merge(IReadOnlyList<RunResults> parts, string side)
    {
        var problems = new List<InputProblem>();
        var first = parts[0].Environment;
        foreach (var part in parts.Skip(1))
        {
            var check = EnvironmentCheck.Of(first, part.Environment);
            if (!check.Compatible)
            {
                problems.Add(new InputProblem(null, null, $"{side}: its files were measured in different environments ({string.Join("; ", check.Mismatches)})"));
            }
        }
        var order = new List<(string, string, int)>();
        var byKey = new Dictionary<(string, string, int), (List<MetricInfo> Metrics, List<Sample> Samples, long Iterations)>();
        foreach (var benchmark in parts.SelectMany(p => p.Benchmarks))
        {
            var key = (benchmark.Package, benchmark.Name, benchmark.Procs);
            if (!byKey.TryGetValue(key, out var entry))
            {
                entry = ([], [], benchmark.Iterations);
                byKey[key] = entry;
                order.Add(key);
            }
            foreach (var metric in benchmark.Metrics)
            {
                var known = entry.Metrics.Find(m => m.Name == metric.Name);
                if (known is null)
                {
                    entry.Metrics.Add(metric);
                }
                else if (known != metric)
                {
                    problems.Add(new InputProblem(null, null, $"{side}: {benchmark.Name} has metric {metric.Name} from different sources in different files"));
                }
            }
            entry.Samples.AddRange(benchmark.Samples);
        }
        if (problems.Count > 0)
        {
            return InputReading.Failed(problems);
        }
        var benchmarks = order.Select(k => new BenchmarkResult(k.Item1, k.Item2, k.Item3, byKey[k].Iterations, byKey[k].Metrics, byKey[k].Samples)).ToList();
        var canary = CanaryRecord.Pool([.. parts.Select(p => p.Canary).Where(c => c is not null)]);
        return InputReading.Of(new RunResults(null, RunResults.CurrentSchemaVersion, first, benchmarks, [.. parts.SelectMany(p => p.Failures)]) { Canary = canary });
    }
}
