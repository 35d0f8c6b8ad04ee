using Gate.Core.Results;

namespace Gate.Core.Metrics;

/// <summary>What BenchGate knows about metric names: which direction is better.</summary>
public static class MetricCatalog
{
    private static readonly HashSet<string> HigherIsBetter = new(StringComparer.Ordinal)
    {
        "IPC", "est-IPC",
    };

    /// <summary>
    /// The better direction of a metric: higher for throughput units (anything per second, such as
    /// <c>MB/s</c>) and for IPC; lower for everything else (time, bytes, allocations, counts per op).
    /// </summary>
    public static Better BetterOf(string metric) =>
        HigherIsBetter.Contains(metric) || metric.EndsWith("/s", StringComparison.Ordinal) ? Better.Higher : Better.Lower;

    /// <summary>The metric description of <paramref name="metric"/> from <paramref name="source"/>.</summary>
    public static MetricInfo Describe(string metric, MetricSource source) => new(metric, source, BetterOf(metric));
}
