using System.Text;
using Gate.Core.Statistics;

namespace Gate.Core.Reporting;

/// <summary>
/// The console report of a comparison: the environment and canary lines, then one aligned table per metric in
/// benchstat's layout (old, new, change, statistics) with a verdict column and a geomean row, then the tally.
/// Colour (ANSI) only when asked for: on a terminal.
/// </summary>
public static class ComparisonTable
{
    private const string Red = "\u001b[31m";
    private const string Green = "\u001b[32m";
    private const string Yellow = "\u001b[33m";
    private const string Reset = "\u001b[0m";

    /// <summary>Renders the report; <paramref name="colour"/> adds ANSI colours to verdicts.</summary>
    public static string Render(ComparisonReport report, bool colour = false)
    {
        var text = new StringBuilder();
        foreach (var line in HeaderLines(report))
        {
            text.Append(line).Append('\n');
        }
        foreach (var group in report.Comparisons.GroupBy(c => (c.Metric.Name, c.Metric.Source)))
        {
            var metric = group.First().Metric;
            var table = new TextTable([ComparisonCells.MetricTitle(metric), "old", "new", "change", "statistics", "verdict"]);
            foreach (var comparison in group)
            {
                table.Add([
                    comparison.Package.Length > 0 && MultiplePackages(report) ? comparison.Package + " " + comparison.DisplayName : comparison.DisplayName,
                    ComparisonCells.Side(comparison.Old, metric.Name),
                    ComparisonCells.Side(comparison.New, metric.Name),
                    ComparisonCells.Change(comparison),
                    ComparisonCells.Statistics(comparison),
                    comparison.Verdict.Name(),
                ]);
            }
            if (report.Geomeans.FirstOrDefault(g => g.Metric.Name == metric.Name && g.Metric.Source == metric.Source) is { } geomean)
            {
                table.Add([
                    "geomean",
                    geomean.Old is { } o ? MetricFormat.Format(o, metric.Name) : "-",
                    geomean.New is { } n ? MetricFormat.Format(n, metric.Name) : "-",
                    ComparisonCells.GeomeanChange(geomean),
                ]);
            }
            var rendered = table.Render();
            text.Append('\n').Append(colour ? Colourise(rendered) : rendered);
        }
        var notes = report.Comparisons.Where(c => c.Verdict is Verdict.InsufficientData or Verdict.Incomparable).Select(c => c.Reason).Distinct().ToList();
        if (notes.Count > 0)
        {
            text.Append('\n');
            foreach (var note in notes)
            {
                text.Append("note: ").Append(note).Append('\n');
            }
        }
        text.Append('\n').Append(report.Tally()).Append('\n');
        return text.ToString();
    }

    /// <summary>The lines above the tables: false discovery rate, environment check, canary.</summary>
    public static IEnumerable<string> HeaderLines(ComparisonReport report)
    {
        yield return $"BenchGate comparison: Benjamini–Hochberg q={report.Options.Q.ToString(System.Globalization.CultureInfo.InvariantCulture)}, Mann–Whitney U, practical thresholds per metric";
        if (!report.Environment.Compatible)
        {
            yield return "environments differ, nothing compared: " + string.Join("; ", report.Environment.Mismatches);
        }
        if (report.Environment.Unchecked.Count > 0)
        {
            yield return "not checked: " + string.Join(", ", report.Environment.Unchecked);
        }
        yield return report.Canary.Summary;
    }

    private static bool MultiplePackages(ComparisonReport report) =>
        report.Comparisons.Select(c => c.Package).Distinct().Skip(1).Any();

    private static string Colourise(string rendered)
    {
        var lines = rendered.Split('\n');
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i];
            var colourCode = line.EndsWith(" regression", StringComparison.Ordinal) ? Red
                : line.EndsWith(" improvement", StringComparison.Ordinal) ? Green
                : line.EndsWith(" environment changed", StringComparison.Ordinal) ? Yellow
                : null;
            if (colourCode is not null)
            {
                lines[i] = colourCode + line + Reset;
            }
        }
        return string.Join('\n', lines);
    }
}
