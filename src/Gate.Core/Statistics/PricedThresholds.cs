using Gate.Core.Metrics;
using Gate.Core.Results;

namespace Gate.Core.Statistics;

/// <summary>
/// Materiality of priced counts (<see cref="MetricDeclaration.Price"/>): a change of such a count matters only when,
/// priced in the metric its declaration names, it would move that metric by at least the count's own relative
/// threshold. So each priced count gets an absolute floor of <c>relative threshold × median of the priced-in metric
/// / price per event</c> (besides its relative threshold), from the old side's median of the same benchmark. Rare
/// events — a few per op, or fractions of one, that come and go from run to run — then never raise an alarm on
/// their own, while a change that costs something still does.
/// </summary>
public sealed class PricedThresholds(IThresholdProvider inner, IReadOnlyDictionary<PricedThresholds.PriceKey, double> medians) : IThresholdProvider
{
    /// <summary>A benchmark of the old side and a metric that prices others.</summary>
    /// <param name="Package">Go import path.</param>
    /// <param name="Benchmark">Full benchmark name.</param>
    /// <param name="Source">The metric's source (the priced count's too).</param>
    /// <param name="Metric">The metric prices are in.</param>
    public readonly record struct PriceKey(string Package, string Benchmark, MetricSource Source, string Metric);

    /// <summary>
    /// Wraps <paramref name="inner"/> with the old side's medians of the metrics that its priced counts are priced in;
    /// <paramref name="inner"/> itself when the old side has no priced count with its priced-in metric.
    /// </summary>
    public static IThresholdProvider Wrap(IThresholdProvider inner, RunResults old, MetricCatalog metrics)
    {
        var medians = new Dictionary<PriceKey, double>();
        foreach (var benchmark in old.Benchmarks)
        {
            foreach (var metric in benchmark.Metrics)
            {
                if (metrics.Of(metric).Price is not { } price || !benchmark.Metrics.Any(m => m.Name == price.In && m.Source == metric.Source))
                {
                    continue;
                }
                var values = benchmark.ValuesOf(price.In);
                if (values.Length > 0)
                {
                    Array.Sort(values);
                    medians[new PriceKey(benchmark.Package, benchmark.Name, metric.Source, price.In)] = SampleSummary.MedianOf(values);
                }
            }
        }
        return medians.Count == 0 ? inner : new PricedThresholds(inner, medians);
    }

    /// <inheritdoc />
    public Threshold For(ThresholdKey key)
    {
        var threshold = inner.For(key);
        if (key.Metric.Price is not { } price
            || threshold.Relative is not { } relative
            || !medians.TryGetValue(new PriceKey(key.Package, key.Benchmark, key.Metric.Source, price.In), out var median))
        {
            return threshold;
        }
        var floor = relative * median / price.PerEvent;
        return threshold with { Absolute = Math.Max(threshold.Absolute ?? 0, floor) };
    }
}
