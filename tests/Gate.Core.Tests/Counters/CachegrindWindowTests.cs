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
        Assert.Equal(new WindowRange(2, 4), WindowRange.Of(2));
        Assert.Equal(new WindowRange(2, 6), WindowRange.Of(3));
        Assert.Equal(3, WindowRange.Of(5).Operations / 2);
    }

    [Fact]
    public void First_NativeMicrosecondPerOp_AimsAtTheTargetInstructions()
    {
        // Given 1 µs per op natively: about 2000 instructions per op by the assumed rate
        var first = Planner.First(1e-6);

        // Then the window holds 50 M / 2000 = 25 000 ops, rounded up to 50 000
        Assert.Equal(50_000, first.Operations);
        Assert.Equal(6_250, first.N1);
    }

    [Fact]
    public void First_SlowOperation_IsTheSmallestWindow()
    {
        var first = Planner.First(2.0);

        Assert.Equal(new WindowRange(2, 4), first);
    }

    [Fact]
    public void Judge_LinearCountsAboveTarget_Accepts()
    {
        var range = WindowRange.Of(10_000);

        var decision = Planner.Judge(Linear(range, 10_000), 1);

        Assert.True(decision.Accepted);
        Assert.True(decision.Stable);
        Assert.Null(decision.Failure);
        Assert.Contains("halves agree to 0 % (instructions/op)", decision.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_WindowBelowTarget_GrowsToTheTargetFromTheMeasuredRate()
    {
        // Given a window of 1000 ops at 8000 instructions per op: 8 M instructions, under the 50 M target
        var range = WindowRange.Of(1000);

        var decision = Planner.Judge(Linear(range, 8000), 1);

        // Then the next window keeps N1 and holds 50 M × 1.1 / 8000 = 6875 ops, rounded up to 10 000
        Assert.False(decision.Accepted);
        Assert.Equal(new WindowRange(range.N1, range.N1 + 10_000), decision.Next);
        Assert.Contains("1,000 ops held 8,000,000 instructions", decision.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_HalvesDisagree_GrowsFourfold()
    {
        // Given a second half that cost 2 % more (a garbage collection in it)
        var range = WindowRange.Of(10_000);
        var counts = new WindowCounts(range, Run(range.N1, 10_000), Run(range.Middle, 10_000), Run(range.N2, 10_000, extra: 1_000_000));

        var decision = Planner.Judge(counts, 1);

        // Then the window grows 4× (40 000 ops, rounded up to 50 000) from the same start
        Assert.False(decision.Accepted);
        Assert.Equal(range.Resized(50_000), decision.Next);
        Assert.Contains("halves agree to 2 % (instructions/op)", decision.Note, StringComparison.Ordinal);
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
    public void Rule_AfterGrowth_SaysWhatWasTriedAndFound()
    {
        var decision = new WindowDecision(true, null, null, "halves agree to 0.1 % (instructions/op), 0.2 % (est-cycles/op)");

        var rule = Planner.Rule(["1,000 ops held 8,000,000 instructions"], decision);

        Assert.Equal(
            "auto: >= 50,000,000 instructions, halves within 0.5 %; grown after 1,000 ops held 8,000,000 instructions; halves agree to 0.1 % (instructions/op), 0.2 % (est-cycles/op)",
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
