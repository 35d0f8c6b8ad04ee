namespace Gate.Core.Statistics;

/// <summary>Binomial coefficients in log space, exact enough for the sample sizes of benchmarks.</summary>
internal static class Combinatorics
{
    /// <summary>ln C(n, k).</summary>
    public static double LogChoose(int n, int k)
    {
        if (k < 0 || k > n)
        {
            return double.NegativeInfinity;
        }
        k = Math.Min(k, n - k);
        var sum = 0.0;
        for (var i = 1; i <= k; i++)
        {
            sum += Math.Log(n - k + i) - Math.Log(i);
        }
        return sum;
    }

    /// <summary>C(n, k) as a double.</summary>
    public static double Choose(int n, int k) => Math.Round(Math.Exp(LogChoose(n, k)));
}
