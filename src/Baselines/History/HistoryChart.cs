using System.Globalization;
using System.Security;
using System.Text;
using Gate.Core.Reporting;

namespace Gate.Baselines.History;

/// <summary>
/// Draws a metric's history as a standalone SVG: one point per run, the level of each segment between shifts
/// as a horizontal line, and each shift as a dashed vertical line labelled with its size and commit.
/// Hand-written SVG rather than a plotting library: ScottPlot 5 renders through SkiaSharp, whose native
/// libraries add about 150 MB to every build output and to the tool package, for one chart.
/// </summary>
public static class HistoryChart
{
    private const int Width = 900;
    private const int Height = 420;
    private const int Left = 90;
    private const int Right = 30;
    private const int Top = 50;
    private const int Bottom = 70;
    private const string PointColour = "#1f77b4";
    private const string ShiftColour = "#d62728";

    /// <summary>The SVG document for <paramref name="series"/> with <paramref name="shifts"/> marked.</summary>
    public static string Svg(MetricSeries series, IReadOnlyList<ChangePoint> shifts)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"  <rect width=\"{Width}\" height=\"{Height}\" fill=\"white\"/>\n");
        var title = $"{series.BenchmarkKey} — {series.Metric} ({series.Points.Count} runs, {shifts.Count} shift{(shifts.Count == 1 ? "" : "s")})";
        svg.Append(CultureInfo.InvariantCulture, $"  <text x=\"{Width / 2}\" y=\"24\" text-anchor=\"middle\" font-size=\"15\" font-weight=\"bold\">{Escape(title)}</text>\n");
        if (series.Points.Count == 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"  <text x=\"{Width / 2}\" y=\"{Height / 2}\" text-anchor=\"middle\">no runs measured this metric</text>\n</svg>\n");
            return svg.ToString();
        }

        var values = series.Values;
        var (low, high, step) = Ticks(values.Min(), values.Max());
        var first = series.Points[0].Run;
        var last = Math.Max(series.Points[^1].Run, first + 1);
        double X(int run) => Left + ((double)(run - first) / (last - first) * (Width - Left - Right));
        double Y(double value) => Height - Bottom - ((value - low) / (high - low) * (Height - Top - Bottom));

        svg.Append("  <g class=\"grid\" stroke=\"#dddddd\">\n");
        for (var tick = low; tick <= high + (step / 2); tick += step)
        {
            svg.Append(CultureInfo.InvariantCulture, $"    <line x1=\"{Left}\" y1=\"{F(Y(tick))}\" x2=\"{Width - Right}\" y2=\"{F(Y(tick))}\"/>\n");
        }
        svg.Append("  </g>\n  <g class=\"y-axis\" text-anchor=\"end\">\n");
        for (var tick = low; tick <= high + (step / 2); tick += step)
        {
            svg.Append(CultureInfo.InvariantCulture, $"    <text x=\"{Left - 8}\" y=\"{F(Y(tick) + 4)}\">{Escape(MetricFormat.Format(tick, series.Metric))}</text>\n");
        }
        svg.Append(CultureInfo.InvariantCulture, $"  </g>\n  <text x=\"18\" y=\"{Height / 2}\" transform=\"rotate(-90 18 {Height / 2})\" text-anchor=\"middle\">{Escape(series.Metric)}</text>\n");
        svg.Append("  <g class=\"x-axis\" text-anchor=\"middle\">\n");
        var every = Math.Max(1, (int)Math.Ceiling(series.Points.Count / 10.0));
        for (var i = 0; i < series.Points.Count; i += every)
        {
            var point = series.Points[i];
            svg.Append(CultureInfo.InvariantCulture, $"    <text x=\"{F(X(point.Run))}\" y=\"{Height - Bottom + 18}\">{point.Run}</text>\n");
            svg.Append(CultureInfo.InvariantCulture, $"    <text x=\"{F(X(point.Run))}\" y=\"{Height - Bottom + 32}\" fill=\"#666666\" font-size=\"10\">{Escape(Short(point.Commit))}</text>\n");
        }
        svg.Append(CultureInfo.InvariantCulture, $"  </g>\n  <text x=\"{(Width + Left - Right) / 2}\" y=\"{Height - 12}\" text-anchor=\"middle\">run (commit)</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"  <rect x=\"{Left}\" y=\"{Top}\" width=\"{Width - Left - Right}\" height=\"{Height - Top - Bottom}\" fill=\"none\" stroke=\"#333333\"/>\n");

        // Segment levels: the median between consecutive shifts.
        svg.Append("  <g class=\"levels\" stroke=\"#2ca02c\" stroke-width=\"2\">\n");
        var starts = shifts.Select(s => s.Point.Run).Prepend(first).ToList();
        var levels = shifts.Count == 0 ? [ChangePointDetector.Median(values)] : shifts.Select(s => s.Before).Append(shifts[^1].After).ToList();
        for (var k = 0; k < starts.Count; k++)
        {
            var end = k + 1 < starts.Count ? starts[k + 1] : series.Points[^1].Run;
            svg.Append(CultureInfo.InvariantCulture, $"    <line x1=\"{F(X(starts[k]))}\" y1=\"{F(Y(levels[k]))}\" x2=\"{F(X(end))}\" y2=\"{F(Y(levels[k]))}\"/>\n");
        }
        svg.Append("  </g>\n");

        svg.Append(CultureInfo.InvariantCulture, $"  <polyline class=\"series\" fill=\"none\" stroke=\"{PointColour}\" stroke-width=\"1\" points=\"");
        svg.AppendJoin(' ', series.Points.Select(p => F(X(p.Run)) + "," + F(Y(p.Value))));
        svg.Append("\"/>\n  <g class=\"points\" fill=\"").Append(PointColour).Append("\">\n");
        foreach (var point in series.Points)
        {
            svg.Append(CultureInfo.InvariantCulture, $"    <circle cx=\"{F(X(point.Run))}\" cy=\"{F(Y(point.Value))}\" r=\"3\"><title>run {point.Run} {Escape(point.Commit ?? "")}: {Escape(MetricFormat.Format(point.Value, series.Metric))}</title></circle>\n");
        }
        svg.Append("  </g>\n  <g class=\"shifts\">\n");
        foreach (var shift in shifts)
        {
            var x = F(X(shift.Point.Run) - (X(first + 1) - X(first)) / 2);
            var label = $"{MetricFormat.Percent(shift.RelativeShift)} at {Short(shift.Point.Commit)}";
            svg.Append(CultureInfo.InvariantCulture, $"    <line class=\"shift\" data-run=\"{shift.Point.Run}\" x1=\"{x}\" y1=\"{Top}\" x2=\"{x}\" y2=\"{Height - Bottom}\" stroke=\"{ShiftColour}\" stroke-width=\"2\" stroke-dasharray=\"6,4\"/>\n");
            svg.Append(CultureInfo.InvariantCulture, $"    <text x=\"{x}\" y=\"{Top - 6}\" text-anchor=\"middle\" fill=\"{ShiftColour}\">{Escape(label)}</text>\n");
        }
        svg.Append("  </g>\n</svg>\n");
        return svg.ToString();
    }

    /// <summary>Axis range and tick step: about five ticks at 1, 2 or 5 × 10^k that enclose the values.</summary>
    internal static (double Low, double High, double Step) Ticks(double min, double max)
    {
        if (max == min)
        {
            var pad = min == 0 ? 1 : Math.Abs(min) * 0.05;
            (min, max) = (min - pad, max + pad);
        }
        var raw = (max - min) / 5;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1.0, 2, 5, 10 }.Select(m => m * magnitude).First(s => s >= raw);
        return (Math.Floor(min / step) * step, Math.Ceiling(max / step) * step, step);
    }

    private static string Short(string? commit) => commit is null ? "?" : commit[..Math.Min(7, commit.Length)];

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Escape(string text) => SecurityElement.Escape(text) ?? "";
}
