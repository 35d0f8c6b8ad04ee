using Gate.Core.Counters;
using Gate.Core.Metrics;
using Gate.Core.Results;

namespace Gate.Core.Statistics;

/// <summary>
/// Materiality for simulated event counts (cache misses, branch mispredicts): a change of such a count matters only
/// when, priced by the est-cycles model, it would move the benchmark's estimated cycles by at least the metric's own
/// relative threshold. So each miss metric gets an absolute floor of <c>threshold × est-cycles / cycles per event</c>
/// events per op (besides its relative threshold). Rare events — a few per op, or fractions of one, that the Go
/// runtime's time-driven work (preemption, scavenger) adds or removes from run to run — then never raise an alarm on
/// their own, while a change that costs cycles still does.
/// </summary>
public sealed class SimulatedEventThresholds(IThresholdProvider inner, IReadOnlyDictionary<(string Package, string Benchmark), double> estimatedCycles) : IThresholdProvider
{
    /// <summary>Wraps <paramref name="inner"/> with the est-cycles medians of the old side's benchmarks.</summary>
    public static IThresholdProvider Wrap(IThresholdProvider inner, RunResults old)
    {
        var cycles = new Dictionary<(string, string), double>();
        foreach (var benchmark in old.Benchmarks)
        {
            var values = benchmark.ValuesOf(CachegrindMetrics.EstimatedCycles);
            if (values.Length > 0 && benchmark.Metrics.Any(m => m.Name == CachegrindMetrics.EstimatedCycles && m.Source == MetricSource.Sim))
            {
                Array.Sort(values);
                cycles[(benchmark.Package, benchmark.Name)] = SampleSummary.MedianOf(values);
            }
        }
        return cycles.Count == 0 ? inner : new SimulatedEventThresholds(inner, cycles);
    }

    /// <inheritdoc />
    public Threshold For(ThresholdKey key)
    {
        var threshold = inner.For(key);
        if (key.Metric.Source != MetricSource.Sim
            || CachegrindMetrics.Declarations.Find(MetricSource.Sim, key.Metric.Name)?.Price?.PerEvent is not { } cost
            || threshold.Relative is not { } relative
            || !estimatedCycles.TryGetValue((key.Package, key.Benchmark), out var cycles))
        {
            return threshold;
        }
        var floor = relative * cycles / cost;
        return threshold with { Absolute = Math.Max(threshold.Absolute ?? 0, floor) };
    }
}
