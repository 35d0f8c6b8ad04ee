using Gate.Core.Results;

namespace Gate.Core.Metrics;

/// <summary>
/// What a metric's name says about it, following the Go benchmark format's unit conventions: the rules for metrics
/// that no backend declares by name (a <c>b.ReportMetric</c> unit, a perf event chosen with <c>--events</c>).
/// </summary>
public static class MetricNames
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

    /// <summary>True for times per op (<c>…sec/op</c>) and throughputs (<c>…/s</c>): what a faster or slower machine changes.</summary>
    public static bool IsTimeOrThroughput(string metric) =>
        metric.EndsWith("sec/op", StringComparison.Ordinal) || metric.EndsWith("/s", StringComparison.Ordinal);
}
