using Gate.Core.Counters;

namespace Gate.Core.Tests.Counters;

public class CachegrindWindowTests
{
    private static readonly CachegrindWindowPlanner Planner = new(CachegrindWindowSettings.Default);

    /// <summary>Counts of a run: a fixed start-up cost plus <paramref name="perOp"/> instructions per iteration.</summary>
    private static CachegrindCounts Run(long iterations, double perOp, long fixedCost = 5_000_000, long extra = 0) =>
        new((long)(fixedCost + perOp * iterations) + extra, 10, 5, 1000, 20, 5, 500, 10, 2, 900, 30, 10, 1);

    private static WindowCounts Linear(WindowRange range, double perOp) =>
        new(range, Run(range.N1, perOp), Run(range.Middle, perOp), Run(range.N2, perOp));

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(7.5, 8)]
    [InlineData(9, 10)]
    [InlineData(11, 20)]
    [InlineData(20, 20)]
    [InlineData(21, 50)]
    [InlineData(51, 100)]
    [InlineData(24_999, 50_000)]
    public void Round_Operations_GoesUpToARoundEvenCount(double operations, long expected)
    {
        Assert.Equal(expected, CachegrindWindowPlanner.Round(operations));
    }

    [Fact]
    public void Of_Operations_StartsAfterAnEighthAndAtLeastAtTwo()
    {
        Assert.Equal(new WindowRange(125, 1125), WindowRange.Of(1000));
        Assert.Equal(new WindowRange(2, 4), WindowRange.Of(1));
        Assert.Equal(new WindowRange(2, 8), WindowRange.Of(5));
        Assert.Equal(7, WindowRange.Of(10).Middle);
    }

    [Theory]
    [InlineData(1.5, 2)]
    [InlineData(7, 6)]
    [InlineData(13_333.3, 10_000)]
    [InlineData(6_666, 5_000)]
    [InlineData(20_000, 20_000)]
    [InlineData(49_999, 20_000)]
    public void RoundDown_Operations_GoesDownToARoundCount(double operations, long expected)
    {
        Assert.Equal(expected, CachegrindWindowPlanner.RoundDown(operations));
    }

    [Fact]
    public void Probe_NativeMicrosecondPerOp_AimsAtTheProbeInstructions()
    {
        // Given 1 µs per op natively: about 2000 instructions per op by the assumed rate
        var probe = Planner.Probe(1e-6);

        // Then the probe holds 5 M / 2000 = 2500 ops, rounded up to 5000, from the smallest start
        Assert.Equal(new WindowRange(2, 5002), probe);
    }

    [Fact]
    public void Probe_SlowOperation_IsTheSmallestWindow()
    {
        Assert.Equal(new WindowRange(2, 4), Planner.Probe(2.0));
    }

    [Fact]
    public void AfterProbe_MeasuredRate_SizesTheWindowToTheTarget()
    {
        // Given a probe of 1000 ops at 8000 instructions per op
        var probe = WindowRange.Of(1000);

        var decision = Planner.AfterProbe(probe, Run(probe.N1, 8000), Run(probe.N2, 8000));

        // Then the window holds 50 M × 1.1 / 8000 = 6875 ops, rounded up to 10 000
        Assert.Equal(WindowRange.Of(10_000), decision.Next);
        Assert.Null(decision.Failure);
        Assert.Equal("probe of 1,000 ops: 8000 instructions/op", decision.Note);
    }

    [Fact]
    public void AfterProbe_RatesWithinTheProbesJitter_ChooseTheSameWindow()
    {
        var probe = WindowRange.Of(1000);

        var low = Planner.AfterProbe(probe, Run(probe.N1, 8000), Run(probe.N2, 8000 * 0.995));
        var high = Planner.AfterProbe(probe, Run(probe.N1, 8000), Run(probe.N2, 8000 * 1.005));

        Assert.Equal(low.Next, high.Next);
    }

    [Fact]
    public void AfterProbe_CountsDoNotGrow_FailsTheBenchmark()
    {
        var probe = WindowRange.Of(1_000_000);

        var decision = Planner.AfterProbe(probe, Run(probe.N1, 0, extra: 20_000), Run(probe.N2, 0));

        Assert.Null(decision.Next);
        Assert.Contains("does the benchmark loop b.N times?", decision.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_LinearCountsAboveTarget_Accepts()
    {
        var range = WindowRange.Of(10_000);

        var decision = Planner.Judge(Linear(range, 10_000), 1);

        Assert.True(decision.Accepted);
        Assert.True(decision.Stable);
        Assert.Null(decision.Failure);
        Assert.Equal("10,000 ops: halves agree to 0 % (instructions/op), 0 % (est-cycles/op)", decision.Note);
    }

    [Fact]
    public void Judge_WindowBelowTarget_GrowsToTheTargetFromTheMeasuredRate()
    {
        // Given a window of 1000 ops at 8000 instructions per op: 8 M instructions, under the 50 M target
        var range = WindowRange.Of(1000);

        var decision = Planner.Judge(Linear(range, 8000), 1);

        // Then the next window holds 50 M × 1.1 / 8000 = 6875 ops, rounded up to 10 000
        Assert.False(decision.Accepted);
        Assert.Equal(WindowRange.Of(10_000), decision.Next);
        Assert.Contains("1,000 ops held 8,000,000 instructions", decision.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_HalvesDisagree_GrowsByTwiceTheExcess()
    {
        // Given a second half that cost 2 % more (a garbage collection in it)
        var range = WindowRange.Of(10_000);
        var counts = new WindowCounts(range, Run(range.N1, 10_000), Run(range.Middle, 10_000), Run(range.N2, 10_000, extra: 1_000_000));

        var decision = Planner.Judge(counts, 1);

        // Then the window grows by twice 1.98 % / 0.5 %: 7.9× (79 000 ops, rounded up to 100 000)
        Assert.False(decision.Accepted);
        Assert.Equal(WindowRange.Of(100_000), decision.Next);
        Assert.Contains("halves agree to 1.98 % (instructions/op)", decision.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_MissesTrendWithinTheCyclesTolerance_Accepts()
    {
        // Given halves of 50 M instructions each, the first with 5000 more last-level misses (the heap still growing):
        // est-cycles differ by 5000 × (100 − 10) = 450 000, 0.9 %
        var range = WindowRange.Of(10_000);
        var end = Run(range.N2, 10_000);
        var counts = new WindowCounts(range, Run(range.N1, 10_000), Run(range.Middle, 10_000) with { DLmw = 5_002 }, end with { DLmw = 5_002 });

        var decision = Planner.Judge(counts, 1);

        Assert.True(decision.Accepted, decision.Note);
        Assert.EndsWith("halves agree to 0 % (instructions/op), 0.896 % (est-cycles/op)", decision.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_HalvesDisagreeAtTheLastAttempt_AcceptsAsUnstable()
    {
        var range = WindowRange.Of(10_000);
        var counts = new WindowCounts(range, Run(range.N1, 10_000), Run(range.Middle, 10_000), Run(range.N2, 10_000, extra: 1_000_000));

        var decision = Planner.Judge(counts, CachegrindWindowSettings.Default.MaxAttempts);

        Assert.True(decision.Accepted);
        Assert.False(decision.Stable);
        Assert.Contains("UNSTABLE", decision.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_HalvesDisagreeNearTheSizeLimit_GrowsToARoundCountUnderTheLimit()
    {
        // Given about 92 000 instructions per op: the 2 G limit allows 21 786 ops, 20 000 round; the halves' 3.9 %
        // would ask for 16 × 10 000
        var range = WindowRange.Of(10_000);
        var counts = new WindowCounts(range, Run(range.N1, 9e4), Run(range.Middle, 9e4), Run(range.N2, 9e4, extra: 18_000_000));

        var decision = Planner.Judge(counts, 1);

        Assert.Equal(WindowRange.Of(20_000), decision.Next);
    }

    [Fact]
    public void Judge_WindowAtTheSizeLimit_DoesNotGrowBeyondIt()
    {
        // Given a window of 1000 ops at 10 M instructions per op, halves disagreeing: 10 G instructions already
        var range = WindowRange.Of(1000);
        var counts = new WindowCounts(range, Run(range.N1, 1e7), Run(range.Middle, 1e7), Run(range.N2, 1e7, extra: 1_000_000_000));

        var decision = Planner.Judge(counts, 1);

        Assert.True(decision.Accepted);
        Assert.False(decision.Stable);
    }

    [Fact]
    public void Judge_CountsDoNotGrowWithIterations_FailsTheBenchmark()
    {
        // Given a benchmark that ignores b.N: every run costs the same, give or take jitter
        var range = WindowRange.Of(1_000_000);
        var counts = new WindowCounts(range, Run(range.N1, 0), Run(range.Middle, 0, extra: 20_000), Run(range.N2, 0, extra: 3_000));

        var decision = Planner.Judge(counts, 1);

        Assert.False(decision.Accepted);
        Assert.Null(decision.Next);
        Assert.Contains("does the benchmark loop b.N times?", decision.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Rule_Steps_FollowTheRule()
    {
        var rule = Planner.Rule(["probe of 1,000 ops: 8000 instructions/op", "10,000 ops: halves agree to 0.1 % (instructions/op), 0.2 % (est-cycles/op)"]);

        Assert.Equal(
            "auto: >= 50,000,000 instructions, halves within 0.5 % (instructions/op) and 2 % (est-cycles/op); probe of 1,000 ops: 8000 instructions/op; 10,000 ops: halves agree to 0.1 % (instructions/op), 0.2 % (est-cycles/op)",
            rule);
    }

    [Theory]
    [InlineData(100, 100, 0)]
    [InlineData(99, 101, 0.02)]
    [InlineData(0, 0, 0)]
    public void Disagreement_TwoValues_IsRelativeToTheirMean(double a, double b, double expected)
    {
        Assert.Equal(expected, CachegrindWindowPlanner.Disagreement(a, b), 12);
    }
}
