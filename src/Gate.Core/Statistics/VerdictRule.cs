using System.Globalization;
using Gate.Core.Results;

namespace Gate.Core.Statistics;

/// <summary>
/// The deciding step of one comparison run: significant (deterministic, or q-value ≤ q) and at least the threshold
/// → regression or improvement by the metric's better direction; otherwise unchanged. A metric that depends on the
/// machine's speed gets <see cref="Verdict.EnvironmentChanged"/> when the speed canary moved.
/// </summary>
internal static class VerdictRule
{
    /// <summary>The comparison row of <paramref name="evidence"/>, whose q-value is <paramref name="qValue"/>.</summary>
    public static MetricComparison Decide(MetricEvidence evidence, double? qValue, double q, CanaryCheck canary)
    {
        var (verdict, reason) = evidence.Verdict is { } settled ? (settled, evidence.Reason) : Judge(evidence, qValue, q, canary);
        var pair = evidence.Pair;
        return new MetricComparison(pair.Package, pair.Benchmark, pair.Procs, pair.Metric, evidence.Old, evidence.New, evidence.Change,
            evidence.Test?.PValue, qValue, evidence.Test?.Method, evidence.Deterministic, evidence.Threshold, verdict, reason,
            [.. evidence.Old?.Warnings ?? [], .. evidence.New?.Warnings ?? [], .. evidence.Warnings]);
    }

    /// <summary>A number in a reason: up to three decimals, invariant culture.</summary>
    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static (Verdict Verdict, string Reason) Judge(MetricEvidence evidence, double? qValue, double q, CanaryCheck canary)
    {
        var oldMedian = evidence.Old!.Median;
        var newMedian = evidence.New!.Median;
        var threshold = evidence.Threshold;
        var worse = evidence.Pair.Metric.Better == Better.Lower ? newMedian > oldMedian : newMedian < oldMedian;
        (Verdict Verdict, string Reason) judged;
        if (!(evidence.Deterministic || qValue <= q))
        {
            judged = (Verdict.Unchanged, evidence.Test?.Method == MannWhitneyMethod.AllEqual ? "all samples are equal" : $"not significant (q={Number(qValue ?? 1)})");
        }
        else if (!threshold.IsMetBy(oldMedian, newMedian))
        {
            judged = (Verdict.Unchanged, newMedian == oldMedian ? "no change" : $"below threshold {threshold}");
        }
        else
        {
            judged = (worse ? Verdict.Regression : Verdict.Improvement,
                evidence.Deterministic ? $"deterministic, beyond threshold {threshold}" : $"significant (q={Number(qValue!.Value)}), beyond threshold {threshold}");
        }
        if (canary.SpeedChanged && evidence.Declaration.DependsOnMachineSpeed)
        {
            return (Verdict.EnvironmentChanged, $"machine speed changed (would be {judged.Verdict.Name()}: {judged.Reason})");
        }
        return judged;
    }
}
