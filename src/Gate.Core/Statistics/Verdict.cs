using System.Text.Json.Serialization;

namespace Gate.Core.Statistics;

/// <summary>What a comparison of one (benchmark, metric) concluded.</summary>
public enum Verdict
{
    /// <summary>Worse beyond the practical threshold, and significant after false-discovery-rate control (or deterministic).</summary>
    [JsonStringEnumMemberName("regression")] Regression,

    /// <summary>Better beyond the practical threshold, and significant (or deterministic).</summary>
    [JsonStringEnumMemberName("improvement")] Improvement,

    /// <summary>No significant change, or one smaller than the practical threshold (benchstat's <c>~</c>).</summary>
    [JsonStringEnumMemberName("unchanged")] Unchanged,

    /// <summary>Too few samples for any change to ever be significant; the comparison says how many are needed.</summary>
    [JsonStringEnumMemberName("insufficient data")] InsufficientData,

    /// <summary>Not comparable: the metric is missing on one side, comes from different sources, or the environments differ.</summary>
    [JsonStringEnumMemberName("incomparable")] Incomparable,

    /// <summary>A wall-time metric while the machine-speed canary moved: the machine changed, not necessarily the code.</summary>
    [JsonStringEnumMemberName("environment changed")] EnvironmentChanged,
}

/// <summary>Display names of verdicts.</summary>
public static class VerdictNames
{
    /// <summary>The verdict as reports spell it.</summary>
    public static string Name(this Verdict verdict) => verdict switch
    {
        Verdict.Regression => "regression",
        Verdict.Improvement => "improvement",
        Verdict.Unchanged => "unchanged",
        Verdict.InsufficientData => "insufficient data",
        Verdict.Incomparable => "incomparable",
        Verdict.EnvironmentChanged => "environment changed",
        _ => verdict.ToString(),
    };
}
