namespace Gate.Core.Statistics;

/// <summary>The false-discovery step of one comparison run: Benjamini–Hochberg over every p-value of the run.</summary>
internal static class FalseDiscovery
{
    /// <summary>The q-value of each evidence, in its order; null for those without a test that counts (<see cref="MetricEvidence.CountsAsTest"/>).</summary>
    public static IReadOnlyList<double?> QValues(IReadOnlyList<MetricEvidence> evidence)
    {
        var tested = Enumerable.Range(0, evidence.Count).Where(i => evidence[i].CountsAsTest).ToList();
        var adjusted = BenjaminiHochberg.Adjust([.. tested.Select(i => evidence[i].Test!.Value.PValue)]);
        var qValues = new double?[evidence.Count];
        for (var k = 0; k < tested.Count; k++)
        {
            qValues[tested[k]] = adjusted[k];
        }
        return qValues;
    }
}
