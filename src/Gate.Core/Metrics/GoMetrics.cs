using Gate.Core.GoBench;
using Gate.Core.Results;

namespace Gate.Core.Metrics;

/// <summary>Turns Go benchmark lines into BenchGate metrics (source <c>go</c>) and back.</summary>
public static class GoMetrics
{
    /// <summary>The metrics of a Go result line, in line order.</summary>
    public static IReadOnlyList<MetricInfo> Describe(GoBenchResult result) =>
        [.. result.Values.Select(v => MetricCatalog.Describe(v.Unit, MetricSource.Go))];

    /// <summary>The sample of one Go result line.</summary>
    public static Sample ToSample(GoBenchResult result)
    {
        var values = new Dictionary<string, double>(result.Values.Count, StringComparer.Ordinal);
        foreach (var value in result.Values)
        {
            values[value.Unit] = value.Value;
        }
        return new Sample(values);
    }

    /// <summary>
    /// Groups Go result lines into benchmarks (one per package and name, samples in line order), as
    /// <c>benchgate compare</c> does with Go benchmark text files. A metric absent from some lines is kept for
    /// the lines that have it.
    /// </summary>
    public static IReadOnlyList<BenchmarkResult> Group(IEnumerable<GoBenchResult> lines)
    {
        var order = new List<string>();
        var groups = new Dictionary<string, List<GoBenchResult>>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var key = line.Package + " " + line.Name + "-" + line.Procs;
            if (!groups.TryGetValue(key, out var group))
            {
                groups[key] = group = [];
                order.Add(key);
            }
            group.Add(line);
        }
        return [.. order.Select(key => FromLines(groups[key]))];
    }

    /// <summary>Go benchmark lines of results: one line per sample, with the environment as configuration.</summary>
    public static IEnumerable<GoBenchResult> ToGoBench(RunResults results)
    {
        var environment = results.Environment;
        var common = GoBenchConfig.Empty
            .With("goos", environment.Goos)
            .With("goarch", environment.Goarch);
        foreach (var benchmark in results.Benchmarks)
        {
            var config = common.With("pkg", benchmark.Package);
            if (environment.Cpu is { Length: > 0 } cpu)
            {
                config = config.With("cpu", cpu);
            }
            var lineNumber = 0;
            foreach (var sample in benchmark.Samples)
            {
                var values = benchmark.Metrics
                    .Where(m => sample.Values.ContainsKey(m.Name))
                    .Select(m => new GoBenchValue(sample.Values[m.Name], m.Name))
                    .ToArray();
                yield return new GoBenchResult(benchmark.Name, benchmark.Procs, benchmark.Iterations, values, config, ++lineNumber);
            }
        }
    }

    private static BenchmarkResult FromLines(List<GoBenchResult> lines)
    {
        var first = lines[0];
        var metrics = new List<MetricInfo>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            foreach (var value in line.Values)
            {
                if (seen.Add(value.Unit))
                {
                    metrics.Add(MetricCatalog.Describe(value.Unit, MetricSource.Go));
                }
            }
        }
        // go test calibrates N per line; the benchmark records the median N of its lines.
        var iterations = lines.Select(l => l.Iterations).Order().ElementAt(lines.Count / 2);
        return new BenchmarkResult(first.Package, first.Name, first.Procs, iterations, metrics, [.. lines.Select(ToSample)]);
    }
}
