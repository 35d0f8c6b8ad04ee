namespace Gate.Core.Statistics;

/// <summary>
/// One side of a comparison for one (benchmark, metric): the median and its confidence interval, as benchstat
/// prints them (<c>median ± x%</c>, where x% is the larger distance from the median to an end of the interval).
/// </summary>
/// <param name="Count">Number of samples.</param>
/// <param name="Median">The sample median.</param>
/// <param name="Low">Lower end of the median's confidence interval; −∞ when there are too few samples.</param>
/// <param name="High">Upper end of the median's confidence interval; +∞ when there are too few samples.</param>
/// <param name="Confidence">The interval's actual confidence level (at least the requested one).</param>
/// <param name="Warnings">Why the interval is infinite, for example.</param>
public sealed record SampleSummary(int Count, double Median, double Low, double High, double Confidence, IReadOnlyList<string> Warnings)
{
    /// <summary>The default confidence level of intervals, as benchstat's.</summary>
    public const double DefaultConfidence = 0.95;

    /// <summary>
    /// The interval's half width relative to the median, as benchstat's <c>±</c>: max(high/median − 1, 1 − low/median).
    /// Null when the interval is infinite or the signs of its ends differ from the median's; 0 when everything is 0.
    /// </summary>
    public double? RelativeSpread
    {
        get
        {
            if (double.IsInfinity(Low) || double.IsInfinity(High))
            {
                return null;
            }
            if (Math.Sign(Median) != Math.Sign(Low) || Math.Sign(Median) != Math.Sign(High))
            {
                return null;
            }
            return Median == 0 ? 0 : Math.Max(High / Median - 1, 1 - Low / Median);
        }
    }

    /// <summary>True when every sample has the same value.</summary>
    public bool AllEqual { get; init; }

    /// <summary>Summarises <paramref name="sorted"/> (ascending, at least one value).</summary>
    public static SampleSummary Of(ReadOnlySpan<double> sorted, double confidence = DefaultConfidence) =>
        Of(sorted, MedianInterval.For(sorted.Length, confidence), confidence);

    /// <summary>Summarises <paramref name="sorted"/> with an interval already computed for its size.</summary>
    public static SampleSummary Of(ReadOnlySpan<double> sorted, MedianInterval interval, double confidence)
    {
        if (sorted.Length == 0)
        {
            throw new ArgumentException("a summary needs at least one value", nameof(sorted));
        }
        var low = interval.LowOrder < 1 ? double.NegativeInfinity : sorted[interval.LowOrder - 1];
        var high = interval.HighOrder > sorted.Length ? double.PositiveInfinity : sorted[interval.HighOrder - 1];
        var warnings = double.IsInfinity(low) || double.IsInfinity(high)
            ? new[] { $"need at least {MedianInterval.SamplesForFiniteInterval(confidence)} samples for a confidence interval at level {confidence.ToString(System.Globalization.CultureInfo.InvariantCulture)}" }
            : [];
        return new SampleSummary(sorted.Length, MedianOf(sorted), low, high, interval.Confidence, warnings)
        {
            AllEqual = sorted[0] == sorted[^1],
        };
    }

    /// <summary>The median of ascending values: the middle one, or the mean of the two middle ones.</summary>
    public static double MedianOf(ReadOnlySpan<double> sorted)
    {
        var n = sorted.Length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
