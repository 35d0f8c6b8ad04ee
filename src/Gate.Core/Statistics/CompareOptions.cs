using Gate.Core.Metrics;

namespace Gate.Core.Statistics;

/// <summary>How <see cref="ComparisonEngine"/> decides.</summary>
public sealed record CompareOptions
{
    /// <summary>The default false discovery rate.</summary>
    public const double DefaultQ = 0.05;

    /// <summary>Target false discovery rate of Benjamini–Hochberg control over all noisy comparisons of a run.</summary>
    public double Q { get; init; } = DefaultQ;

    /// <summary>Confidence level of the medians' and changes' intervals.</summary>
    public double Confidence { get; init; } = SampleSummary.DefaultConfidence;

    /// <summary>Practical thresholds per benchmark and metric.</summary>
    public IThresholdProvider Thresholds { get; init; } = Statistics.Thresholds.Default;

    /// <summary>
    /// Where the metrics' declarations come from: nature, default threshold, price, speed dependence. Given by whoever
    /// knows the backends (the settings: the catalog of every backend's declarations).
    /// </summary>
    public required MetricCatalog Metrics { get; init; }

    /// <summary>When the machine-speed canary counts as moved.</summary>
    public CanaryPolicy Canary { get; init; } = new();
}

/// <summary>
/// When the machine-speed canary counts as moved: its timings differ between the two sides (Mann–Whitney
/// p ≤ <paramref name="Alpha"/>) by at least <paramref name="Tolerance"/>, or within one side they spread by a factor
/// of <paramref name="InstabilityRatio"/> or more (the machine changed speed during that run).
/// </summary>
/// <param name="Alpha">Significance level of the canary's own test (one test: no multiplicity correction).</param>
/// <param name="Tolerance">Smallest relative change of the canary's median that counts.</param>
/// <param name="InstabilityRatio">Largest/smallest timing within one side from which that side counts as unstable.</param>
public sealed record CanaryPolicy(double Alpha = 0.05, double Tolerance = 0.05, double InstabilityRatio = 1.3);
