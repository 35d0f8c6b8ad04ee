using Gate.Core.Pairing;
using Gate.Core.Results;
using Gate.Core.Tests.Statistics;

namespace Gate.Core.Tests.Pairing;

public class RunPairingTests
{
    [Fact]
    public void Pair_BenchmarksInOldOrderThenOnlyNewOnes_ValuesAscending()
    {
        var old = new Runs().With("BenchmarkB", "sec/op", [3, 1, 2]).With("BenchmarkA", "sec/op", [1]).Build();
        var @new = new Runs().With("BenchmarkC", "sec/op", [1]).With("BenchmarkA", "sec/op", [2]).With("BenchmarkB", "sec/op", [6, 4, 5]).Build();

        var pairs = RunPairing.Pair(old, @new).Metrics;

        Assert.Equal(["BenchmarkB", "BenchmarkA", "BenchmarkC"], pairs.Select(p => p.Benchmark));
        Assert.Equal(new double[] { 1, 2, 3 }, pairs[0].OldValues);
        Assert.Equal(new double[] { 4, 5, 6 }, pairs[0].NewValues);
        Assert.Equal([null, null, "only in new"], pairs.Select(p => p.Incomparable));
    }

    [Fact]
    public void Pair_MetricOnOneSideOnly_SaysWhichIsMissing()
    {
        var old = new Runs().With("BenchmarkA", "sec/op", [1]).With("BenchmarkA", "B/op", [1]).With("BenchmarkGone", "sec/op", [1]).Build();
        var @new = new Runs().With("BenchmarkA", "sec/op", [1]).With("BenchmarkA", "allocs/op", [1]).Build();

        var pairs = RunPairing.Pair(old, @new).Metrics;

        Assert.Equal(
            [("BenchmarkA", "sec/op", null), ("BenchmarkA", "B/op", "missing in new"), ("BenchmarkA", "allocs/op", "missing in old"), ("BenchmarkGone", "sec/op", "only in old")],
            pairs.Select(p => (p.Benchmark, p.Metric.Name, p.Incomparable)));
    }

    [Fact]
    public void Pair_DifferentSources_IncomparableTheNewSidesMetricShown()
    {
        var old = new Runs().With("BenchmarkA", "instructions/op", [1], MetricSource.PerfHw).Build();
        var @new = new Runs().With("BenchmarkA", "instructions/op", [1], MetricSource.Sim).Build();

        var pair = Assert.Single(RunPairing.Pair(old, @new).Metrics);

        Assert.Equal("sources differ: perf-hw vs sim", pair.Incomparable);
        Assert.Equal(MetricSource.Sim, pair.Metric.Source);
        Assert.True(pair.HasBothSides);
    }

    [Fact]
    public void Pair_IncompatibleEnvironments_EveryMetricIncomparable()
    {
        var old = new Runs().With("BenchmarkA", "sec/op", [1]).Build();
        var @new = new Runs { Environment = new RunEnvironment("linux", "arm64", "go", [], Cpu: "AMD EPYC", GoVersion: "go1.23.5") }.With("BenchmarkA", "sec/op", [1]).Build();

        var paired = RunPairing.Pair(old, @new);

        Assert.False(paired.Environment.Compatible);
        Assert.Equal("environments differ: goarch: amd64 vs arm64", Assert.Single(paired.Metrics).Incomparable);
    }
}
