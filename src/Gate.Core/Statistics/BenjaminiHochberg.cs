namespace Gate.Core.Statistics;

/// <summary>
/// Benjamini–Hochberg control of the false discovery rate over a family of tests: adjusted p-values
/// (q-values) such that declaring every test with q ≤ Q significant keeps the expected share of false
/// discoveries among the discoveries at most Q (for independent or positively dependent tests).
/// </summary>
public static class BenjaminiHochberg
{
    /// <summary>The adjusted p-values, in the order of <paramref name="pValues"/>: min over k ≥ rank of p₍ₖ₎·m/k, capped at 1.</summary>
    public static double[] Adjust(IReadOnlyList<double> pValues)
    {
        var m = pValues.Count;
        var order = new int[m];
        for (var i = 0; i < m; i++)
        {
            order[i] = i;
        }
        Array.Sort(order, (a, b) => pValues[a].CompareTo(pValues[b]));
        var adjusted = new double[m];
        var running = 1.0;
        for (var rank = m; rank >= 1; rank--)
        {
            var index = order[rank - 1];
            running = Math.Min(running, pValues[index] * m / rank);
            adjusted[index] = running;
        }
        return adjusted;
    }
}
