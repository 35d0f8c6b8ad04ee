using System.Globalization;
using Gate.Core.Metrics;
using Gate.Core.Pairing;
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
/// <item><b>deterministic</b>: metrics declared exact after <see cref="DeterministicMinimum"/> samples per side; discrete
/// counts with every sample of each side equal after <see cref="NoisyMinimum"/> (the engine judges both by the threshold alone);</item>
/// <item><b>not judged</b>: the metric is on one side only, from different sources, or a wall-time metric while the
/// speed canary already counts as unstable (its verdict will be "environment changed" whatever follows);</item>
/// <item><b>clearly inside the threshold</b> (equivalence): after <see cref="NoisyMinimum"/> samples per side, the
/// distribution-free (Moses) <see cref="EquivalenceConfidence"/> interval of the difference new − old, and the
/// difference of the medians, are all smaller than the practical threshold;</item>
/// <item><b>clearly changed</b> (efficacy): the interval lies wholly beyond the threshold on one side, the medians
/// differ by at least the threshold, and the Mann–Whitney p-value is at most <see cref="InterimAlpha"/> =
/// q × <see cref="InterimShare"/> / (comparisons × looks): a Bonferroni split over every noisy comparison of the run
/// and every interim look. Such a p-value is significant under Benjamini–Hochberg whatever the other p-values are
/// (its q-value is at most comparisons × p ≤ q), so the engine calls the change too;</item>
/// <item><b>futile</b> (stochastic curtailment): the p-value so far is above q, and the conditional power — the chance
/// that the samples up to the maximum would show a significant change of at least the threshold — is below
/// <see cref="FutilityPower"/>, computed so that it errs toward sampling on (see <c>ConditionalPower</c>). This is
/// what stops a benchmark whose noise is too large for any verdict but "unchanged" within the maximum.</item>
/// </list>
/// False alarms: a benchmark that runs to the maximum is judged on exactly the samples a fixed run of
/// <see cref="Maximum"/> would have; one stopped as inside the threshold or futile is "unchanged" whatever the other
/// benchmarks' p-values (its median change is below the threshold, or its q-value is at least its p-value, above q),
/// so those stops can only remove alarms; the only additional alarms come from interim efficacy stops: at most
/// q × <see cref="InterimShare"/> per run (the Bonferroni bound). The simulation tests measure the rates, the power
/// near the threshold and the agreement with a fixed run.
/// </summary>
public sealed class SequentialRule
{
    /// <summary>Samples per side at most, unless <c>--samples auto:N</c> says otherwise.</summary>
    public const int DefaultMaximum = 20;

    /// <summary>Samples per side before a noisy metric is judged.</summary>
    public const int NoisyMinimum = 5;

    /// <summary>Samples per side before an exact (deterministic) metric counts as settled.</summary>
    public const int DeterministicMinimum = 2;

    /// <summary>Confidence level of the interval that must lie inside (or beyond) the threshold.</summary>
    public const double EquivalenceConfidence = 0.99;

    /// <summary>The share of q spent on interim efficacy stops.</summary>
    public const double InterimShare = 0.25;

    /// <summary>Below this conditional power a metric stops as futile: the maximum could not show a change that matters.</summary>
    public const double FutilityPower = 0.01;

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
    /// not declared exact. Discrete counts count too, although they are often deterministic: counting them keeps the
    /// bound safe.
    /// </summary>
    public static int NoisyComparisons(IEnumerable<BenchmarkResult?> benchmarks, MetricCatalog metrics) =>
        benchmarks.OfType<BenchmarkResult>().Sum(b => b.Metrics.Count(m => metrics.Of(m).Nature != MetricNature.Exact));

    /// <summary>Judges one benchmark from its samples so far; <paramref name="canary"/> is the run's speed canary (both sides share it).</summary>
    public SequentialDecision Judge(BenchmarkResult old, BenchmarkResult @new, CanaryRecord? canary)
    {
        var speedChanged = canary is not null && CanaryCheck.Of(canary, canary, _options.Canary, _test).SpeedChanged;
        var reasons = new List<string>();
        foreach (var (name, oldInfo, newInfo) in RunPairing.MetricsByName(old, @new))
        {
            if (oldInfo is null || newInfo is null || oldInfo.Source != newInfo.Source)
            {
                continue; // incomparable whatever follows
            }
            var (settled, reason) = JudgeMetric(old, @new, _options.Metrics.Of(newInfo), speedChanged);
            if (!settled)
            {
                return new SequentialDecision(false, $"{name}: {reason}");
            }
            reasons.Add($"{name}: {reason}");
        }
        return new SequentialDecision(true, reasons.Count == 0 ? "nothing comparable" : string.Join("; ", reasons));
    }

    private (bool Settled, string Reason) JudgeMetric(BenchmarkResult old, BenchmarkResult @new, MetricDeclaration metric, bool speedChanged)
    {
        var a = old.ValuesOf(metric.Name);
        var b = @new.ValuesOf(metric.Name);
        Array.Sort(a);
        Array.Sort(b);
        if (metric.Nature == MetricNature.Exact)
        {
            return Math.Min(a.Length, b.Length) >= DeterministicMinimum ? (true, "deterministic") : (false, "too few samples");
        }
        if (speedChanged && metric.DependsOnMachineSpeed)
        {
            return (true, "machine speed changed (not judged)");
        }
        if (Math.Min(a.Length, b.Length) < Minimum)
        {
            return (false, "too few samples");
        }
        if (metric.Nature == MetricNature.Discrete && a[0] == a[^1] && b[0] == b[^1])
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
        if (ConditionalPower(a, b, threshold, oldMedian) is { } power && power < FutilityPower && _test.Test(a, b).PValue > _options.Q)
        {
            return (true, $"futile: no change beyond {threshold} can be shown by {Maximum} samples (conditional power {power.ToString("0.###", CultureInfo.InvariantCulture)})");
        }
        return (false, "interval reaches the threshold");
    }

    /// <summary>
    /// The chance that the comparison after <see cref="Maximum"/> samples per side finds a significant change (p ≤ q,
    /// the least any Benjamini–Hochberg level asks) at least the threshold, given the samples so far (stochastic
    /// curtailment). Normal approximation on the log scale with σ from the sides' median absolute deviations (what a
    /// rank test's power follows; robust to outliers and to a second mode), and for what is still uncertain (the shift
    /// so far, the samples to come) σ's 90 % upper confidence bound; the samples to come are assumed to shift by the far
    /// end of an 80 % interval of the shift so far. Each choice errs toward sampling on. Null for values that are not
    /// all positive or that do not spread.
    /// </summary>
    private double? ConditionalPower(double[] a, double[] b, Threshold threshold, double oldMedian)
    {
        if (a[0] <= 0 || b[0] <= 0 || oldMedian <= 0)
        {
            return null;
        }
        var logA = Array.ConvertAll(a, Math.Log);
        var logB = Array.ConvertAll(b, Math.Log);
        var sigma = Math.Sqrt((Math.Pow(Mad(logA), 2) + Math.Pow(Mad(logB), 2)) / 2);
        if (!(sigma > 0))
        {
            return null;
        }
        var k = Math.Min(a.Length, b.Length);
        var n = Maximum;
        var upper = sigma * UpperBoundFactor(2 * (k - 1) * MadEfficiency);
        var shift = SampleSummary.MedianOf(logB) - SampleSummary.MedianOf(logA);
        var final = Math.Abs(shift) + (n - k) * Normal.InverseCdf(0.9) * upper * Math.Sqrt(2.0 / k) / n;
        var spread = upper * Math.Sqrt(2.0 * (n - k)) / n;
        var relative = Math.Max(threshold.Relative ?? 0, (threshold.Absolute ?? 0) / oldMedian);
        var needed = Math.Max(Normal.InverseCdf(1 - _options.Q / 2) * sigma * Math.Sqrt(2.0 / n), Math.Log(1 + relative));
        return Normal.Cdf((final - needed) / spread) + Normal.Cdf((-final - needed) / spread);
    }

    /// <summary>The median absolute deviation's efficiency relative to the standard deviation for normal data.</summary>
    private const double MadEfficiency = 0.37;

    /// <summary>The median absolute deviation of sorted values from their median, scaled to σ for normal data.</summary>
    private static double Mad(double[] sorted)
    {
        var median = SampleSummary.MedianOf(sorted);
        return 1.4826 * SampleSummary.MedianOf(sorted.Select(v => Math.Abs(v - median)).Order().ToArray());
    }

    /// <summary>σ's 90 % upper confidence bound relative to its estimate with <paramref name="degrees"/> degrees of freedom: √(ν / χ²₀.₁(ν)), χ² by Wilson–Hilferty.</summary>
    private static double UpperBoundFactor(double degrees)
    {
        var cube = 1 - 2 / (9 * degrees) + Normal.InverseCdf(0.1) * Math.Sqrt(2 / (9 * degrees));
        return cube <= 0 ? double.PositiveInfinity : Math.Sqrt(1 / (cube * cube * cube));
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
