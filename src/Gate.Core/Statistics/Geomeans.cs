namespace Gate.Core.Statistics;

/// <summary>The geometric-mean rows of a comparison run, as benchstat prints them.</summary>
public static class Geomeans
{
    /// <summary>One row per metric (name and source, in first-seen order) over the comparisons that have it on both sides.</summary>
    public static IReadOnlyList<GeomeanRow> Of(IReadOnlyList<MetricComparison> comparisons)
    {
        var rows = new List<GeomeanRow>();
        foreach (var group in comparisons.GroupBy(c => (c.Metric.Name, c.Metric.Source)))
        {
            var both = group.Where(c => c.Old is not null && c.New is not null).ToList();
            if (both.Count == 0)
            {
                continue;
            }
            var metric = both[0].Metric;
            if (both.Any(c => c.Old!.Median <= 0 || c.New!.Median <= 0))
            {
                rows.Add(new GeomeanRow(metric, null, null, null, both.Count, "summaries must be >0 to compute geomean"));
                continue;
            }
            var logOld = 0.0;
            var logNew = 0.0;
            foreach (var c in both)
            {
                logOld += Math.Log(c.Old!.Median);
                logNew += Math.Log(c.New!.Median);
            }
            var geoOld = Math.Exp(logOld / both.Count);
            var geoNew = Math.Exp(logNew / both.Count);
            rows.Add(new GeomeanRow(metric, geoOld, geoNew, geoNew / geoOld - 1, both.Count, null));
        }
        return rows;
    }
}
