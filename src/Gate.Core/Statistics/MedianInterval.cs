namespace Gate.Core.Statistics;

/// <summary>
/// A distribution-free confidence interval of the median: the order statistics whose ranks bound it, from the
/// binomial distribution of how many samples fall below the population median (the method benchstat uses:
/// exact up to 30 samples, accumulating probability outwards from the mode with a left bias; a normal
/// approximation with continuity correction beyond).
/// </summary>
/// <param name="LowOrder">1-based rank of the lower bound; below 1 means −∞.</param>
/// <param name="HighOrder">1-based rank of the upper bound; above the sample size means +∞.</param>
/// <param name="Confidence">The interval's actual confidence level.</param>
public readonly record struct MedianInterval(int LowOrder, int HighOrder, double Confidence)
{
    private const int ExactLimit = 30;

    /// <summary>The interval for a sample of <paramref name="n"/> values.</summary>
    public static MedianInterval For(int n, double confidence)
    {
        if (confidence >= 1)
        {
            return new MedianInterval(0, n + 1, 1);
        }
        return n <= ExactLimit ? Exact(n, confidence) : Approximate(n, confidence);
    }

    /// <summary>The smallest sample size whose interval is finite at <paramref name="confidence"/>.</summary>
    public static int SamplesForFiniteInterval(double confidence)
    {
        for (var n = 2; n <= 50; n++)
        {
            var interval = For(n, confidence);
            if (interval.LowOrder > 0 && interval.HighOrder <= n)
            {
                return n;
            }
        }
        return 51;
    }

    private static MedianInterval Exact(int n, double confidence)
    {
        // k = number of samples below the population median ~ Binomial(n, 1/2); PMF(k) is the chance that the
        // median lies between the k-th and (k+1)-th order statistics. Start at the (lower) mode and add the
        // larger neighbour until the confidence is reached; ties go left.
        var mode = (int)Math.Ceiling((n + 1) * 0.5) - 1;
        var accumulated = BinomialHalf(n, mode);
        int left = mode, right = mode + 1;
        var leftP = BinomialHalf(n, left - 1);
        var rightP = BinomialHalf(n, right);
        while (accumulated < confidence && (leftP > 0 || rightP > 0))
        {
            if (leftP >= rightP)
            {
                accumulated += leftP;
                left--;
                leftP = BinomialHalf(n, left - 1);
            }
            else
            {
                accumulated += rightP;
                right++;
                rightP = BinomialHalf(n, right);
            }
        }
        return new MedianInterval(Math.Max(left, 0), Math.Min(right, n + 1), accumulated);
    }

    private static MedianInterval Approximate(int n, double confidence)
    {
        var mean = n * 0.5;
        var sd = Math.Sqrt(n * 0.25);
        var l1 = mean + sd * Normal.InverseCdf((1 - confidence) / 2);
        var r1 = 2 * mean - l1;
        var left = (int)Math.Floor(Math.Floor(l1 - 0.5) + 0.5) + 1;
        var right = (int)Math.Floor(Math.Ceiling(r1 - 0.5) + 0.5) + 1;
        double Covered(int l, int r) => Normal.Cdf((r - 0.5 - mean) / sd) - Normal.Cdf((l - 0.5 - mean) / sd);
        var achieved = Covered(left, right);
        var biased = Covered(left, right - 1);
        if (biased >= confidence && biased < achieved)
        {
            achieved = biased;
            right--;
        }
        if (left <= 0 && right >= n + 1)
        {
            achieved = 1;
        }
        return new MedianInterval(Math.Max(left, 0), Math.Min(right, n + 1), achieved);
    }

    private static double BinomialHalf(int n, int k) =>
        k < 0 || k > n ? 0 : Math.Exp(Combinatorics.LogChoose(n, k) - n * Math.Log(2));
}
