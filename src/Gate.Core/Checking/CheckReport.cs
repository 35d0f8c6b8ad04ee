using System.Globalization;
using Gate.Core.Reporting;
using Gate.Core.Statistics;

namespace Gate.Core.Checking;

/// <summary>
/// The report of a check for people: the comparison's own table or Markdown, with what was compared, on what
/// machine and backend, the worst change, and what the measurement could not see (unsupported counters).
/// </summary>
public static class CheckReport
{
    /// <summary>Context lines, in order: the worst change, both sides, environment and backend, the sides' notes, failures.</summary>
    public static IReadOnlyList<string> ContextLines(CheckOutcome outcome)
    {
        var lines = new List<string>();
        if (Worst(outcome.Report) is { } worst)
        {
            lines.Add($"worst change: {worst.DisplayName} {worst.Metric.Name} {MetricFormat.Percent(worst.Change!.Change!.Value)} ({worst.Verdict.Name()})");
        }
        var environment = outcome.Sides.New.Environment;
        lines.Add($"compared with: {outcome.Sides.OldDescription}");
        var commit = environment.GitCommit is { Length: >= 7 } c ? $" at {c[..7]}" : "";
        lines.Add($"measured{commit} with backend {environment.Backend} on {environment.Goos}/{environment.Goarch}, {environment.Cpu ?? "unknown CPU"}, {environment.GoVersion ?? "unknown Go"}");
        if (environment.UnsupportedEvents is { Count: > 0 } unsupported)
        {
            lines.Add($"hardware counters not measured here: {string.Join(", ", unsupported.Select(u => u.Event))} ({unsupported[0].Reason})");
        }
        lines.AddRange(outcome.Sides.Notes);
        if (outcome.Sides.New.Failures.Count > 0)
        {
            lines.Add($"{outcome.Sides.New.Failures.Count.ToString(CultureInfo.InvariantCulture)} benchmark(s) failed and were not compared: {string.Join(", ", outcome.Sides.New.Failures.Select(f => f.Name.Length == 0 ? f.Package : f.Name))}");
        }
        return lines;
    }

    /// <summary>The report in <paramref name="format"/>: <c>json</c>, <c>table</c> (without colour) or <c>markdown</c>.</summary>
    public static string Render(CheckOutcome outcome, string gateName, string format) => format switch
    {
        "json" => ComparisonJson.Serialize(outcome.Report),
        "table" => Table(outcome, gateName, colour: false),
        _ => Markdown(outcome, gateName),
    };

    /// <summary>The Markdown for a pull-request comment and a job summary.</summary>
    public static string Markdown(CheckOutcome outcome, string gateName) =>
        ComparisonMarkdown.Render(outcome.Report, gateName, ContextLines(outcome));

    /// <summary>The console table, headed by the context lines.</summary>
    public static string Table(CheckOutcome outcome, string gateName, bool colour) =>
        outcome.Headline(gateName) + "\n" + string.Concat(ContextLines(outcome).Select(l => l + "\n")) + "\n" + ComparisonTable.Render(outcome.Report, colour);

    /// <summary>The regression with the largest change; without regressions, the largest improvement; else null.</summary>
    public static MetricComparison? Worst(ComparisonReport report)
    {
        var candidates = report.Comparisons.Where(c => c.Verdict == Verdict.Regression && c.Change?.Change is not null).ToList();
        if (candidates.Count == 0)
        {
            candidates = [.. report.Comparisons.Where(c => c.Verdict == Verdict.Improvement && c.Change?.Change is not null)];
        }
        return candidates.OrderByDescending(c => Math.Abs(c.Change!.Change!.Value)).FirstOrDefault();
    }
}
