using Gate.Core.GoBench;
using Gate.Core.IO;
using Gate.Core.Metrics;
using Gate.Core.Pairing;
using Gate.Core.Results;

namespace Gate.Core.Statistics;

/// <summary>
/// Reads one side of a comparison: one or more files, each a BenchGate results JSON or Go benchmark text
/// (told apart by content), merged into one <see cref="RunResults"/>: samples of the same benchmark (package,
/// name, GOMAXPROCS) from several files are pooled, as benchstat pools them. Problems are one-line
/// <see cref="GateException"/>s: a missing or unreadable file, a malformed line or a non-finite value, a file
/// without benchmark results, one metric in mixed units, files of one side measured in different environments.
/// </summary>
public static class ComparisonInput
{
    private static readonly string[][] UnitFamilies =
    [
        ["ns/op", "us/op", "µs/op", "ms/op", "s/op", "sec/op"],
        ["B/op", "KB/op", "kB/op", "KiB/op", "MB/op", "MiB/op", "GB/op"],
        ["B/s", "KB/s", "kB/s", "MB/s", "MiB/s", "GB/s", "GiB/s"],
    ];

    /// <summary>Reads and merges the files of one side; <paramref name="side"/> (<c>old</c> or <c>new</c>) names it in messages.</summary>
    public static RunResults Load(IReadOnlyList<string> paths, string side)
    {
        if (paths.Count == 0)
        {
            throw new GateException($"{side}: no input file");
        }
        var parts = paths.Select(Read).ToList();
        return parts.Count == 1 ? parts[0] : Merge(parts, side);
    }

    /// <summary>Reads one file: results JSON or Go benchmark text.</summary>
    public static RunResults Read(string path)
    {
        var text = FileText.Read(path);
        var results = ResultsJson.LooksLikeJson(text) ? ResultsJson.Parse(text, path) : FromGoBench(GoBenchReader.ReadText(text, path));
        if (results.Benchmarks.Count == 0 || results.Benchmarks.All(b => b.Samples.Count == 0))
        {
            throw new GateException($"{path}: no benchmark results in it");
        }
        return results;
    }

    /// <summary>Go benchmark text as results: metrics of source <c>go</c>, environment from its configuration lines.</summary>
    public static RunResults FromGoBench(GoBenchFile file)
    {
        if (file.Errors.Count > 0)
        {
            var more = file.Errors.Count > 1 ? $" (and {file.Errors.Count - 1} more bad lines)" : "";
            throw new GateException(file.Errors[0] + more);
        }
        string? Only(string key)
        {
            var values = file.Results.Select(r => r.Config.Get(key)).Where(v => v is not null).Distinct().ToList();
            return values.Count switch
            {
                0 => null,
                1 => values[0],
                _ => throw new GateException($"{file.Path}: the file mixes environments ({key}: {values[0]} and {values[1]})"),
            };
        }
        var environment = new RunEnvironment(Only("goos") ?? "", Only("goarch") ?? "", "", [], Cpu: Only("cpu"));
        return new RunResults(null, RunResults.CurrentSchemaVersion, environment, GoMetrics.Group(file.Results), []);
    }

    private static RunResults Merge(List<RunResults> parts, string side)
    {
        var first = parts[0].Environment;
        foreach (var part in parts.Skip(1))
        {
            var check = EnvironmentCheck.Of(first, part.Environment);
            if (!check.Compatible)
            {
                throw new GateException($"{side}: its files were measured in different environments ({string.Join("; ", check.Mismatches)})");
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
                    throw new GateException($"{side}: {benchmark.Name} has metric {metric.Name} from different sources in different files");
                }
            }
            entry.Samples.AddRange(benchmark.Samples);
        }
        var benchmarks = order.Select(k => new BenchmarkResult(k.Item1, k.Item2, k.Item3, byKey[k].Iterations, byKey[k].Metrics, byKey[k].Samples)).ToList();
        var canary = CanaryRecord.Pool([.. parts.Select(p => p.Canary).Where(c => c is not null)]);
        return new RunResults(null, RunResults.CurrentSchemaVersion, first, benchmarks, [.. parts.SelectMany(p => p.Failures)]) { Canary = canary };
    }

    /// <summary>
    /// Throws when one benchmark reports one quantity in two units (for example <c>ns/op</c> on one side and
    /// <c>ms/op</c> on the other, or <c>MB/s</c> and <c>B/s</c>): they would be compared as different metrics.
    /// </summary>
    public static void CheckUnits(params RunResults[] sides)
    {
        var units = new Dictionary<(string, string, int), HashSet<string>>();
        foreach (var benchmark in sides.SelectMany(s => s.Benchmarks))
        {
            var key = (benchmark.Package, benchmark.Name, benchmark.Procs);
            if (!units.TryGetValue(key, out var names))
            {
                units[key] = names = new HashSet<string>(StringComparer.Ordinal);
            }
            names.UnionWith(benchmark.Metrics.Select(m => m.Name));
            foreach (var family in UnitFamilies)
            {
                var used = family.Where(names.Contains).ToList();
                if (used.Count > 1)
                {
                    throw new GateException($"{benchmark.Name}: one metric in mixed units ({string.Join(" and ", used)}); write it in one unit on both sides");
                }
            }
        }
    }
}
