using Gate.Core.Metrics;

namespace Gate.Core.Counters;

/// <summary>The metrics every backend BenchGate has declares, in one catalog: what the settings hand to the statistics.</summary>
public static class BackendMetrics
{
    /// <summary>Go's, perf's and cachegrind's declarations. (None of them refers to the catalog, so building it needs nothing still being built.)</summary>
    public static MetricCatalog Catalog { get; } = new([GoMetrics.Declarations, PerfMetrics.Declarations, CachegrindMetrics.Declarations]);
}
