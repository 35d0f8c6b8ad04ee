using System.Text;
using Gate.Core.Statistics;

namespace Gate.Core.Reporting;

/// <summary>
/// The Markdown report, for pull-request comments and job summaries: a headline with the tally, the canary and
/// environment lines, then regressions, then improvements, then everything else (unchanged, environment changed,
/// insufficient data, incomparable) and the geomeans folded in a <c>&lt;details&gt;</c> block. Every name is
/// escaped for Markdown and HTML.
/// </summary>
public static class ComparisonMarkdown
{
    /// <summary>Renders the report.</summary>
    /// <param name="report">The comparison.</param>
    /// <param name="title">The headline's name (a gate's name); default <c>BenchGate</c>.</param>
    /// <param name="context">Lines quoted under the headline before the report's own (what was compared, where).</param>
    public static string Render(ComparisonReport report, string title = "BenchGate", IEnumerable<string>? context = null)
    {
        var text = new StringBuilder();
        var headline = (report.HasRegression ? "❌ " : "✅ ") + title + ": ";
        text.Append("### ").Append(MarkdownText.Escape(headline)).Append(MarkdownText.Escape(report.Tally())).Append("\n\n");
        foreach (var line in (context ?? []).Concat(ComparisonTable.HeaderLines(report).Skip(1)))
        {
            text.Append("> ").Append(MarkdownText.Escape(line)).Append("  \n");
        }
        text.Append('\n');
        Section(text, "Regressions", report.Comparisons.Where(c => c.Verdict == Verdict.Regression).ToList());
        Section(text, "Improvements", report.Comparisons.Where(c => c.Verdict == Verdict.Improvement).ToList());
        var rest = report.Comparisons.Where(c => c.Verdict is not (Verdict.Regression or Verdict.Improvement)).ToList();
        if (rest.Count > 0 || report.Geomeans.Count > 0)
        {
            var counts = string.Join(", ", rest.GroupBy(c => c.Verdict).Select(g => $"{g.Count()} {g.Key.Name()}"));
            text.Append("<details><summary>").Append(MarkdownText.EscapeHtml(counts.Length > 0 ? counts : "geomeans")).Append("</summary>\n\n");
            if (rest.Count > 0)
            {
                Rows(text, rest);
                text.Append('\n');
            }
            if (report.Geomeans.Count > 0)
            {
                text.Append("| geomean | old | new | change |\n|---|--:|--:|--:|\n");
                foreach (var geomean in report.Geomeans)
                {
                    var unit = geomean.Metric.Name;
                    text.Append("| ").Append(MarkdownText.Escape(ComparisonCells.MetricTitle(geomean.Metric)))
                        .Append(" | ").Append(geomean.Old is { } o ? MarkdownText.Escape(MetricFormat.Format(o, unit)) : "\\-")
                        .Append(" | ").Append(geomean.New is { } n ? MarkdownText.Escape(MetricFormat.Format(n, unit)) : "\\-")
                        .Append(" | ").Append(MarkdownText.Escape(ComparisonCells.GeomeanChange(geomean))).Append(" |\n");
                }
                text.Append('\n');
            }
            text.Append("</details>\n");
        }
        return text.ToString();
    }

    private static void Section(StringBuilder text, string title, List<MetricComparison> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }
        text.Append("#### ").Append(title).Append("\n\n");
        Rows(text, rows);
        text.Append('\n');
    }

    private static void Rows(StringBuilder text, List<MetricComparison> rows)
    {
        text.Append("| benchmark | metric | old | new | change | 95% CI | statistics | verdict |\n");
        text.Append("|---|---|--:|--:|--:|--:|---|---|\n");
        foreach (var c in rows)
        {
            string[] cells =
            [
                (c.Package.Length > 0 ? c.Package + " " : "") + c.DisplayName,
                ComparisonCells.MetricTitle(c.Metric),
                ComparisonCells.Side(c.Old, c.Metric.Name),
                ComparisonCells.Side(c.New, c.Metric.Name),
                ComparisonCells.Change(c),
                ComparisonCells.Interval(c),
                ComparisonCells.Statistics(c),
                c.Verdict is Verdict.Regression or Verdict.Improvement ? c.Verdict.Name() : $"{c.Verdict.Name()}: {c.Reason}",
            ];
            text.Append("| ").Append(string.Join(" | ", cells.Select(MarkdownText.Escape))).Append(" |\n");
        }
    }
}
