using Gate.Core.Counters;
using Gate.Core.Metrics;
using Gate.Core.Results;
using Gate.Core.Statistics;
using Gate.TestUtilities;

namespace Gate.Core.Tests.Statistics;

public class ThresholdTests
{
    [Theory]
    [InlineData("5%", 0.05, null, "5%")]
    [InlineData("0.5%", 0.005, null, "0.5%")]
    [InlineData("+1", null, 1.0, "+1")]
    [InlineData("2", null, 2.0, "+2")]
    [InlineData("5%|+1", 0.05, 1.0, "5%|+1")]
    public void TryParse_ValidForms_RoundTrip(string text, double? relative, double? absolute, string formatted)
    {
        Assert.True(Threshold.TryParse(text, out var threshold));
        Assert.Equal(relative, threshold.Relative);
        Assert.Equal(absolute, threshold.Absolute);
        Assert.Equal(formatted, threshold.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("five")]
    [InlineData("-5%")]
    [InlineData("5%|6%")]
    [InlineData("1|2|3")]
    public void TryParse_Invalid_False(string text)
    {
        Assert.False(Threshold.TryParse(text, out _));
        Assert.Throws<GateException>(() => Threshold.Parse(text, "test"));
    }

    [Fact]
    public void IsMetBy_RelativeAbsoluteAndBoth()
    {
        Assert.True(Threshold.Percent(5).IsMetBy(100, 105));
        Assert.False(Threshold.Percent(5).IsMetBy(100, 104.9));
        Assert.True(Threshold.Percent(5).IsMetBy(100, 95));
        Assert.True(new Threshold(null, 1).IsMetBy(166, 167));
        Assert.False(new Threshold(null, 1).IsMetBy(166, 166.5));
        Assert.False(new Threshold(0.05, 1).IsMetBy(10, 10.9));
        Assert.False(Threshold.Zero.IsMetBy(3, 3));
    }

    [Fact]
    public void Thresholds_Defaults_PerMetricAndSource()
    {
        var thresholds = Thresholds.Default;

        Assert.Equal("5%", thresholds.For(Key("BenchmarkX", "sec/op", MetricSource.Go)).ToString());
        Assert.Equal("+1", thresholds.For(Key("BenchmarkX", "allocs/op", MetricSource.Go)).ToString());
        Assert.Equal("1%", thresholds.For(Key("BenchmarkX", "instructions/op", MetricSource.Sim)).ToString());
        Assert.Equal("5%", thresholds.For(Key("BenchmarkX", "instructions/op", MetricSource.PerfHw)).ToString());
        Assert.Equal("5%|+0.01", thresholds.For(Key("BenchmarkX", "page-faults/op", MetricSource.PerfSw)).ToString());
        Assert.Equal("5%|+0.01", thresholds.For(Key("BenchmarkX", "context-switches/op", MetricSource.PerfSw)).ToString());
        Assert.Equal("5%", thresholds.For(Key("BenchmarkX", "task-clock-sec/op", MetricSource.PerfSw)).ToString());
    }

    [Fact]
    public void Compare_PageFaultsNearZeroMovedByLessThanOnePerHundredOps_Unchanged()
    {
        // Given per-op page faults of a steady benchmark: difference noise around 0, then around 0.004 (significant, +400 %)
        var old = new Runs().With("BenchmarkX", "page-faults/op", [-0.002, -0.001, 0, 0.001, 0.002, -0.0015, 0.0005, 0.001, -0.0005, 0], MetricSource.PerfSw).Build();
        var @new = new Runs().With("BenchmarkX", "page-faults/op", [0.003, 0.004, 0.005, 0.0035, 0.0045, 0.004, 0.003, 0.005, 0.0042, 0.0038], MetricSource.PerfSw).Build();

        var comparison = Assert.Single(ComparisonEngine.Compare(old, @new, TestOptions.Compare).Comparisons);

        Assert.True(comparison.QValue < 0.05);
        Assert.Equal(Verdict.Unchanged, comparison.Verdict);
        Assert.Equal("below threshold 5%|+0.01", comparison.Reason);
    }

    [Fact]
    public void Thresholds_ConfiguredAndOverrides_LastMatchingOverrideWins()
    {
        var thresholds = new Thresholds(
            new Dictionary<string, Threshold> { ["sec/op"] = Threshold.Percent(3), ["sim:instructions/op"] = Threshold.Percent(0.5) },
            [
                new ThresholdOverride("BenchmarkParse/*", "sec/op", null, Threshold.Percent(10)),
                new ThresholdOverride("BenchmarkParse/huge", null, "example.com/*", Threshold.Percent(20)),
            ]);

        Assert.Equal("3%", thresholds.For(Key("BenchmarkOther", "sec/op", MetricSource.Go)).ToString());
        Assert.Equal("10%", thresholds.For(Key("BenchmarkParse/small", "sec/op", MetricSource.Go)).ToString());
        Assert.Equal("20%", thresholds.For(Key("BenchmarkParse/huge", "sec/op", MetricSource.Go)).ToString());
        Assert.Equal("10%", thresholds.For(new ThresholdKey("other.org/m", "BenchmarkParse/huge", BackendMetrics.Catalog.Find(MetricSource.Go, "sec/op"))).ToString());
        Assert.Equal("0.5%", thresholds.For(Key("BenchmarkParse/small", "instructions/op", MetricSource.Sim)).ToString());
        Assert.Equal("5%", thresholds.For(Key("BenchmarkParse/small", "instructions/op", MetricSource.PerfHw)).ToString());
    }

    private static ThresholdKey Key(string benchmark, string metric, MetricSource source) =>
        new("example.com/m", benchmark, BackendMetrics.Catalog.Find(source, metric));
}
