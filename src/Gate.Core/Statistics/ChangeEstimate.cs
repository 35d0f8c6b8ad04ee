namespace Gate.Core.Statistics;

/// <summary>
/// How much a metric changed from old to new, as fractions (+0.05 is 5 % more).
/// </summary>
/// <param name="Change">
/// new median / old median − 1: the figure benchstat prints; relative to |old median| when that is negative (a
/// per-op difference of rare events can be), so that the sign always says which way the metric went; null when
/// the old median is 0.
/// </param>
/// <param name="Shift">
/// The Hodges–Lehmann estimate of the change: for positive values exp(median of ln yⱼ − ln xᵢ over all pairs) − 1,
/// that is the typical ratio of a new sample to an old one; otherwise the median pairwise difference relative to
/// the old median. Null when it cannot be expressed relative to the old median (old median 0).
/// </param>
/// <param name="Low">Lower end of the confidence interval of <paramref name="Shift"/>; null when too few samples.</param>
/// <param name="High">Upper end of the confidence interval of <paramref name="Shift"/>; null when too few samples.</param>
/// <param name="Confidence">Confidence level of the interval (Moses' distribution-free interval, from the U distribution).</param>
public sealed record ChangeEstimate(double? Change, double? Shift, double? Low, double? High, double Confidence)
{
    /// <summary>Estimates the change between two sorted samples.</summary>
    public static ChangeEstimate Of(ReadOnlySpan<double> oldSorted, ReadOnlySpan<double> newSorted, MannWhitney distributions, double confidence = SampleSummary.DefaultConfidence)
    {
        var oldMedian = SampleSummary.MedianOf(oldSorted);
        var newMedian = SampleSummary.MedianOf(newSorted);
        double? change = oldMedian == 0 ? (newMedian == 0 ? 0 : null) : oldMedian > 0 ? newMedian / oldMedian - 1 : (newMedian - oldMedian) / -oldMedian;
        int n1 = oldSorted.Length, n2 = newSorted.Length;
        var positive = oldSorted[0] > 0 && newSorted[0] > 0;
        Span<double> transformed = n2 <= 256 ? stackalloc double[n2] : new double[n2];
        for (var j = 0; j < n2; j++)
        {
            transformed[j] = positive ? Math.Log(newSorted[j]) : newSorted[j];
        }
        var pairs = new double[n1 * n2];
        var p = 0;
        foreach (var x in oldSorted)
        {
            var lx = positive ? Math.Log(x) : x;
            foreach (var y in transformed)
            {
                pairs[p++] = y - lx;
            }
        }
        Array.Sort(pairs);
        var k = MosesRank(n1, n2, confidence, distributions);
        double? Relative(double difference)
        {
            if (positive)
            {
                return Math.Exp(difference) - 1;
            }
            return oldMedian == 0 ? null : difference / Math.Abs(oldMedian);
        }
        var shift = Relative(SampleSummary.MedianOf(pairs));
        if (k < 1)
        {
            return new ChangeEstimate(change, shift, null, null, confidence);
        }
        return new ChangeEstimate(change, shift, Relative(pairs[k - 1]), Relative(pairs[n1 * n2 - k]), confidence);
    }

    /// <summary>
    /// The rank k of the pairwise difference that bounds the interval: the largest k with P(U &lt; k) ≤ (1 − confidence) / 2;
    /// 0 when no such k exists (too few samples for the level).
    /// </summary>
    public static int MosesRank(int n1, int n2, double confidence, MannWhitney distributions)
    {
        var tail = (1 - confidence) / 2;
        if (n1 <= MannWhitney.ExactLimit && n2 <= MannWhitney.ExactLimit)
        {
            var cdf = distributions.CumulativeWithoutTies(n1, n2);
            var k = 0;
            while (k < cdf.Length && cdf[k] <= tail)
            {
                k++;
            }
            return k;
        }
        var mean = n1 * (double)n2 / 2;
        var sd = Math.Sqrt(n1 * (double)n2 * (n1 + n2 + 1) / 12.0);
        return Math.Max(0, (int)Math.Floor(mean + Normal.InverseCdf(tail) * sd));
    }
}
