namespace Gate.Core.Statistics;

/// <summary>How a Mann–Whitney p-value was computed.</summary>
public enum MannWhitneyMethod
{
    /// <summary>Exact permutation distribution of U, no ties (both samples at most 50 values).</summary>
    Exact,

    /// <summary>Exact permutation distribution over the tie groups (both samples at most 25 values).</summary>
    ExactWithTies,

    /// <summary>Normal approximation with tie and continuity corrections.</summary>
    NormalApproximation,

    /// <summary>Every value of both samples is equal: no test is possible, p = 1.</summary>
    AllEqual,
}

/// <summary>The outcome of a two-sided Mann–Whitney U test.</summary>
/// <param name="U">The smaller of the two U statistics (ties count ½).</param>
/// <param name="PValue">Two-sided p-value of "both samples come from the same distribution".</param>
/// <param name="Method">How <paramref name="PValue"/> was computed.</param>
public readonly record struct MannWhitneyResult(double U, double PValue, MannWhitneyMethod Method);

/// <summary>
/// The two-sided Mann–Whitney U test, computed as benchstat computes it (its benchmath package, through
/// go-moremath): exact distribution without ties up to 50 values per sample, exact distribution with ties up
/// to 25 values per sample, otherwise the normal approximation with tie correction and continuity correction.
/// Perfolizer 0.6.1's <c>MannWhitneyTest</c> gives the same p-values without ties (the tests check it), but it
/// ignores ties (benchmark values printed to 4 digits tie often: it says 0.280 where benchstat says 0.271) and
/// it needs about 1.6 s for 10,000 comparisons of 10 samples, so the engine computes the distribution itself.
/// An instance caches the exact distributions per pair of sample sizes: use one per comparison run.
/// </summary>
public sealed class MannWhitney
{
    /// <summary>Largest sample size for the exact distribution without ties (benchstat's limit).</summary>
    public const int ExactLimit = 50;

    /// <summary>Largest sample size for the exact distribution with ties (go-moremath's limit, which benchstat uses).</summary>
    public const int TiesExactLimit = 25;

    private readonly Dictionary<(int, int), double[]> _cumulative = [];

    /// <summary>Tests two samples, each sorted ascending and not empty.</summary>
    public MannWhitneyResult Test(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        int n1 = x.Length, n2 = y.Length;
        if (n1 == 0 || n2 == 0)
        {
            throw new ArgumentException("both samples need at least one value");
        }
        // Merge, rank with midranks, find the tie groups.
        var groups = new List<(int Size, int Ones)>(n1 + n2);
        var doubledRankSum1 = 0L;
        int i = 0, j = 0, position = 0;
        var hasTies = false;
        while (i < n1 || j < n2)
        {
            var value = j >= n2 || (i < n1 && x[i] <= y[j]) ? x[i] : y[j];
            var ones = 0;
            var size = 0;
            while (i < n1 && x[i] == value)
            {
                i++;
                ones++;
                size++;
            }
            while (j < n2 && y[j] == value)
            {
                j++;
                size++;
            }
            // Ranks position+1 .. position+size; doubled midrank = 2*position + size + 1.
            doubledRankSum1 += (long)ones * (2L * position + size + 1);
            position += size;
            hasTies |= size > 1;
            groups.Add((size, ones));
        }
        var doubledU1 = doubledRankSum1 - (long)n1 * (n1 + 1);
        var doubledUMin = Math.Min(doubledU1, 2L * n1 * n2 - doubledU1);
        var u = doubledUMin / 2.0;
        if (groups.Count == 1)
        {
            return new MannWhitneyResult(u, 1, MannWhitneyMethod.AllEqual);
        }
        if (!hasTies && n1 <= ExactLimit && n2 <= ExactLimit)
        {
            var cdf = CumulativeWithoutTies(n1, n2);
            var p = 2 * cdf[(int)(doubledUMin / 2)];
            return new MannWhitneyResult(u, doubledUMin * 2 == 2L * n1 * n2 ? 1 : Math.Min(1, p), MannWhitneyMethod.Exact);
        }
        if (hasTies && n1 <= TiesExactLimit && n2 <= TiesExactLimit)
        {
            return new MannWhitneyResult(u, doubledUMin * 2 == 2L * n1 * n2 ? 1 : Math.Min(1, 2 * ExactWithTies(groups, n1, doubledUMin)), MannWhitneyMethod.ExactWithTies);
        }
        return new MannWhitneyResult(u, NormalApproximation(groups, n1, n2, u), MannWhitneyMethod.NormalApproximation);
    }

    /// <summary>
    /// P(U ≤ u) for u = 0 … n1·n2 under the null hypothesis, without ties; cached per pair of sizes.
    /// </summary>
    public double[] CumulativeWithoutTies(int n1, int n2)
    {
        var key = n1 <= n2 ? (n1, n2) : (n2, n1);
        if (_cumulative.TryGetValue(key, out var cached))
        {
            return cached;
        }
        var (small, large) = key;
        // ways[k][s]: subsets of k ranks among those seen so far with rank sum s (0/1 knapsack, descending k).
        var maxSum = small * (small + large) - small * (small - 1) / 2;
        var ways = new double[small + 1][];
        for (var k = 0; k <= small; k++)
        {
            ways[k] = new double[maxSum + 1];
        }
        ways[0][0] = 1;
        for (var rank = 1; rank <= small + large; rank++)
        {
            for (var k = Math.Min(small, rank); k >= 1; k--)
            {
                var from = ways[k - 1];
                var to = ways[k];
                for (var s = maxSum; s >= rank; s--)
                {
                    to[s] += from[s - rank];
                }
            }
        }
        var total = Math.Exp(Combinatorics.LogChoose(small + large, small));
        var offset = small * (small + 1) / 2;
        var cdf = new double[small * large + 1];
        var running = 0.0;
        for (var u = 0; u <= small * large; u++)
        {
            running += ways[small][u + offset];
            cdf[u] = Math.Min(1, running / total);
        }
        _cumulative[key] = cdf;
        return cdf;
    }

    /// <summary>The smallest two-sided p-value samples of these sizes can reach (completely separated samples).</summary>
    public static double MinimumPValue(int n1, int n2) => Math.Min(1, 2 / Math.Exp(Combinatorics.LogChoose(n1 + n2, n1)));

    /// <summary>
    /// P(2U ≤ doubledU) over the equally likely assignments of the tie groups' members to the two samples (the exact
    /// conditional distribution with ties): a knapsack over the groups counting, for each number k of sample-1
    /// members so far, the ways to reach each doubled rank sum, up to the one needed.
    /// </summary>
    private static double ExactWithTies(List<(int Size, int Ones)> groups, int n1, long doubledU)
    {
        var n = 0;
        var largest = 1;
        foreach (var (size, _) in groups)
        {
            n += size;
            largest = Math.Max(largest, size);
        }
        var limit = (int)(doubledU + (long)n1 * (n1 + 1));
        var width = limit + 1;
        var ways = new double[(n1 + 1) * width];
        // Per row k, the range of sums reached so far (empty when low > high).
        var low = new int[n1 + 1];
        var high = new int[n1 + 1];
        Array.Fill(low, int.MaxValue);
        Array.Fill(high, -1);
        ways[0] = 1;
        low[0] = high[0] = 0;
        var choose = new double[largest + 1];
        var position = 0;
        foreach (var (size, _) in groups)
        {
            var doubledMidrank = 2 * position + size + 1;
            for (var c = 0; c <= size; c++)
            {
                choose[c] = Combinatorics.Choose(size, c);
            }
            var remainingAfter = n - position - size;
            // Descending k: rows k − c (c ≥ 1) still hold the counts before this group. Rows that can no longer
            // reach n1 with the groups left are skipped.
            for (var k = Math.Min(n1, position + size); k >= Math.Max(1, n1 - remainingAfter); k--)
            {
                var row = k * width;
                for (var c = 1; c <= size && c <= k; c++)
                {
                    var fromRow = k - c;
                    if (low[fromRow] > high[fromRow])
                    {
                        continue;
                    }
                    var step = c * doubledMidrank;
                    var first = low[fromRow] + step;
                    var last = Math.Min(limit, high[fromRow] + step);
                    if (first > last)
                    {
                        continue;
                    }
                    var from = fromRow * width - step;
                    var weight = choose[c];
                    for (var sum = first; sum <= last; sum++)
                    {
                        ways[row + sum] += ways[from + sum] * weight;
                    }
                    low[k] = Math.Min(low[k], first);
                    high[k] = Math.Max(high[k], last);
                }
            }
            position += size;
        }
        var below = 0.0;
        for (var sum = Math.Max(0, low[n1]); sum <= Math.Min(limit, high[n1]); sum++)
        {
            below += ways[n1 * width + sum];
        }
        return below / Math.Exp(Combinatorics.LogChoose(n, n1));
    }

    private static double NormalApproximation(List<(int Size, int Ones)> groups, int n1, int n2, double u)
    {
        var n = (double)(n1 + n2);
        var ties = groups.Sum(g => (double)g.Size * g.Size * g.Size - g.Size);
        var mean = n1 * (double)n2 / 2;
        var sd = Math.Sqrt(n1 * (double)n2 * ((n + 1) - ties / (n * (n - 1))) / 12);
        if (sd == 0)
        {
            return 1;
        }
        var numerator = u - mean;
        numerator -= Math.Sign(numerator) * 0.5;
        var z = numerator / sd;
        return Math.Min(1, 2 * Math.Min(Normal.Cdf(z), 1 - Normal.Cdf(z)));
    }
}
