namespace Gate.Baselines.History;

/// <summary>One run's value of a metric in a history: the median of that run's samples.</summary>
/// <param name="Run">Position in the history (0 = oldest entry).</param>
/// <param name="Commit">The measured commit, or null.</param>
/// <param name="StoredUtc">When the entry was stored.</param>
/// <param name="Value">Median of the run's samples.</param>
public sealed record MetricPoint(int Run, string? Commit, string StoredUtc, double Value);

/// <summary>A metric of one benchmark over a key's history, oldest first; runs without the metric are left out.</summary>
/// <param name="BenchmarkKey">Package and name, as <see cref="Gate.Core.Results.BenchmarkResult.Key"/>.</param>
/// <param name="Metric">Metric name.</param>
/// <param name="Points">The runs that measured it.</param>
public sealed record MetricSeries(string BenchmarkKey, string Metric, IReadOnlyList<MetricPoint> Points)
{
    /// <summary>The series of <paramref name="metric"/> of <paramref name="benchmarkKey"/> in <paramref name="history"/>.</summary>
    public static MetricSeries Of(IReadOnlyList<HistoryEntry> history, string benchmarkKey, string metric)
    {
        var points = new List<MetricPoint>();
        for (var run = 0; run < history.Count; run++)
        {
            if (history[run].Find(benchmarkKey, metric) is { } summary)
            {
                points.Add(new MetricPoint(run, history[run].Commit, history[run].StoredUtc, summary.Median));
            }
        }
        return new MetricSeries(benchmarkKey, metric, points);
    }

    /// <summary>The values alone, oldest first.</summary>
    public double[] Values => [.. Points.Select(p => p.Value)];
}
