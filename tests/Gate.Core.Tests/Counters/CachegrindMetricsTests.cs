using Gate.Core.Counters;
using Gate.Core.Results;

namespace Gate.Core.Tests.Counters;

public class CachegrindMetricsTests
{
    // Ir I1mr ILmr Dr D1mr DLmr Dw D1mw DLmw Bc Bcm Bi Bim of a window of 100 operations
    private static readonly CachegrindCounts Window = new(1_000_000, 300, 100, 250_000, 4_000, 500, 80_000, 1_000, 200, 150_000, 2_000, 1_000, 500);

    [Fact]
    public void PerOp_Window_DividesEachEventByTheOperations()
    {
        var values = CachegrindMetrics.PerOp(Window, 100);

        Assert.Equal(10_000, values["instructions/op"]);
        Assert.Equal(50, values["L1d-misses/op"]);            // (4000 + 1000) / 100
        Assert.Equal(8, values["LL-misses/op"]);              // (100 + 500 + 200) / 100
        Assert.Equal(3, values["L1i-misses/op"]);             // 300 / 100
        Assert.Equal(25, values["branch-mispredicts/op"]);    // (2000 + 500) / 100
    }

    [Fact]
    public void Cycles_Window_FollowsTheDocumentedCostModel()
    {
        // L1 misses 5300 of which 800 also miss the last level: 4500 LL hits; 800 memory accesses; 2500 mispredicts
        var expected = 1_000_000 + 10 * 4_500 + 100 * 800 + 15 * 2_500;

        var cycles = CachegrindMetrics.Cycles(Window);
        var values = CachegrindMetrics.PerOp(Window, 100);

        Assert.Equal(expected, cycles);
        Assert.Equal(expected / 100.0, values["est-cycles/op"]);
        Assert.Equal(1_000_000.0 / expected, values["est-IPC"], 12);
    }

    [Fact]
    public void PerOp_NegativeDifference_IsZeroNotNegative()
    {
        // Given a window whose jitter made a nearly absent event negative
        var window = Window with { ILmr = -40, DLmr = -30, DLmw = 0 };

        var values = CachegrindMetrics.PerOp(window, 100);

        Assert.Equal(0, values["LL-misses/op"]);
    }

    [Fact]
    public void Descriptions_AreSimulatedWithEstIpcHigherIsBetter()
    {
        var metrics = CachegrindMetrics.Descriptions;

        Assert.Equal(
            ["instructions/op", "L1d-misses/op", "LL-misses/op", "L1i-misses/op", "branch-mispredicts/op", "est-cycles/op", "est-IPC"],
            metrics.Select(m => m.Name));
        Assert.All(metrics, m => Assert.Equal(MetricSource.Sim, m.Source));
        Assert.Equal(Better.Higher, metrics.Single(m => m.Name == "est-IPC").Better);
        Assert.All(metrics.Where(m => m.Name != "est-IPC"), m => Assert.Equal(Better.Lower, m.Better));
    }

    [Fact]
    public void PerOp_NoOperations_IsABug()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CachegrindMetrics.PerOp(Window, 0));
    }
}
