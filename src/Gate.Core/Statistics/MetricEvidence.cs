using Gate.Core.Metrics;
using Gate.Core.Pairing;

namespace Gate.Core.Statistics;

/// <summary>
/// What the samples of one paired metric show, before false-discovery control and the verdict: the sides'
/// summaries, the change, and the test, or the verdict reached without one.
/// </summary>
/// <param name="Pair">The paired metric.</param>
/// <param name="Declaration">Its declaration: nature, price, speed dependence.</param>
/// <param name="Threshold">The practical threshold that applies.</param>
/// <param name="Old">Summary of the old samples; null when there are none.</param>
/// <param name="New">Summary of the new samples; null when there are none.</param>
internal sealed record MetricEvidence(MetricPair Pair, MetricDeclaration Declaration, Threshold Threshold, SampleSummary? Old, SampleSummary? New)
{
    /// <summary>The change; null when a side has no samples.</summary>
    public ChangeEstimate? Change { get; init; }

    /// <summary>The Mann–Whitney test; null when none was made.</summary>
    public MannWhitneyResult? Test { get; init; }

    /// <summary>True when the threshold alone decides (exact, or discrete with every sample equal).</summary>
    public bool Deterministic { get; init; }

    /// <summary>A verdict reached without a test (incomparable, insufficient data); null when the decision is still to make.</summary>
    public Verdict? Verdict { get; init; }

    /// <summary>Why <see cref="Verdict"/>, when there is one.</summary>
    public string Reason { get; init; } = "";

    /// <summary>Notes on the test.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>
    /// True when the p-value counts in the false-discovery control: samples that are all one value carry no
    /// information (no test is possible: p is 1 by convention) and are not counted as tests.
    /// </summary>
    public bool CountsAsTest => Test is { Method: not MannWhitneyMethod.AllEqual };
}
