using Gate.Core.Statistics;

namespace Gate.Core.Tests.Statistics;

public class SummaryAndChangeTests
{
    [Fact]
    public void MedianInterval_TenSamples_SecondToNinthOrderStatistic()
    {
        var interval = MedianInterval.For(10, 0.95);

        Assert.Equal((2, 9), (interval.LowOrder, interval.HighOrder));
        Assert.True(interval.Confidence >= 0.95);
    }

    [Fact]
    public void SampleSummary_FiveSamples_InfiniteIntervalWithWarning()
    {
        var summary = SampleSummary.Of([1, 2, 3, 4, 5]);

        Assert.Equal(3, summary.Median);
        Assert.True(double.IsInfinity(summary.Low) || double.IsInfinity(summary.High));
        Assert.Null(summary.RelativeSpread);
        Assert.Equal(6, MedianInterval.SamplesForFiniteInterval(0.95));
        Assert.Contains("need at least 6 samples", Assert.Single(summary.Warnings));
    }

    [Fact]
    public void SampleSummary_EvenCount_MedianIsMeanOfMiddleValues()
    {
        var summary = SampleSummary.Of([1, 2, 3, 10, 11, 12]);

        Assert.Equal(6.5, summary.Median);
        Assert.False(summary.AllEqual);
    }

    [Fact]
    public void ChangeEstimate_ExactTenPercentScaling_ShiftIsTenPercentAndIntervalContainsIt()
    {
        // Given new = old × 1.1, sample by sample
        double[] old = [100, 101, 103, 104, 108, 109, 112, 115, 118, 125];
        double[] @new = [.. old.Select(v => v * 1.1)];

        var change = ChangeEstimate.Of(old, @new, new MannWhitney());

        Assert.Equal(0.1, change.Change!.Value, 1e-12);
        Assert.Equal(0.1, change.Shift!.Value, 1e-12);
        Assert.InRange(0.1, change.Low!.Value, change.High!.Value);
        Assert.True(change.Low < 0.1 && change.High > 0.1);
    }

    [Fact]
    public void ChangeEstimate_NonPositiveValues_ShiftRelativeToOldMedian()
    {
        double[] old = [-2, -1, 0, 1, 2];
        double[] @new = [0, 1, 2, 3, 4];

        var change = ChangeEstimate.Of(old, @new, new MannWhitney());

        Assert.Null(change.Change);
        Assert.Null(change.Shift);
    }

    [Fact]
    public void ChangeEstimate_NegativeOldMedianGoingUp_PositiveChangeAndShift()
    {
        // Given per-op page faults around -0.004 (a difference's noise) that become +0.004: the metric went up
        double[] old = [-0.006, -0.005, -0.004, -0.003, -0.002];
        double[] @new = [0.002, 0.003, 0.004, 0.005, 0.006];

        var change = ChangeEstimate.Of(old, @new, new MannWhitney());

        Assert.Equal(2.0, change.Change!.Value, 1e-12);
        Assert.Equal(2.0, change.Shift!.Value, 1e-12);
    }

    [Fact]
    public void ChangeEstimate_ThreeSamples_NoInterval()
    {
        var change = ChangeEstimate.Of([1, 2, 3], [2, 3, 4], new MannWhitney());

        Assert.Null(change.Low);
        Assert.Null(change.High);
        Assert.Equal(0, ChangeEstimate.MosesRank(3, 3, 0.95, new MannWhitney()));
    }

    [Fact]
    public void BenjaminiHochberg_KnownExample()
    {
        // p-values from Benjamini & Hochberg's style of example; adjusted by hand: p(k)·m/k, then running minimum from the top
        double[] p = [0.01, 0.04, 0.03, 0.005, 0.5];

        var q = BenjaminiHochberg.Adjust(p);

        Assert.Equal([0.025, 0.05, 0.05, 0.025, 0.5], q.Select(v => Math.Round(v, 10)));
    }
}
