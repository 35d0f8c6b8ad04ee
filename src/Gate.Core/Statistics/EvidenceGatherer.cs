using System.Collections.Immutable;
using Gate.Core.Metrics;
using Gate.Core.Pairing;

namespace Gate.Core.Statistics;

/// <summary>
/// The summarising and testing step of one comparison run: per paired metric, the sides' medians with their
/// intervals, the change, and for metrics that are neither incomparable nor deterministic the Mann–Whitney test
/// (or "insufficient data" when too few samples could never reach q). One instance per run: it keeps the run's
/// median intervals per sample size.
/// </summary>
internal sealed class EvidenceGatherer(CompareOptions options, IThresholdProvider thresholds, MannWhitney test)
{
    private readonly Dictionary<int, MedianInterval> _intervals = [];
    private readonly int _needed = ComparisonEngine.SamplesNeeded(options.Q);

    /// <summary>What the samples of <paramref name="pair"/> show.</summary>
    public MetricEvidence Gather(MetricPair pair)
    {
        var declaration = options.Metrics.Of(pair.Metric);
        var evidence = new MetricEvidence(
            pair,
            declaration,
            thresholds.For(new ThresholdKey(pair.Package, pair.Benchmark, declaration)),
            Summarise(pair.OldValues),
            Summarise(pair.NewValues));
        if (!pair.HasBothSides)
        {
            return evidence with { Verdict = Statistics.Verdict.Incomparable, Reason = pair.Incomparable! };
        }
        var a = pair.OldValues.AsSpan();
        var b = pair.NewValues.AsSpan();
        evidence = evidence with { Change = ChangeEstimate.Of(a, b, test, options.Confidence) };
        if (pair.Incomparable is { } reason)
        {
            return evidence with { Verdict = Statistics.Verdict.Incomparable, Reason = reason };
        }
        if (declaration.Nature == MetricNature.Exact || (declaration.Nature == MetricNature.Discrete && evidence.Old!.AllEqual && evidence.New!.AllEqual))
        {
            return evidence with { Deterministic = true };
        }
        if (MannWhitney.MinimumPValue(a.Length, b.Length) > options.Q)
        {
            return evidence with
            {
                Verdict = Statistics.Verdict.InsufficientData,
                Reason = $"need at least {_needed} samples per side to detect a change at q={VerdictRule.Number(options.Q)} (have {a.Length} and {b.Length})",
            };
        }
        var result = test.Test(a, b);
        return evidence with { Test = result, Warnings = result.Method == MannWhitneyMethod.AllEqual ? ["all samples are equal"] : [] };
    }

    private SampleSummary? Summarise(ImmutableArray<double> sorted)
    {
        if (sorted.Length == 0)
        {
            return null;
        }
        if (!_intervals.TryGetValue(sorted.Length, out var interval))
        {
            _intervals[sorted.Length] = interval = MedianInterval.For(sorted.Length, options.Confidence);
        }
        return SampleSummary.Of(sorted.AsSpan(), interval, options.Confidence);
    }
}
