using System.Globalization;
using Gate.Core.Results;

namespace Gate.Core.Statistics;

/// <summary>Whether a benchmark needs more samples, and why not.</summary>
/// <param name="Settled">True when more samples cannot change its verdict in any way that matters.</param>
/// <param name="Reason">The first metric still open, or why every metric is settled.</param>
public sealed record SequentialDecision(bool Settled, string Reason);

/// <summary>
/// The stopping rule of <c>--samples auto</c>: after each round, a benchmark whose verdict is settled gets no more
/// samples; the others go on up to <see cref="Maximum"/>. The verdicts are then reached by the unchanged
/// <see cref="ComparisonEngine"/> on the samples taken. A benchmark is settled when every one of its metrics is:
/// <list type="bullet">
/// <item><b>deterministic</b>: simulated counters after <see cref="DeterministicMinimum"/> samples per side; allocs/op
/// with every sample of each side equal after <see cref="NoisyMinimum"/> (the engine judges both by the threshold alone);</item>
/// <item><b>not judged</b>: the metric is on one side only, from different sources, or a wall-time metric while the
/// speed canary already counts as unstable (its verdict will be "environment changed" whatever follows);</item>
/// <item><b>clearly inside the threshold</b> (equivalence): after <see cref="NoisyMinimum"/> samples per side, the
/// distribution-free (Moses) <see cref="EquivalenceConfidence"/> interval of the difference new − old, and the
/// difference of the medians, are all smaller than the practical threshold;</item>
/// <item><b>clearly changed</b> (efficacy): the interval lies wholly beyond the threshold on one side, the medians
/// differ by at least the threshold, and the Mann–Whitney p-value is at most <see cref="InterimAlpha"/> =
/// q × <see cref="InterimShare"/> / (comparisons × looks): a Bonferroni split over every noisy comparison of the run
/// and every interim look. Such a p-value is significant under Benjamini–Hochberg whatever the other p-values are
/// (its q-value is at most comparisons × p ≤ q), so the engine calls the change too.</item>
/// </list>
/// False alarms: a benchmark that runs to the maximum is judged on exactly the samples a fixed run of
/// <see cref="Maximum"/> would have, and stopping early as "inside the threshold" can only remove alarms, so the
/// only additional alarms come from interim efficacy stops: at most q × <see cref="InterimShare"/> per run (the
/// Bonferroni bound). The rate per run is therefore at most 1.25 q by construction; the simulation tests measure it.
/// </summary>
public sealed class SequentialRule
{
    /// <summary>Samples per side at most, unless <c>--samples auto:N</c> says otherwise.</summary>
    public const int DefaultMaximum = 20;

    /// <summary>Samples per side before a noisy metric is judged.</summary>
    public const int NoisyMinimum = 5;

    /// <summary>Samples per side before a simulated (deterministic) metric counts as settled.</summary>
    public const int DeterministicMinimum = 2;

    /// <summary>Confidence level of the interval that must lie inside (or beyond) the threshold.</summary>
    public const double EquivalenceConfidence = 0.99;

    /// <summary>The share of q spent on interim efficacy stops.</summary>
    public const double InterimShare = 0.25;

    private readonly CompareOptions _options;
    private readonly MannWhitney _test = new();

    /// <summary>A rule for a run of up to <paramref name="maximum"/> samples per side with <paramref name="comparisons"/> noisy comparisons.</summary>
    public SequentialRule(CompareOptions options, int maximum, int comparisons)
    {
        _options = options;
        Maximum = maximum;
        Minimum = Math.Max(NoisyMinimum, ComparisonEngine.SamplesNeeded(options.Q));
        var looks = Math.Max(1, maximum - Minimum);
        InterimAlpha = options.Q * InterimShare / (Math.Max(1, comparisons) * looks);
    }

    /// <summary>Samples per side at most.</summary>
    public int Maximum { get; }

    /// <summary>Samples per side before a noisy metric is judged.</summary>
    public int Minimum { get; }

    /// <summary>The largest Mann–Whitney p-value with which an interim look stops a benchmark as changed.</summary>
    public double InterimAlpha { get; }

    /// <summary>
    /// The number of noisy comparisons of a run (metrics judged by a test): every metric of every benchmark that is
    /// not simulated. allocs/op counts too, although it is often deterministic: counting it keeps the bound safe.
    /// </summary>
    public static int NoisyComparisons(IEnumerable<BenchmarkResult?> benchmarks) =>
        benchmarks.OfType<BenchmarkResult>().Sum(b => b.Metrics.Count(m => m.Source != MetricSource.Sim));

    /// <summary>Judges one benchmark from its samples so far; <paramref name="canary"/> is the run's speed canary (both sides share it).</summary>
    public SequentialDecision Judge(BenchmarkResult old, BenchmarkResult @new, CanaryRecord? canary)
    {
        var speedChanged = canary is not null && CanaryCheck.Of(canary, canary, _options.Canary, _test).SpeedChanged;
        var reasons = new List<string>();
        foreach (var name in old.Metrics.Concat(@new.Metrics).Select(m => m.Name).Distinct())
        {
            var oldInfo = old.Metrics.FirstOrDefault(m => m.Name == name);
            var newInfo = @new.Metrics.FirstOrDefault(m => m.Name == name);
            if (oldInfo is null || newInfo is null || oldInfo.Source != newInfo.Source)
            {
                continue; // incomparable whatever follows
            }
            var (settled, reason) = JudgeMetric(old, @new, newInfo, speedChanged);
            if (!settled)
            {
                return new SequentialDecision(false, $"{name}: {reason}");
            }
            reasons.Add($"{name}: {reason}");
        }
        return new SequentialDecision(true, reasons.Count == 0 ? "nothing comparable" : string.Join("; ", reasons));
    }

    private (bool Settled, string Reason) JudgeMetric(BenchmarkResult old, BenchmarkResult @new, MetricInfo metric, bool speedChanged)
    {
        var a = old.ValuesOf(metric.Name);
        var b = @new.ValuesOf(metric.Name);
        Array.Sort(a);
        Array.Sort(b);
        if (metric.Source == MetricSource.Sim)
        {
            return Math.Min(a.Length, b.Length) >= DeterministicMinimum ? (true, "deterministic") : (false, "too few samples");
        }
        if (speedChanged && CanaryCheck.IsWallTime(metric))
        {
            return (true, "machine speed changed (not judged)");
        }
        if (Math.Min(a.Length, b.Length) < Minimum)
        {
            return (false, "too few samples");
        }
        if (metric.Name == "allocs/op" && a[0] == a[^1] && b[0] == b[^1])
        {
            return (true, "deterministic");
        }
        var threshold = _options.Thresholds.For(new ThresholdKey(@new.Package, @new.Name, metric));
        var oldMedian = SampleSummary.MedianOf(a);
        var newMedian = SampleSummary.MedianOf(b);
        var (low, high) = DifferenceInterval(a, b);
        if (low is null || high is null)
        {
            return (false, "too few samples for an interval");
        }
        var medianMeets = threshold.IsMetBy(oldMedian, newMedian);
        if (!medianMeets && !threshold.IsMetBy(oldMedian, oldMedian + low.Value) && !threshold.IsMetBy(oldMedian, oldMedian + high.Value))
        {
            return (true, $"inside threshold {threshold}");
        }
        var nearer = low.Value > 0 ? low.Value : high.Value < 0 ? high.Value : (double?)null;
        if (nearer is { } edge && medianMeets && threshold.IsMetBy(oldMedian, oldMedian + edge))
        {
            var p = _test.Test(a, b).PValue;
            if (p <= InterimAlpha)
            {
                return (true, $"beyond threshold {threshold} (p={p.ToString("0.#####", CultureInfo.InvariantCulture)})");
            }
            return (false, "beyond threshold, not yet significant enough");
        }
        return (false, "interval reaches the threshold");
    }

    /// <summary>Moses' distribution-free interval of the shift new − old at <see cref="EquivalenceConfidence"/>; nulls when the samples are too few.</summary>
    private (double? Low, double? High) DifferenceInterval(double[] a, double[] b)
    {
        var k = ChangeEstimate.MosesRank(a.Length, b.Length, EquivalenceConfidence, _test);
        if (k < 1)
        {
            return (null, null);
        }
        var differences = new double[a.Length * b.Length];
        var i = 0;
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                differences[i++] = y - x;
            }
        }
        Array.Sort(differences);
        return (differences[k - 1], differences[^k]);
    }
}
