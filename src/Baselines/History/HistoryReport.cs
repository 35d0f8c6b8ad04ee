using System.Globalization;
using System.Text;
using Gate.Baselines.Keys;
using Gate.Core;
using Gate.Core.Reporting;

namespace Gate.Baselines.History;

/// <summary>One metric's history, analysed: the series, its shifts and its noise.</summary>
/// <param name="Series">The runs.</param>
/// <param name="Shifts">The shifts found, oldest first.</param>
/// <param name="Noise">The noise estimate, or null when history is too short.</param>
public sealed record MetricHistory(MetricSeries Series, IReadOnlyList<ChangePoint> Shifts, NoiseEstimate? Noise)
{
    /// <summary>Analyses <paramref name="metric"/> of <paramref name="benchmarkKey"/> in <paramref name="history"/>.</summary>
    public static MetricHistory Analyse(IReadOnlyList<HistoryEntry> history, string benchmarkKey, string metric)
    {
        var series = MetricSeries.Of(history, benchmarkKey, metric);
        return new MetricHistory(series, ChangePointDetector.Detect(series), HistoryNoise.Estimate(series));
    }
}

/// <summary>The text <c>benchgate baseline history</c> prints.</summary>
public static class HistoryReport
{
    /// <summary>
    /// The benchmark key (package and name) that <paramref name="benchmark"/> names in <paramref name="history"/>:
    /// the full key, or a name that only one package has. Otherwise a <see cref="GateException"/> listing what there is.
    /// </summary>
    public static string ResolveBenchmark(IReadOnlyList<HistoryEntry> history, string benchmark)
    {
        var known = history.SelectMany(e => e.Benchmarks).Select(b => (b.Key, b.Name)).Distinct().ToList();
        var matching = known.Where(b => b.Key == benchmark || b.Name == benchmark || b.Name == "Benchmark" + benchmark).Select(b => b.Key).Distinct().ToList();
        return matching.Count switch
        {
            1 => matching[0],
            0 => throw new GateException($"no benchmark '{benchmark}' in this history; it has: {string.Join(", ", known.Select(b => b.Name).Distinct().Take(20))}"),
            _ => throw new GateException($"'{benchmark}' is in several packages; give 'PACKAGE NAME': {string.Join("; ", matching)}"),
        };
    }

    /// <summary>The metrics of <paramref name="benchmarkKey"/> in history order of first appearance.</summary>
    public static IReadOnlyList<string> MetricsOf(IReadOnlyList<HistoryEntry> history, string benchmarkKey) =>
        [.. history.SelectMany(e => e.Benchmarks).Where(b => b.Key == benchmarkKey).SelectMany(b => b.Metrics).Select(m => m.Name).Distinct()];

    /// <summary>The report: one summary line per metric, then each shift, then the runs of a single metric.</summary>
    public static string Render(BaselineKey key, string benchmarkKey, IReadOnlyList<MetricHistory> metrics, bool listRuns)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"history of {benchmarkKey}\nbaseline {key.Id}: {key}\n\n");
        var table = new TextTable(["metric", "runs", "latest", "shifts", "noise", "threshold"]);
        foreach (var metric in metrics)
        {
            var points = metric.Series.Points;
            table.Add([
                metric.Series.Metric,
                points.Count.ToString(CultureInfo.InvariantCulture),
                points.Count == 0 ? "-" : MetricFormat.Format(points[^1].Value, metric.Series.Metric),
                metric.Shifts.Count.ToString(CultureInfo.InvariantCulture),
                metric.Noise is { } noise ? "±" + (noise.RelativeSpread * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%" : "-",
                metric.Noise is { } estimate ? (estimate.Threshold * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%" : "-",
            ]);
        }
        text.Append(table.Render());
        var shifts = metrics.SelectMany(m => m.Shifts.Select(s => (m.Series.Metric, Shift: s))).ToList();
        text.Append('\n').Append(shifts.Count == 0 ? "no shifts found\n" : "shifts (first run at the new level):\n");
        foreach (var (metric, shift) in shifts)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"  {metric}: {MetricFormat.Percent(shift.RelativeShift)} ({MetricFormat.Format(shift.Before, metric)} → {MetricFormat.Format(shift.After, metric)}) at run {shift.Point.Run}, commit {shift.Point.Commit ?? "unknown"}, stored {shift.Point.StoredUtc}, p={shift.PValue.ToString("G2", CultureInfo.InvariantCulture)}\n");
        }
        if (listRuns && metrics.Count == 1)
        {
            var metric = metrics[0];
            var starts = metric.Shifts.Select(s => s.Point.Run).ToHashSet();
            var runs = new TextTable(["run", "commit", "stored", metric.Series.Metric, ""]);
            foreach (var point in metric.Series.Points)
            {
                runs.Add([point.Run.ToString(CultureInfo.InvariantCulture), point.Commit ?? "-", point.StoredUtc, MetricFormat.Format(point.Value, metric.Series.Metric), starts.Contains(point.Run) ? "<- shift" : ""]);
            }
            text.Append('\n').Append(runs.Render());
        }
        return text.ToString();
    }
}
