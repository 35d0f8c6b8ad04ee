using Gate.Core.Counters;
using Gate.Core.Statistics;

namespace Gate.TestUtilities;

/// <summary>The comparison options the settings give when nothing is configured: the default thresholds and q, every backend's metric declarations.</summary>
public static class TestOptions
{
    public static CompareOptions Compare { get; } = new() { Metrics = BackendMetrics.Catalog };
}
