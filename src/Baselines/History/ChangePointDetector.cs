using Perfolizer.Mathematics.Cpd;
using Perfolizer.Mathematics.SignificanceTesting.Base;
using Perfolizer.Mathematics.SignificanceTesting.MannWhitney;
using Perfolizer.Metrology;
using Pragmastat;

namespace Gate.Baselines.History;

/// <summary>A shift in a metric's history: the first run at the new level, and the size of the step.</summary>
/// <param name="Point">The first run after the shift (its commit is where the shift began).</param>
/// <param name="Before">Median of the runs from the previous shift up to this one.</param>
/// <param name="After">Median of the runs from this shift up to the next one.</param>
/// <param name="PValue">Mann–Whitney two-sided p-value of the two segments.</param>
public sealed record ChangePoint(MetricPoint Point, double Before, double After, double PValue)
{
    /// <summary>The step relative to the level before it, for example 0.10 for 10 % up; NaN when the level before is zero.</summary>
    public double RelativeShift => Before == 0 ? double.NaN : (After / Before) - 1;
}

/// <summary>
/// Finds shifts in a metric's history. ED-PELT (Perfolizer's <see cref="EdPeltChangePointDetector"/>; Haynes,
/// Fearnhead and Eckley 2017: PELT with a nonparametric cost built on the empirical distribution) proposes
/// change points with at least <see cref="MinSegment"/> runs between them. On noise alone ED-PELT proposes
/// splits too (about one flat series in three in our simulations), so each proposal must then pass a
/// Mann–Whitney test of its two neighbouring segments at <see cref="Alpha"/>; the weakest failing proposal is
/// dropped and the neighbours are tested again, until every remaining shift passes; each survivor is then moved,
/// between its neighbours, to the split with the least absolute deviation from the segments' medians (an outlier
/// next to the step can pull ED-PELT's split a few runs off, not this one), and the test is repeated. The strict α makes up for
/// the split having been chosen as the one that separates best. One consequence: a shift is named once about
/// eleven runs on each side of it exist (ten against ten cannot reach p &lt; 1e-5 with Mann–Whitney's exact test).
/// </summary>
public static class ChangePointDetector
{
    /// <summary>Fewest runs between two change points (and before the first, after the last).</summary>
    public const int MinSegment = 5;

    /// <summary>
    /// Significance level a proposed shift must reach. Strict, because the split was chosen as the one that
    /// separates best among about n positions: at 0.001 about 3 % of flat 60-run series showed a false shift in
    /// simulation, at 1e-5 none of 1,000 (and 1–2 of 200 flat 200-run series).
    /// </summary>
    public const double Alpha = 1e-5;

    /// <summary>The shifts in <paramref name="series"/>, oldest first.</summary>
    public static IReadOnlyList<ChangePoint> Detect(MetricSeries series)
    {
        var values = series.Values;
        return [.. Confirmed(values).Select(c => new ChangePoint(series.Points[c.Start], c.Before, c.After, c.PValue))];
    }

    /// <summary>The indexes (first value at the new level) of the shifts in <paramref name="values"/>.</summary>
    public static IReadOnlyList<int> DetectIndexes(IReadOnlyList<double> values) => [.. Confirmed([.. values]).Select(c => c.Start)];

    private static List<(int Start, double Before, double After, double PValue)> Confirmed(double[] values)
    {
        if (values.Length < 2 * MinSegment || values.All(v => v == values[0]))
        {
            return [];
        }
        // Perfolizer returns the index of the last value before each change.
        var boundaries = new List<int> { 0 };
        boundaries.AddRange(EdPeltChangePointDetector.Instance.GetChangePointIndexes(values, MinSegment).Select(i => i + 1));
        boundaries.Add(values.Length);
        DropInsignificant(values, boundaries);
        for (var pass = 0; pass < 3; pass++)
        {
            if (!Relocate(values, boundaries))
            {
                break;
            }
        }
        DropInsignificant(values, boundaries);
        var found = new List<(int, double, double, double)>();
        for (var k = 1; k < boundaries.Count - 1; k++)
        {
            var before = values[boundaries[k - 1]..boundaries[k]];
            var after = values[boundaries[k]..boundaries[k + 1]];
            found.Add((boundaries[k], Median(before), Median(after), PValue(values, boundaries[k - 1], boundaries[k], boundaries[k + 1])));
        }
        return found;
    }

    /// <summary>Drops the weakest proposed shift whose segments do not differ at <see cref="Alpha"/>, until none is left.</summary>
    private static void DropInsignificant(double[] values, List<int> boundaries)
    {
        while (true)
        {
            var weakest = -1;
            var weakestP = Alpha;
            for (var k = 1; k < boundaries.Count - 1; k++)
            {
                var p = PValue(values, boundaries[k - 1], boundaries[k], boundaries[k + 1]);
                if (p >= weakestP)
                {
                    weakest = k;
                    weakestP = p;
                }
            }
            if (weakest < 0)
            {
                return;
            }
            boundaries.RemoveAt(weakest);
        }
    }

    /// <summary>
    /// Moves each shift, between its neighbours, to the split with the least absolute deviation from the two
    /// segments' medians (the L1 cost): ED-PELT's likelihood cost can be pulled a few runs off by one outlier
    /// next to the step, the median-based cost is not. Returns whether anything moved.
    /// </summary>
    private static bool Relocate(double[] values, List<int> boundaries)
    {
        var moved = false;
        for (var k = 1; k < boundaries.Count - 1; k++)
        {
            var best = LeastDeviationSplit(values, boundaries[k - 1], boundaries[k + 1]);
            if (best != boundaries[k])
            {
                boundaries[k] = best;
                moved = true;
            }
        }
        return moved;
    }

    /// <summary>The split t of values[from..to) that minimises Σ|x − median| over both sides, leaving <see cref="MinSegment"/> values on each.</summary>
    internal static int LeastDeviationSplit(double[] values, int from, int to)
    {
        var best = from + MinSegment;
        var bestCost = double.PositiveInfinity;
        for (var t = from + MinSegment; t <= to - MinSegment; t++)
        {
            var cost = AbsoluteDeviation(values[from..t]) + AbsoluteDeviation(values[t..to]);
            if (cost < bestCost)
            {
                bestCost = cost;
                best = t;
            }
        }
        return best;
    }

    private static double AbsoluteDeviation(double[] segment)
    {
        var median = Median(segment);
        return segment.Sum(v => Math.Abs(v - median));
    }

    private static double PValue(double[] values, int from, int split, int to)
    {
        var before = values[from..split];
        var after = values[split..to];
        if (before.Concat(after).All(v => v == before[0]))
        {
            return 1;
        }
        return new MannWhitneyTest().Perform(new Sample(before), new Sample(after), AlternativeHypothesis.TwoSides, Threshold.Zero).PValue.Value;
    }

    internal static double Median(IReadOnlyList<double> values) => HistoryMetric.Quantile([.. values.Order()], 0.5);
}
