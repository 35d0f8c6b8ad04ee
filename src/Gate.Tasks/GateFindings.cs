using Gate.Core.Checking;
using Gate.Core.Publishing;
using Gate.Core.Reporting;
using Gate.Core.Statistics;

namespace Gate.Tasks;

/// <summary>
/// Turns a check's outcome into MSBuild diagnostics: BG1001 per regressed metric, BG1002 per improved one, BG1003
/// per benchmark that failed or was not measured, BG1004 per benchmark with metrics that got no verdict — each at the
/// benchmark's <c>func Benchmark…</c> line when it is known.
/// </summary>
public static class GateFindings
{
    /// <summary>The findings, regressions first.</summary>
    /// <param name="outcome">The check.</param>
    /// <param name="policy">With <see cref="FailOn.Never"/>, regressions are warnings.</param>
    /// <param name="locate">Where a (package, benchmark) is defined, or null.</param>
    public static IReadOnlyList<Finding> From(CheckOutcome outcome, FailOn policy, Func<string, string, SourceLocation?> locate)
    {
        var findings = new List<Finding>();
        Finding At(string code, FindingLevel level, string package, string benchmark, string message)
        {
            var location = benchmark.Length == 0 ? null : locate(package, benchmark);
            return new Finding(code, level, location?.File, location?.Line ?? 0, message);
        }

        var comparisons = outcome.Report.Comparisons;
        var regressionLevel = policy == FailOn.Never ? FindingLevel.Warning : FindingLevel.Error;
        foreach (var c in comparisons.Where(c => c.Verdict == Verdict.Regression))
        {
            findings.Add(At(DiagnosticCodes.Regression, regressionLevel, c.Package, c.Benchmark, $"{Name(c.Package, c.Benchmark)} regressed: {Change(c)}"));
        }
        foreach (var c in comparisons.Where(c => c.Verdict == Verdict.Improvement))
        {
            findings.Add(At(DiagnosticCodes.Improvement, FindingLevel.Message, c.Package, c.Benchmark, $"{Name(c.Package, c.Benchmark)} improved: {Change(c)}"));
        }
        foreach (var failure in outcome.Sides.New.Failures)
        {
            var name = failure.Name.Length == 0 ? failure.Package : Name(failure.Package, failure.Name);
            findings.Add(At(DiagnosticCodes.NotCompared, FindingLevel.Warning, failure.Package, failure.Name, $"{name} not compared: {failure.Message.Split('\n')[0]}"));
        }
        var undecided = comparisons
            .Where(c => c.Verdict is Verdict.InsufficientData or Verdict.Incomparable or Verdict.EnvironmentChanged)
            .GroupBy(c => (c.Package, c.Benchmark));
        foreach (var group in undecided)
        {
            var metrics = string.Join("; ", group.Select(c => $"{c.Metric.Name} ({c.Verdict.Name()}: {c.Reason})"));
            findings.Add(At(DiagnosticCodes.NoVerdict, FindingLevel.Warning, group.Key.Package, group.Key.Benchmark, $"{Name(group.Key.Package, group.Key.Benchmark)}: no verdict for {metrics}"));
        }
        return findings;
    }

    private static string Name(string package, string benchmark) => $"{benchmark} ({package})";

    private static string Change(MetricComparison c) =>
        $"{c.Metric.Name} {ComparisonCells.Change(c)} ({ComparisonCells.Side(c.Old, c.Metric.Name)} → {ComparisonCells.Side(c.New, c.Metric.Name)}), {c.Reason}";
}
