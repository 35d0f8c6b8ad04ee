using Gate.Core.Checking;
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
    /// <param name="result">The check, with where its benchmarks are defined.</param>
    /// <param name="policy">With <see cref="FailOn.Never"/>, regressions are warnings.</param>
    public static IReadOnlyList<Finding> From(CheckResult result, FailOn policy)
    {
        var outcome = result.Comparison ?? throw new ArgumentException("the check compared nothing", nameof(result));
        var findings = new List<Finding>();
        Finding At(string code, FindingLevel level, string package, string benchmark, string message)
        {
            var location = benchmark.Length == 0 ? null : result.Locate(package, benchmark);
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

    private static string Change(MetricComparison c) => $"{ComparisonCells.Movement(c)}, {c.Reason}";
}
