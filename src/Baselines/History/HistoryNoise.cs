namespace Gate.Baselines.History;

/// <summary>What a key's history says about one metric's run-to-run noise, and the threshold that follows.</summary>
/// <param name="BenchmarkKey">Package and name.</param>
/// <param name="Metric">Metric name.</param>
/// <param name="Runs">Runs the estimate rests on (since the last shift, newest <see cref="HistoryNoise.Window"/> at most).</param>
/// <param name="Center">Median of those runs' medians.</param>
/// <param name="RelativeSpread">Robust relative standard deviation of the run medians: 1.4826 × MAD / |center|.</param>
/// <param name="Threshold">The relative change below which a difference is run-to-run noise.</param>
public sealed record NoiseEstimate(string BenchmarkKey, string Metric, int Runs, double Center, double RelativeSpread, double Threshold);

/// <summary>
/// Turns the run-to-run spread that history shows into a per-benchmark, per-metric threshold for the
/// comparison engine. The rule:
/// <list type="number">
/// <item>Take the metric's per-run medians from the key's history (one value per stored run).</item>
/// <item>Drop the runs before the last shift that <see cref="ChangePointDetector"/> finds: a real change is not noise.</item>
/// <item>Keep the newest <see cref="Window"/> of the rest; with fewer than <see cref="MinRuns"/> there is no estimate (null),
/// and the engine keeps its default threshold.</item>
/// <item>Spread s = 1.4826 × MAD(medians) / |median(medians)|: the robust relative standard deviation of one run.</item>
/// <item>Threshold = clamp(<see cref="Multiplier"/> × s, <see cref="Floor"/>, <see cref="Ceiling"/>), with
/// Multiplier = 3√2: a candidate run and a baseline run each vary by s, their difference by s√2, and three of those
/// leave about 0.3 % false alarms per metric when the noise is normal.</item>
/// </list>
/// So a deterministic metric (simulated counters) gets the floor (0.1 %), a quiet one a tight threshold, and one
/// that flips between machine speeds from night to night a loose one. Within-run sample noise is the
/// significance test's business; this threshold covers the drift between runs that no test of one run's samples can see.
/// </summary>
public sealed class HistoryNoise
{
    /// <summary>Fewest runs an estimate needs.</summary>
    public const int MinRuns = 5;

    /// <summary>Most recent runs an estimate uses.</summary>
    public const int Window = 30;

    /// <summary>Spread multiplier: 3√2.</summary>
    public static readonly double Multiplier = 3 * Math.Sqrt(2);

    /// <summary>Smallest threshold (0.1 %): below it even deterministic counters differ between builds.</summary>
    public const double Floor = 0.001;

    /// <summary>Largest threshold (50 %): beyond it history says nothing useful.</summary>
    public const double Ceiling = 0.5;

    private const double MadToSigma = 1.4826;
    private readonly IReadOnlyList<HistoryEntry> _history;
    private readonly Dictionary<(string, string), NoiseEstimate?> _cache = [];

    private HistoryNoise(IReadOnlyList<HistoryEntry> history) => _history = history;

    /// <summary>The noise model of <paramref name="history"/> (oldest entry first).</summary>
    public static HistoryNoise From(IReadOnlyList<HistoryEntry> history) => new(history);

    /// <summary>The threshold (a fraction: 0.03 is 3 %) for the metric, or null when history is too short to say.</summary>
    public double? ThresholdFor(string benchmarkKey, string metric) => EstimateFor(benchmarkKey, metric)?.Threshold;

    /// <summary>The estimate behind <see cref="ThresholdFor"/>, or null.</summary>
    public NoiseEstimate? EstimateFor(string benchmarkKey, string metric)
    {
        lock (_cache)
        {
            if (!_cache.TryGetValue((benchmarkKey, metric), out var estimate))
            {
                _cache[(benchmarkKey, metric)] = estimate = Estimate(MetricSeries.Of(_history, benchmarkKey, metric));
            }
            return estimate;
        }
    }

    /// <summary>The estimate for one series, or null.</summary>
    public static NoiseEstimate? Estimate(MetricSeries series)
    {
        var shifts = ChangePointDetector.DetectIndexes(series.Values);
        var since = shifts.Count == 0 ? 0 : shifts[^1];
        var values = series.Values[since..].TakeLast(Window).ToArray();
        if (values.Length < MinRuns)
        {
            return null;
        }
        var center = ChangePointDetector.Median(values);
        if (center == 0 || !double.IsFinite(center))
        {
            return null;
        }
        var mad = ChangePointDetector.Median([.. values.Select(v => Math.Abs(v - center))]);
        var spread = MadToSigma * mad / Math.Abs(center);
        var threshold = Math.Clamp(Multiplier * spread, Floor, Ceiling);
        return new NoiseEstimate(series.BenchmarkKey, series.Metric, values.Length, center, spread, threshold);
    }
}
