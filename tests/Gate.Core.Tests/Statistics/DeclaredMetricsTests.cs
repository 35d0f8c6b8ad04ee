using Gate.Core.Counters;
using Gate.Core.Metrics;
using Gate.Core.Results;
using Gate.Core.Statistics;
using Gate.TestUtilities;

namespace Gate.Core.Tests.Statistics;

/// <summary>
/// The engine judges a metric by its declaration alone: a backend that does not exist ("widgets", reporting under the
/// perf-hw source) declares metrics of every nature and a price, and each is judged accordingly with no change to the
/// statistics.
/// </summary>
public class DeclaredMetricsTests
{
    private const string Frobs = "frobs/op";
    private const string Frames = "frames/op";
    private const string Stalls = "stalls/op";
    private const string Hiccups = "hiccups/op";
    private const string Wobble = "wobble/op";

    private static readonly MetricDeclarations Widgets = new(
        [
            Declare(Frobs, MetricNature.Exact, Threshold.Percent(2)),
            Declare(Frames, MetricNature.Exact, Threshold.Percent(1)),
            Declare(Stalls, MetricNature.Exact, Threshold.Percent(1)) with { Price = new MetricPrice(Frames, 50) },
            Declare(Hiccups, MetricNature.Discrete, new Threshold(null, 1)),
            Declare(Wobble, MetricNature.Noisy, Threshold.Percent(5)) with { DependsOnMachineSpeed = true },
        ],
        [new UndeclaredMetrics(MetricSource.PerfHw, MetricNature.Noisy, Threshold.Percent(5))]);

    private static readonly CompareOptions WithWidgets = new() { Metrics = new MetricCatalog([Widgets]) };

    private static MetricDeclaration Declare(string name, MetricNature nature, Threshold threshold) =>
        new(name, name, MetricSource.PerfHw, Better.Lower, nature, DependsOnMachineSpeed: false, threshold);

    private static Runs Run(CanaryRecord? canary = null) => new() { Canary = canary };

    [Fact]
    public void Compare_DeclaredExact_JudgedByThresholdAloneFromOneSample()
    {
        var old = Run().With("BenchmarkW", Frobs, [100], MetricSource.PerfHw).Build();
        var @new = Run().With("BenchmarkW", Frobs, [103], MetricSource.PerfHw).Build();

        var declared = ComparisonEngine.Compare(old, @new, WithWidgets).Comparisons.Single();
        var undeclared = ComparisonEngine.Compare(old, @new, TestOptions.Compare).Comparisons.Single();

        Assert.Equal((Verdict.Regression, true, "deterministic, beyond threshold 2%"), (declared.Verdict, declared.Deterministic, declared.Reason));
        Assert.Equal((Verdict.InsufficientData, false), (undeclared.Verdict, undeclared.Deterministic));
    }

    [Theory]
    [InlineData(25, Verdict.Unchanged, "below threshold 1%|+20")]
    [InlineData(40, Verdict.Regression, "deterministic, beyond threshold 1%|+20")]
    public void Compare_DeclaredPrice_FloorIsTheThresholdPricedInTheOtherMetric(double stalls, Verdict verdict, string reason)
    {
        // 1 % of 100,000 frames at 50 frames per stall: 20 more stalls per op before a change matters
        var old = Run().With("BenchmarkW", Frames, [100_000], MetricSource.PerfHw).With("BenchmarkW", Stalls, [10], MetricSource.PerfHw).Build();
        var @new = Run().With("BenchmarkW", Frames, [100_000], MetricSource.PerfHw).With("BenchmarkW", Stalls, [stalls], MetricSource.PerfHw).Build();

        var comparison = ComparisonEngine.Compare(old, @new, WithWidgets).Comparisons.Single(c => c.Metric.Name == Stalls);

        Assert.Equal((verdict, reason, new Threshold(0.01, 20)), (comparison.Verdict, comparison.Reason, comparison.Threshold));
    }

    [Fact]
    public void Compare_DeclaredDiscrete_ExactWhenEverySampleIsEqualElseTested()
    {
        var old = Run().With("BenchmarkEqual", Hiccups, [3, 3, 3], MetricSource.PerfHw).With("BenchmarkSpread", Hiccups, [3, 4, 3], MetricSource.PerfHw).Build();
        var @new = Run().With("BenchmarkEqual", Hiccups, [4, 4, 4], MetricSource.PerfHw).With("BenchmarkSpread", Hiccups, [5, 4, 5], MetricSource.PerfHw).Build();

        var report = ComparisonEngine.Compare(old, @new, WithWidgets);

        Assert.Equal(Verdict.Regression, report.Comparisons.Single(c => c.Benchmark == "BenchmarkEqual").Verdict);
        Assert.True(report.Comparisons.Single(c => c.Benchmark == "BenchmarkEqual").Deterministic);
        Assert.Equal(Verdict.InsufficientData, report.Comparisons.Single(c => c.Benchmark == "BenchmarkSpread").Verdict);
    }

    [Fact]
    public void Compare_DeclaredSpeedDependent_EnvironmentChangedWhenTheCanaryMoved()
    {
        var old = Run(new CanaryRecord("benchgate-canary-v1", 1000, Runs.Around(1e-6, 7)))
            .With("BenchmarkW", Wobble, Runs.Around(100), MetricSource.PerfHw).With("BenchmarkW", Frobs, [100], MetricSource.PerfHw).Build();
        var @new = Run(new CanaryRecord("benchgate-canary-v1", 1000, Runs.Around(2e-6, 7, seed: 8)))
            .With("BenchmarkW", Wobble, Runs.Around(200, seed: 9), MetricSource.PerfHw).With("BenchmarkW", Frobs, [200], MetricSource.PerfHw).Build();

        var report = ComparisonEngine.Compare(old, @new, WithWidgets);

        Assert.Equal(Verdict.EnvironmentChanged, report.Comparisons.Single(c => c.Metric.Name == Wobble).Verdict);
        Assert.Equal(Verdict.Regression, report.Comparisons.Single(c => c.Metric.Name == Frobs).Verdict);
    }

    [Fact]
    public void NoisyComparisons_DeclaredExactNotCounted()
    {
        var benchmark = Run().With("BenchmarkW", Frobs, [1], MetricSource.PerfHw).With("BenchmarkW", Hiccups, [1], MetricSource.PerfHw).With("BenchmarkW", Wobble, [1], MetricSource.PerfHw).Build().Benchmarks[0];

        Assert.Equal(2, SequentialRule.NoisyComparisons([benchmark], WithWidgets.Metrics));
        Assert.Equal(3, SequentialRule.NoisyComparisons([benchmark], BackendMetrics.Catalog));
    }
}
