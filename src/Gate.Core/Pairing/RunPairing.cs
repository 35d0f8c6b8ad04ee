using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Gate.Core.Results;

namespace Gate.Core.Pairing;

/// <summary>
/// The grouping stage of a comparison (benchstat's benchproc): benchmarks are paired by package, name and
/// GOMAXPROCS, their metrics by name; a metric missing on one side, from different sources, or from runs in
/// incompatible environments is marked incomparable, never silently compared.
/// </summary>
public static class RunPairing
{
    /// <summary>Pairs every metric of every benchmark of two runs.</summary>
    public static PairedRuns Pair(RunResults old, RunResults @new)
    {
        var environment = EnvironmentCheck.Of(old.Environment, @new.Environment);
        var pairs = new List<MetricPair>();
        foreach (var (a, b) in Benchmarks(old, @new))
        {
            foreach (var metric in MetricsByName(a, b))
            {
                pairs.Add(Pair(a, b, metric, environment));
            }
        }
        return new PairedRuns(environment, pairs);
    }

    /// <summary>
    /// The benchmarks of two runs paired by package, name and GOMAXPROCS: the old run's in its order, each with the
    /// new run's first benchmark of that key (or null), then the new run's benchmarks that no old one matched.
    /// </summary>
    public static IEnumerable<(BenchmarkResult? Old, BenchmarkResult? New)> Benchmarks(RunResults old, RunResults @new)
    {
        var newByKey = new Dictionary<(string, string, int), BenchmarkResult>();
        foreach (var benchmark in @new.Benchmarks)
        {
            newByKey.TryAdd(Key(benchmark), benchmark);
        }
        var matched = new HashSet<(string, string, int)>();
        foreach (var oldBenchmark in old.Benchmarks)
        {
            if (newByKey.TryGetValue(Key(oldBenchmark), out var newBenchmark))
            {
                matched.Add(Key(oldBenchmark));
            }
            yield return (oldBenchmark, newBenchmark);
        }
        foreach (var newBenchmark in @new.Benchmarks)
        {
            if (!matched.Contains(Key(newBenchmark)))
            {
                yield return (null, newBenchmark);
            }
        }
    }

    /// <summary>The metrics of a benchmark on both sides matched by name, in first-seen order (the old side's first).</summary>
    public static IEnumerable<MatchedMetric> MetricsByName(BenchmarkResult? old, BenchmarkResult? @new)
    {
        foreach (var name in (old?.Metrics ?? []).Concat(@new?.Metrics ?? []).Select(m => m.Name).Distinct())
        {
            yield return new MatchedMetric(name, old?.Metrics.FirstOrDefault(m => m.Name == name), @new?.Metrics.FirstOrDefault(m => m.Name == name));
        }
    }

    private static MetricPair Pair(BenchmarkResult? a, BenchmarkResult? b, MatchedMetric metric, EnvironmentCheck environment)
    {
        var any = (a ?? b)!;
        var oldValues = Sorted(metric.Old is null ? [] : a!.ValuesOf(metric.Name));
        var newValues = Sorted(metric.New is null ? [] : b!.ValuesOf(metric.Name));
        string? incomparable = null;
        if (oldValues.Length == 0 || newValues.Length == 0)
        {
            incomparable = a is null ? "only in new" : b is null ? "only in old" : oldValues.Length == 0 ? "missing in old" : "missing in new";
        }
        else if (metric.Old!.Source != metric.New!.Source)
        {
            incomparable = $"sources differ: {metric.Old.Source.Name()} vs {metric.New.Source.Name()}";
        }
        else if (!environment.Compatible)
        {
            incomparable = "environments differ: " + string.Join("; ", environment.Mismatches);
        }
        return new MetricPair(any.Package, any.Name, any.Procs, metric.Old, metric.New, oldValues, newValues, incomparable);
    }

    private static (string, string, int) Key(BenchmarkResult benchmark) => (benchmark.Package, benchmark.Name, benchmark.Procs);

    /// <summary>The values ascending, as an immutable array over the same (fresh) array.</summary>
    private static ImmutableArray<double> Sorted(double[] values)
    {
        Array.Sort(values);
        return ImmutableCollectionsMarshal.AsImmutableArray(values);
    }
}
