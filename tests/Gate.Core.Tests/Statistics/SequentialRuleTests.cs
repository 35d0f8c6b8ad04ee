using Gate.Core.Counters;
using Gate.Core.Results;
using Gate.Core.Statistics;
using Gate.TestUtilities;

namespace Gate.Core.Tests.Statistics;

public class SequentialRuleTests
{
    private static readonly MetricInfo SecPerOp = new("sec/op", MetricSource.Go, Better.Lower);
    private static readonly MetricInfo Allocs = new("allocs/op", MetricSource.Go, Better.Lower);
    private static readonly MetricInfo Instructions = new("instructions/op", MetricSource.Sim, Better.Lower);

    /// <summary>A benchmark with one sample per value of <paramref name="values"/> for <paramref name="metric"/>.</summary>
    private static BenchmarkResult Benchmark(MetricInfo metric, params double[] values) =>
        new("example.com/m", "BenchmarkX", 1, 1000, [metric], [.. values.Select(v => new Sample(new Dictionary<string, double> { [metric.Name] = v }))]);

    private static SequentialRule Rule(int comparisons = 10) => new(TestOptions.Compare, SequentialRule.DefaultMaximum, comparisons);

    [Fact]
    public void InterimAlpha_IsAQuarterOfQSplitOverComparisonsAndLooks()
    {
        // Given q = 0.05, 20 samples at most, judged from 5: 15 looks; 10 comparisons
        var rule = Rule(10);

        // Then each look of each comparison may spend 0.05 × 0.25 / (10 × 15)
        Assert.Equal(5, rule.Minimum);
        Assert.Equal(0.05 * 0.25 / 150, rule.InterimAlpha, 12);
    }

    [Fact]
    public void Judge_SimulatedCounter_SettledAfterTwoSamples()
    {
        Assert.False(Rule().Judge(Benchmark(Instructions, 1000), Benchmark(Instructions, 1100), null).Settled);
        Assert.True(Rule().Judge(Benchmark(Instructions, 1000, 1000), Benchmark(Instructions, 1100, 1100), null).Settled);
    }

    [Fact]
    public void Judge_AllocationsEqualWithinEachSide_SettledAsDeterministicAtTheMinimum()
    {
        var rule = Rule();

        Assert.False(rule.Judge(Benchmark(Allocs, 3, 3, 3, 3), Benchmark(Allocs, 4, 4, 4, 4), null).Settled);
        var decision = rule.Judge(Benchmark(Allocs, 3, 3, 3, 3, 3), Benchmark(Allocs, 4, 4, 4, 4, 4), null);
        Assert.True(decision.Settled);
        Assert.Equal("allocs/op: deterministic", decision.Reason);
    }

    [Fact]
    public void Judge_QuietMetricWellInsideTheThreshold_SettledAtFiveSamples()
    {
        // Given ±0.5 % noise and no change, against the default 5 % threshold
        var old = Benchmark(SecPerOp, 100.0, 100.4, 99.6, 100.2, 99.8);
        var @new = Benchmark(SecPerOp, 100.1, 99.7, 100.3, 99.9, 100.5);

        // Then the 99 % interval of the difference lies inside ±5 %: settled
        var decision = Rule().Judge(old, @new, null);
        Assert.True(decision.Settled, decision.Reason);
        Assert.Equal("sec/op: inside threshold 5%", decision.Reason);
    }

    [Fact]
    public void Judge_NoisyMetric_NotSettledWhileTheIntervalReachesTheThreshold()
    {
        // Given ±10 % noise: the interval of the difference reaches beyond 5 %
        var old = Benchmark(SecPerOp, 100, 110, 92, 105, 97);
        var @new = Benchmark(SecPerOp, 103, 94, 108, 99, 111);

        var decision = Rule().Judge(old, @new, null);

        Assert.False(decision.Settled);
        Assert.Equal("sec/op: interval reaches the threshold", decision.Reason);
    }

    [Fact]
    public void Judge_ClearRegression_SettledOnlyOnceThePValueMeetsTheInterimAlpha()
    {
        // Given a 30 % slowdown with ±1 % noise: complete separation from the first sample on
        double[] Values(double center, int n) => [.. Enumerable.Range(0, n).Select(i => center * (1 + 0.01 * ((i * 7 % 5) - 2) / 2))];
        var rule = Rule(comparisons: 10);

        // When judged at 5, 7 and 10 samples per side: the smallest possible p-values are 0.0079, 0.00058 and 1.1e-5
        var at5 = rule.Judge(Benchmark(SecPerOp, Values(100, 5)), Benchmark(SecPerOp, Values(130, 5)), null);
        var at7 = rule.Judge(Benchmark(SecPerOp, Values(100, 7)), Benchmark(SecPerOp, Values(130, 7)), null);
        var at10 = rule.Judge(Benchmark(SecPerOp, Values(100, 10)), Benchmark(SecPerOp, Values(130, 10)), null);

        // Then it is settled only when p ≤ 0.05 × 0.25 / (10 × 15) ≈ 8.3e-5
        Assert.False(at5.Settled);
        Assert.False(at7.Settled);
        Assert.Equal("sec/op: beyond threshold, not yet significant enough", at7.Reason);
        Assert.True(at10.Settled, at10.Reason);
        Assert.StartsWith("sec/op: beyond threshold 5% (p=0.00001", at10.Reason);
    }

    /// <summary>19 values around <paramref name="center"/> with about 25 % spread (log scale), in a fixed order.</summary>
    private static double[] Noisy(double center, int rotate) =>
        [.. Enumerable.Range(0, 19).Select(i => center * Math.Exp(0.25 * (((i + rotate) * 7 % 19) - 9) / 6.0))];

    [Fact]
    public void Judge_VeryNoisyAndNoShift_SettledAsFutileNearTheMaximum()
    {
        // Given ±25 % noise, no shift, 19 of 20 samples per side: no change beyond 5 % can become significant by 20
        var decision = Rule().Judge(Benchmark(SecPerOp, Noisy(100, 0)), Benchmark(SecPerOp, Noisy(100, 5)), null);

        Assert.True(decision.Settled, decision.Reason);
        Assert.StartsWith("sec/op: futile: no change beyond 5% can be shown by 20 samples (conditional power 0", decision.Reason);
    }

    [Fact]
    public void Judge_VeryNoisyWithALargeShift_NotFutile()
    {
        // Given the same noise but the new side 30 % slower: a fixed 20 samples may still find it
        var decision = Rule().Judge(Benchmark(SecPerOp, Noisy(100, 0)), Benchmark(SecPerOp, Noisy(130, 5)), null);

        Assert.False(decision.Settled, decision.Reason);
    }

    [Fact]
    public void Judge_VeryNoisyEarly_NotFutileYet()
    {
        // Given ±25 % noise and 5 samples per side: σ is too uncertain to give up
        var decision = Rule().Judge(Benchmark(SecPerOp, Noisy(100, 0)[..5]), Benchmark(SecPerOp, Noisy(100, 5)[..5]), null);

        Assert.False(decision.Settled, decision.Reason);
    }

    [Fact]
    public void Judge_WallTimeWhileTheCanaryIsUnstable_SettledBecauseItWillNotBeJudged()
    {
        // Given noisy timings and a canary whose timings spread 1.5× (unstable: wall times get "environment changed")
        var old = Benchmark(SecPerOp, 100, 150, 92, 105, 97);
        var @new = Benchmark(SecPerOp, 103, 94, 160, 99, 111);
        var steady = new CanaryRecord("benchgate-canary-v1", 100, [1.0, 1.01, 0.99]);
        var unstable = new CanaryRecord("benchgate-canary-v1", 100, [1.0, 1.5, 0.99]);

        Assert.False(Rule().Judge(old, @new, steady).Settled);
        var decision = Rule().Judge(old, @new, unstable);
        Assert.True(decision.Settled);
        Assert.Equal("sec/op: machine speed changed (not judged)", decision.Reason);
    }

    [Fact]
    public void Judge_SeveralMetrics_SettledOnlyWhenEveryOneIs()
    {
        // Given allocations settled but a noisy time that is not
        static BenchmarkResult Both(double[] times, double allocs) => new("example.com/m", "BenchmarkX", 1, 1000, [SecPerOp, Allocs],
            [.. times.Select(t => new Sample(new Dictionary<string, double> { ["sec/op"] = t, ["allocs/op"] = allocs }))]);

        var decision = Rule().Judge(Both([100, 110, 92, 105, 97], 2), Both([103, 94, 108, 99, 111], 2), null);

        Assert.False(decision.Settled);
        Assert.StartsWith("sec/op:", decision.Reason);
    }

    [Fact]
    public void NoisyComparisons_CountsEveryMetricButSimulatedOnes()
    {
        var go = new BenchmarkResult("m", "B", 1, 1, [SecPerOp, Allocs], []);
        var sim = new BenchmarkResult("m", "C", 1, 1, [Instructions], []);

        Assert.Equal(2, SequentialRule.NoisyComparisons([go, sim, null], BackendMetrics.Catalog));
    }
}
