using Gate.Core.Counters;
using Gate.Core.Metrics;
using Gate.Core.Results;
using Gate.Core.Statistics;
using Gate.TestUtilities;

namespace Gate.Core.Tests.Statistics;

public class PricedThresholdsTests
{
    private static RunResults Run(double estCycles, double l1dMisses, double llMisses) => new(
        RunResults.SchemaId,
        1,
        new RunEnvironment("linux", "amd64", "cachegrind", []) { CacheModel = CacheModel.Default.ToString() },
        [
            new BenchmarkResult(
                "m",
                "BenchmarkX",
                1,
                1000,
                [.. new[] { CachegrindMetrics.EstimatedCycles, CachegrindMetrics.L1dMisses, CachegrindMetrics.LLMisses, CachegrindMetrics.Instructions }.Select(n => new MetricInfo(n, MetricSource.Sim, Better.Lower))],
                [new Sample(new Dictionary<string, double> { [CachegrindMetrics.EstimatedCycles] = estCycles, [CachegrindMetrics.L1dMisses] = l1dMisses, [CachegrindMetrics.LLMisses] = llMisses, [CachegrindMetrics.Instructions] = estCycles })]),
        ],
        []);

    [Fact]
    public void For_MissMetric_FloorIsTheThresholdPricedInCycles()
    {
        var thresholds = PricedThresholds.Wrap(Thresholds.Default, Run(estCycles: 100_000, l1dMisses: 5, llMisses: 1), BackendMetrics.Catalog);

        var l1d = thresholds.For(new ThresholdKey("m", "BenchmarkX", BackendMetrics.Catalog.Find(MetricSource.Sim, CachegrindMetrics.L1dMisses)));
        var ll = thresholds.For(new ThresholdKey("m", "BenchmarkX", BackendMetrics.Catalog.Find(MetricSource.Sim, CachegrindMetrics.LLMisses)));
        var instructions = thresholds.For(new ThresholdKey("m", "BenchmarkX", BackendMetrics.Catalog.Find(MetricSource.Sim, CachegrindMetrics.Instructions)));

        Assert.Equal(new Threshold(0.01, 100), l1d); // 1 % of 100,000 cycles at 10 cycles per L1 miss
        Assert.Equal(new Threshold(0.01, 10), ll); // at 100 cycles per last-level miss
        Assert.Equal(Threshold.Percent(1), instructions);
    }

    [Fact]
    public void Compare_RareMissesDoubling_UnchangedButCostlyMissesRegress()
    {
        var old = Run(estCycles: 100_000, l1dMisses: 5, llMisses: 0.01);

        var rare = ComparisonEngine.Compare(old, Run(estCycles: 100_000, l1dMisses: 10, llMisses: 0.05), TestOptions.Compare);
        var costly = ComparisonEngine.Compare(old, Run(estCycles: 100_000, l1dMisses: 5 + 200, llMisses: 0.01), TestOptions.Compare);

        Assert.DoesNotContain(rare.Comparisons, c => c.Verdict == Verdict.Regression);
        Assert.Equal(Verdict.Regression, costly.Comparisons.Single(c => c.Metric.Name == CachegrindMetrics.L1dMisses).Verdict);
    }

    [Fact]
    public void Wrap_NoPricedCount_InnerUnchanged()
    {
        var goRun = Run(1, 1, 1) with { Benchmarks = [] };

        Assert.Same(Thresholds.Default, PricedThresholds.Wrap(Thresholds.Default, goRun, BackendMetrics.Catalog));
    }
}
