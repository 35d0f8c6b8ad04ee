using Gate.Core.GoBench;
using Gate.Core.Results;

namespace Gate.Core.Metrics;

/// <summary>
/// Go's own metrics (source <c>go</c>): their declarations, and the conversion of Go benchmark lines into BenchGate
/// metrics and back. Every <c>b.ReportMetric</c> unit is a metric too: noisy, 5 % by default, better by its name.
/// </summary>
public static class GoMetrics
{
    /// <summary>Wall time per op (<c>ns/op</c> in Go's output, read as seconds).</summary>
    public const string SecondsPerOp = "sec/op";

    /// <summary>Bytes allocated per op (<c>-benchmem</c>).</summary>
    public const string BytesPerOp = "B/op";

    /// <summary>Allocations per op (<c>-benchmem</c>).</summary>
    public const string AllocsPerOp = "allocs/op";

    /// <summary>Throughput of benchmarks that call <c>b.SetBytes</c>.</summary>
    public const string MegabytesPerSecond = "MB/s";

    /// <summary>
    /// The declarations: wall time and throughput are noisy and depend on the machine's speed; bytes are noisy;
    /// allocations are a discrete count (exact when every sample of both sides is equal) that must change by at
    /// least one allocation to matter. Other units: noisy, 5 %.
    /// </summary>
    public static MetricDeclarations Declarations { get; } = new(
        [
            new(SecondsPerOp, SecondsPerOp, MetricSource.Go, Better.Lower, MetricNature.Noisy, DependsOnMachineSpeed: true, Threshold.Percent(5)),
            new(BytesPerOp, BytesPerOp, MetricSource.Go, Better.Lower, MetricNature.Noisy, DependsOnMachineSpeed: false, Threshold.Percent(5)),
            new(AllocsPerOp, AllocsPerOp, MetricSource.Go, Better.Lower, MetricNature.Discrete, DependsOnMachineSpeed: false, new Threshold(null, 1)),
            new(MegabytesPerSecond, MegabytesPerSecond, MetricSource.Go, Better.Higher, MetricNature.Noisy, DependsOnMachineSpeed: true, Threshold.Percent(5)),
        ],
        [new UndeclaredMetrics(MetricSource.Go, MetricNature.Noisy, Threshold.Percent(5))]);

    /// <summary>The metric of a Go unit.</summary>
    public static MetricInfo Describe(string unit) => Declarations.Describe(MetricSource.Go, unit);

    /// <summary>The metrics of a Go result line, in line order.</summary>
    public static IReadOnlyList<MetricInfo> Describe(GoBenchResult result) =>
        [.. result.Values.Select(v => Describe(v.Unit))];

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
                    metrics.Add(Describe(value.Unit));
                }
            }
        }
        // go test calibrates N per line; the benchmark records the median N of its lines.
        var iterations = lines.Select(l => l.Iterations).Order().ElementAt(lines.Count / 2);
        return new BenchmarkResult(first.Package, first.Name, first.Procs, iterations, metrics, [.. lines.Select(ToSample)]);
    }
}
