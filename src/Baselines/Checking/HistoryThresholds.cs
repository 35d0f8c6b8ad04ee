using Gate.Baselines.History;
using Gate.Core.Metrics;
using Gate.Core.Statistics;

namespace Gate.Baselines.Checking;

/// <summary>
/// Thresholds for a comparison with a stored baseline: what the configuration sets explicitly wins; otherwise the
/// relative threshold that the baseline's history shows for that benchmark and metric (<see cref="HistoryNoise"/>:
/// tighter for quiet metrics, looser for ones that drift from run to run), keeping the default's absolute part
/// (allocs/op +1); otherwise the default (the metric's declared one).
/// </summary>
public sealed class HistoryThresholds(Thresholds configured, HistoryNoise noise) : IThresholdProvider
{
    /// <inheritdoc />
    public Threshold For(ThresholdKey key)
    {
        if (configured.Configured(key) is { } explicitThreshold)
        {
            return explicitThreshold;
        }
        var fallback = key.Metric.DefaultThreshold;
        return noise.ThresholdFor(key.Package + " " + key.Benchmark, key.Metric.Name) is { } relative
            ? new Threshold(relative, fallback.Absolute)
            : fallback;
    }
}
