using Gate.Core.Pairing;
using Gate.Core.Results;

namespace Gate.Core.Statistics;

/// <summary>
/// The comparison stage of the pipeline (read → measure → group → <b>compare</b> → render), in four steps:
/// <list type="number">
/// <item><b>Pair</b> (<see cref="RunPairing"/>): benchmarks by package, name and GOMAXPROCS, metrics by name; a metric
/// missing on one side, from a different source, or runs from incompatible environments give
/// <see cref="Verdict.Incomparable"/>.</item>
/// <item><b>Summarise and test</b> (<see cref="EvidenceGatherer"/>): each side's median with its confidence interval
/// (benchstat's <c>±</c>); the change as the ratio of medians (benchstat's figure) and the Hodges–Lehmann shift with
/// its interval. Deterministic metrics (declared exact; discrete counts when every sample of each side is equal) are
/// judged by the practical threshold alone. Noisy ones get a Mann–Whitney p-value; too few samples to ever reach q
/// gives <see cref="Verdict.InsufficientData"/>.</item>
/// <item><b>Control false discoveries</b> (<see cref="FalseDiscovery"/>): Benjamini–Hochberg over all p-values of the run.</item>
/// <item><b>Decide</b> (<see cref="VerdictRule"/>): significant (q-value ≤ q) and at least the threshold → regression or
/// improvement by the metric's better direction; otherwise unchanged. When the machine-speed canary moved, metrics
/// that depend on the machine's speed get <see cref="Verdict.EnvironmentChanged"/>.</item>
/// </list>
/// What each metric is (nature, default threshold, price, speed dependence) comes from its declaration
/// (<see cref="CompareOptions.Metrics"/>).
/// </summary>
public static class ComparisonEngine
{
    /// <summary>Compares two runs.</summary>
    public static ComparisonReport Compare(RunResults old, RunResults @new, CompareOptions options)
    {
        var test = new MannWhitney();
        var paired = RunPairing.Pair(old, @new);
        var canary = CanaryCheck.Of(old.Canary, @new.Canary, options.Canary, test);
        var gatherer = new EvidenceGatherer(options, PricedThresholds.Wrap(options.Thresholds, old, options.Metrics), test);
        var evidence = paired.Metrics.Select(gatherer.Gather).ToList();
        var qValues = FalseDiscovery.QValues(evidence);
        var comparisons = evidence
            .Select((e, i) => VerdictRule.Decide(e, qValues[i], options.Q, canary))
            .GroupBy(c => (c.Metric.Name, c.Metric.Source))
            .SelectMany(group => group)
            .ToList();
        return new ComparisonReport(options, paired.Environment, canary, comparisons, Geomeans.Of(comparisons));
    }

    /// <summary>The smallest equal sample size per side at which a Mann–Whitney test can reach <paramref name="q"/>.</summary>
    public static int SamplesNeeded(double q)
    {
        var n = 1;
        while (n < 100 && MannWhitney.MinimumPValue(n, n) > q)
        {
            n++;
        }
        return n;
    }
}
