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
/// dropped and the neighbours are tested again, until every remaining shift passes. The strict α makes up for
/// ED-PELT having chosen the split that separates the segments best. One consequence: a shift is named once
/// about seven runs on each side of it exist (with five on each side the smallest possible p-value is 0.008).
/// </summary>
public static class ChangePointDetector
{
    /// <summary>Fewest runs between two change points (and before the first, after the last).</summary>
    public const int MinSegment = 5;

    /// <summary>Significance level a proposed shift must reach.</summary>
    public const double Alpha = 0.001;

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
                break;
            }
            boundaries.RemoveAt(weakest);
        }
        var found = new List<(int, double, double, double)>();
        for (var k = 1; k < boundaries.Count - 1; k++)
        {
            var before = values[boundaries[k - 1]..boundaries[k]];
            var after = values[boundaries[k]..boundaries[k + 1]];
            found.Add((boundaries[k], Median(before), Median(after), PValue(values, boundaries[k - 1], boundaries[k], boundaries[k + 1])));
        }
        return found;
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
