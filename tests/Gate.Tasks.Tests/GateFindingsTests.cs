using Gate.Core.Checking;
using Gate.Core.Results;
using Gate.Core.Statistics;
using Gate.TestUtilities;

namespace Gate.Tasks.Tests;

/// <summary>Tier 1: a check's outcome → MSBuild findings, on results made here (a regression, an improvement, a failure, too few samples).</summary>
public class GateFindingsTests
{
    private static readonly MetricInfo Allocs = new("allocs/op", MetricSource.Go, Better.Lower);
    private static readonly MetricInfo Time = new("sec/op", MetricSource.Go, Better.Lower);

    private static BenchmarkResult Benchmark(string name, double allocs, double seconds) =>
        new("m/p", name, 1, 100, [Time, Allocs], [new Sample(new Dictionary<string, double> { ["allocs/op"] = allocs, ["sec/op"] = seconds })]);

    private static RunResults Results(IReadOnlyList<BenchmarkResult> benchmarks, IReadOnlyList<BenchmarkFailure>? failures = null) =>
        new(RunResults.SchemaId, 1, new RunEnvironment("linux", "amd64", "go", []), benchmarks, failures ?? []);

    private static CheckOutcome Outcome(FailOn policy)
    {
        var old = Results([Benchmark("BenchmarkWorse", 3, 1e-6), Benchmark("BenchmarkBetter", 9, 1e-6)]);
        var @new = Results([Benchmark("BenchmarkWorse", 5, 1e-6), Benchmark("BenchmarkBetter", 4, 1e-6)], [new BenchmarkFailure("m/p", "BenchmarkBroken", "panic: boom\ngoroutine 1")]);
        return GateCheck.Evaluate(new CheckSides(@new, old, "baseline"), TestOptions.Compare, policy);
    }

    private static SourceLocation? Locate(string package, string benchmark) =>
        benchmark == "BenchmarkBroken" ? null : new SourceLocation($"/src/{package}/x_test.go", benchmark.Length);

    /// <summary>The check's result with every benchmark it names located by <see cref="Locate"/>.</summary>
    private static CheckResult Located(CheckOutcome outcome)
    {
        var names = outcome.Report.Comparisons.Select(c => (c.Package, c.Benchmark)).Concat(outcome.Sides.New.Failures.Select(f => (f.Package, Benchmark: f.Name))).Distinct();
        return new CheckResult(outcome.Fails ? CheckStatus.Regressed : CheckStatus.Passed, outcome.Sides.New)
        {
            Comparison = outcome,
            Sources = [.. names.Select(n => new BenchmarkSource(n.Package, n.Benchmark, "/src/" + n.Package, Locate(n.Package, n.Benchmark)))],
        };
    }

    [Fact]
    public void From_OneOfEachKind_CodesLevelsLocationsAndMessages()
    {
        var findings = GateFindings.From(Located(Outcome(FailOn.Regression)), FailOn.Regression);

        Assert.Equal(
            [
                new Finding("BG1001", FindingLevel.Error, "/src/m/p/x_test.go", 14, "BenchmarkWorse (m/p) regressed: allocs/op +66.67% (3.000 ± ∞ → 5.000 ± ∞), deterministic, beyond threshold +1"),
                new Finding("BG1002", FindingLevel.Message, "/src/m/p/x_test.go", 15, "BenchmarkBetter (m/p) improved: allocs/op -55.56% (9.000 ± ∞ → 4.000 ± ∞), deterministic, beyond threshold +1"),
                new Finding("BG1003", FindingLevel.Warning, null, 0, "BenchmarkBroken (m/p) not compared: panic: boom"),
            ],
            findings.Take(3));
        var undecided = findings.Skip(3).ToList();
        Assert.Equal(["BG1004", "BG1004"], undecided.Select(f => f.Code));
        Assert.All(undecided, f => Assert.Contains("no verdict for sec/op (insufficient data: need at least", f.Message));
    }

    [Fact]
    public void From_FailOnNever_RegressionsAreWarnings()
    {
        var findings = GateFindings.From(Located(Outcome(FailOn.Never)), FailOn.Never);

        Assert.Equal(FindingLevel.Warning, findings.Single(f => f.Code == "BG1001").Level);
    }
}
