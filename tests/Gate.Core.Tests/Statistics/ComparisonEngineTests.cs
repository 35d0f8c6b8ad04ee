using Gate.Core.Results;
using Gate.Core.Statistics;
using Gate.TestUtilities;

namespace Gate.Core.Tests.Statistics;

public class ComparisonEngineTests
{
    private static MetricComparison Single(ComparisonReport report, string benchmark, string metric) =>
        Assert.Single(report.Comparisons, c => c.Benchmark == benchmark && c.Metric.Name == metric);

    [Fact]
    public void Compare_TwentyPercentSlower_Regression()
    {
        var old = new Runs().With("BenchmarkA", "sec/op", Runs.Around(1e-6)).With("BenchmarkB", "sec/op", Runs.Around(2e-6, seed: 2)).Build();
        var @new = new Runs().With("BenchmarkA", "sec/op", Runs.Around(1.2e-6, seed: 3)).With("BenchmarkB", "sec/op", Runs.Around(2e-6, seed: 4)).Build();

        var report = ComparisonEngine.Compare(old, @new, TestOptions.Compare);

        var a = Single(report, "BenchmarkA", "sec/op");
        Assert.Equal(Verdict.Regression, a.Verdict);
        Assert.InRange(a.Change!.Change!.Value, 0.15, 0.25);
        Assert.True(a.QValue <= 0.05);
        Assert.Equal(Verdict.Unchanged, Single(report, "BenchmarkB", "sec/op").Verdict);
        Assert.True(report.HasRegression);
        Assert.Equal("1 regression, 1 unchanged", report.Tally());
    }

    [Fact]
    public void Compare_ThroughputDrops_RegressionBecauseHigherIsBetter()
    {
        var old = new Runs().With("BenchmarkA", "MB/s", Runs.Around(500)).Build();
        var @new = new Runs().With("BenchmarkA", "MB/s", Runs.Around(400, seed: 5)).Build();

        var report = ComparisonEngine.Compare(old, @new, TestOptions.Compare);

        Assert.Equal(Verdict.Regression, Single(report, "BenchmarkA", "MB/s").Verdict);
    }

    [Fact]
    public void Compare_SignificantButBelowThreshold_Unchanged()
    {
        var old = new Runs().With("BenchmarkA", "sec/op", Runs.Around(1e-6, spread: 0.001)).Build();
        var @new = new Runs().With("BenchmarkA", "sec/op", Runs.Around(1.02e-6, spread: 0.001, seed: 6)).Build();

        var comparison = Single(ComparisonEngine.Compare(old, @new, TestOptions.Compare), "BenchmarkA", "sec/op");

        Assert.True(comparison.PValue < 0.001);
        Assert.Equal(Verdict.Unchanged, comparison.Verdict);
        Assert.Equal("below threshold 5%", comparison.Reason);
    }

    [Fact]
    public void Compare_ThreeSamples_InsufficientDataSaysHowMany()
    {
        var old = new Runs().With("BenchmarkA", "sec/op", [1, 1.1, 1.2]).Build();
        var @new = new Runs().With("BenchmarkA", "sec/op", [2, 2.1, 2.2]).Build();

        var comparison = Single(ComparisonEngine.Compare(old, @new, TestOptions.Compare), "BenchmarkA", "sec/op");

        Assert.Equal(Verdict.InsufficientData, comparison.Verdict);
        Assert.Equal("need at least 4 samples per side to detect a change at q=0.05 (have 3 and 3)", comparison.Reason);
    }

    [Fact]
    public void Compare_MetricMissingOrBenchmarkOnOneSide_Incomparable()
    {
        var old = new Runs().With("BenchmarkA", "sec/op", Runs.Around(1)).With("BenchmarkA", "B/op", Runs.Around(64)).With("BenchmarkGone", "sec/op", Runs.Around(1)).Build();
        var @new = new Runs().With("BenchmarkA", "sec/op", Runs.Around(1)).With("BenchmarkNew", "sec/op", Runs.Around(1)).Build();

        var report = ComparisonEngine.Compare(old, @new, TestOptions.Compare);

        Assert.Equal(("missing in new", Verdict.Incomparable), (Single(report, "BenchmarkA", "B/op").Reason, Single(report, "BenchmarkA", "B/op").Verdict));
        Assert.Equal("only in old", Single(report, "BenchmarkGone", "sec/op").Reason);
        Assert.Equal("only in new", Single(report, "BenchmarkNew", "sec/op").Reason);
    }

    [Fact]
    public void Compare_DifferentSources_Incomparable()
    {
        var old = new Runs().With("BenchmarkA", "instructions/op", Runs.Around(1000), MetricSource.PerfHw).Build();
        var @new = new Runs().With("BenchmarkA", "instructions/op", Runs.Around(1000), MetricSource.Sim).Build();

        var comparison = Single(ComparisonEngine.Compare(old, @new, TestOptions.Compare), "BenchmarkA", "instructions/op");

        Assert.Equal(Verdict.Incomparable, comparison.Verdict);
        Assert.Equal("sources differ: perf-hw vs sim", comparison.Reason);
    }

    [Theory]
    [InlineData("cpu", "cpu: AMD EPYC vs Intel Xeon")]
    [InlineData("go", "go: go1.23 vs go1.24")]
    [InlineData("cache", "cache model: I1=32768,8,64 vs I1=65536,8,64")]
    [InlineData("backend", "backend: go vs perf")]
    public void Compare_IncompatibleEnvironments_EverythingIncomparable(string what, string mismatch)
    {
        var environment = new RunEnvironment("linux", "amd64", "go", [], Cpu: "AMD EPYC", GoVersion: "go1.23.5") { CacheModel = "I1=32768,8,64" };
        var other = what switch
        {
            "cpu" => environment with { Cpu = "Intel Xeon" },
            "go" => environment with { GoVersion = "go1.24.1" },
            "cache" => environment with { CacheModel = "I1=65536,8,64" },
            _ => environment with { Backend = "perf" },
        };
        var old = new Runs { Environment = environment }.With("BenchmarkA", "sec/op", Runs.Around(1)).Build();
        var @new = new Runs { Environment = other }.With("BenchmarkA", "sec/op", Runs.Around(2)).Build();

        var report = ComparisonEngine.Compare(old, @new, TestOptions.Compare);

        Assert.False(report.Environment.Compatible);
        Assert.Equal([mismatch], report.Environment.Mismatches);
        Assert.All(report.Comparisons, c => Assert.Equal(Verdict.Incomparable, c.Verdict));
        Assert.False(report.HasRegression);
    }

    [Fact]
    public void Compare_PatchVersionsDiffer_Compatible()
    {
        var environment = new RunEnvironment("linux", "amd64", "go", [], Cpu: "AMD EPYC", GoVersion: "go1.23.5");
        var old = new Runs { Environment = environment }.With("BenchmarkA", "sec/op", Runs.Around(1)).Build();
        var @new = new Runs { Environment = environment with { GoVersion = "go1.23.9" } }.With("BenchmarkA", "sec/op", Runs.Around(1)).Build();

        Assert.True(ComparisonEngine.Compare(old, @new, TestOptions.Compare).Environment.Compatible);
    }

    [Fact]
    public void Compare_SimulatedCounterOneSampleEach_DeterministicByThreshold()
    {
        var old = new Runs().With("BenchmarkA", "instructions/op", [100_000], MetricSource.Sim).With("BenchmarkB", "instructions/op", [100_000], MetricSource.Sim).Build();
        var @new = new Runs().With("BenchmarkA", "instructions/op", [101_500], MetricSource.Sim).With("BenchmarkB", "instructions/op", [100_500], MetricSource.Sim).Build();

        var report = ComparisonEngine.Compare(old, @new, TestOptions.Compare);

        var a = Single(report, "BenchmarkA", "instructions/op");
        Assert.True(a.Deterministic);
        Assert.Null(a.PValue);
        Assert.Equal(Verdict.Regression, a.Verdict);
        Assert.Equal(Verdict.Unchanged, Single(report, "BenchmarkB", "instructions/op").Verdict);
    }

    [Fact]
    public void Compare_OneMoreAllocation_RegressionWithTwoSamples()
    {
        var old = new Runs().With("BenchmarkA", "allocs/op", [166, 166]).Build();
        var @new = new Runs().With("BenchmarkA", "allocs/op", [167, 167]).Build();

        var comparison = Single(ComparisonEngine.Compare(old, @new, TestOptions.Compare), "BenchmarkA", "allocs/op");

        Assert.True(comparison.Deterministic);
        Assert.Equal(Verdict.Regression, comparison.Verdict);
    }

    [Fact]
    public void Compare_NoisyAllocations_TestedNotDeterministic()
    {
        var old = new Runs().With("BenchmarkA", "allocs/op", [166, 167, 166, 166]).Build();
        var @new = new Runs().With("BenchmarkA", "allocs/op", [167, 167, 167, 166]).Build();

        var comparison = Single(ComparisonEngine.Compare(old, @new, TestOptions.Compare), "BenchmarkA", "allocs/op");

        Assert.False(comparison.Deterministic);
        Assert.NotNull(comparison.PValue);
    }

    [Fact]
    public void Compare_CanaryMoved_WallTimeEnvironmentChangedCountersStillJudged()
    {
        // Given the canary twice as slow in the new run, and everything else twice as slow too, plus one more allocation
        var canaryOld = new CanaryRecord("benchgate-canary-v1", 1000, Runs.Around(1e-6, 7));
        var canaryNew = new CanaryRecord("benchgate-canary-v1", 1000, Runs.Around(2e-6, 7, seed: 8));
        var old = new Runs { Canary = canaryOld }.With("BenchmarkA", "sec/op", Runs.Around(1e-6)).With("BenchmarkA", "MB/s", Runs.Around(500)).With("BenchmarkA", "allocs/op", [3, 3, 3, 3, 3, 3, 3, 3, 3, 3]).Build();
        var @new = new Runs { Canary = canaryNew }.With("BenchmarkA", "sec/op", Runs.Around(2e-6, seed: 9)).With("BenchmarkA", "MB/s", Runs.Around(250, seed: 9)).With("BenchmarkA", "allocs/op", [4, 4, 4, 4, 4, 4, 4, 4, 4, 4]).Build();

        var report = ComparisonEngine.Compare(old, @new, TestOptions.Compare);

        Assert.Equal(CanaryState.Moved, report.Canary.State);
        Assert.StartsWith("speed canary moved +", report.Canary.Summary);
        Assert.Equal(Verdict.EnvironmentChanged, Single(report, "BenchmarkA", "sec/op").Verdict);
        Assert.StartsWith("machine speed changed (would be regression", Single(report, "BenchmarkA", "sec/op").Reason);
        Assert.Equal(Verdict.EnvironmentChanged, Single(report, "BenchmarkA", "MB/s").Verdict);
        Assert.Equal(Verdict.Regression, Single(report, "BenchmarkA", "allocs/op").Verdict);
    }

    [Fact]
    public void Compare_CanarySteady_WallTimeJudged()
    {
        var old = new Runs { Canary = new CanaryRecord("benchgate-canary-v1", 1000, Runs.Around(1e-6, 7)) }.With("BenchmarkA", "sec/op", Runs.Around(1e-6)).Build();
        var @new = new Runs { Canary = new CanaryRecord("benchgate-canary-v1", 1000, Runs.Around(1e-6, 7, seed: 4)) }.With("BenchmarkA", "sec/op", Runs.Around(1.3e-6, seed: 9)).Build();

        var report = ComparisonEngine.Compare(old, @new, TestOptions.Compare);

        Assert.Equal(CanaryState.Steady, report.Canary.State);
        Assert.Equal(Verdict.Regression, Single(report, "BenchmarkA", "sec/op").Verdict);
    }

    [Fact]
    public void Compare_CanaryFlippedWithinOneRun_Unstable()
    {
        var old = new Runs { Canary = new CanaryRecord("benchgate-canary-v1", 1000, [1e-6, 1e-6, 2e-6, 2e-6, 1e-6, 1e-6, 1e-6]) }.With("BenchmarkA", "sec/op", Runs.Around(1e-6)).Build();
        var @new = new Runs { Canary = new CanaryRecord("benchgate-canary-v1", 1000, Runs.Around(1e-6, 7)) }.With("BenchmarkA", "sec/op", Runs.Around(1.3e-6, seed: 9)).Build();

        var report = ComparisonEngine.Compare(old, @new, TestOptions.Compare);

        Assert.Equal(CanaryState.Unstable, report.Canary.State);
        Assert.Contains("during the old run", report.Canary.Summary);
        Assert.Equal(Verdict.EnvironmentChanged, Single(report, "BenchmarkA", "sec/op").Verdict);
    }

    [Fact]
    public void Compare_MemoryCanaryMovedCpuCanarySteady_WallTimeEnvironmentChanged()
    {
        // Given a steady CPU canary, a memory phase 40 % faster in the new run, and a memory-bound benchmark 40 % faster
        var old = new Runs { Canary = TwoPhaseCanary(3, Runs.Around(1e-5, 7, seed: 4)) }.With("BenchmarkSum", "sec/op", Runs.Around(1e-6)).With("BenchmarkSum", "allocs/op", [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]).Build();
        var @new = new Runs { Canary = TwoPhaseCanary(5, Runs.Around(0.6e-5, 7, seed: 6)) }.With("BenchmarkSum", "sec/op", Runs.Around(0.6e-6, seed: 9)).With("BenchmarkSum", "allocs/op", [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]).Build();

        var report = ComparisonEngine.Compare(old, @new, TestOptions.Compare);

        Assert.Equal(CanaryState.Moved, report.Canary.State);
        Assert.Matches(@"^memory canary moved -(39|40|41)\.\d% \(p=0\.00\d, n=7\+7\): the machine.s speed changed", report.Canary.Summary);
        Assert.Equal(Verdict.EnvironmentChanged, Single(report, "BenchmarkSum", "sec/op").Verdict);
        Assert.Equal(Verdict.Unchanged, Single(report, "BenchmarkSum", "allocs/op").Verdict);
    }

    [Fact]
    public void Compare_BothCanariesSteady_SummaryNamesBothAndWallTimeJudged()
    {
        var old = new Runs { Canary = TwoPhaseCanary(3, Runs.Around(1e-5, 7, seed: 4)) }.With("BenchmarkA", "sec/op", Runs.Around(1e-6)).Build();
        var @new = new Runs { Canary = TwoPhaseCanary(5, Runs.Around(1e-5, 7, seed: 6)) }.With("BenchmarkA", "sec/op", Runs.Around(1.3e-6, seed: 9)).Build();

        var report = ComparisonEngine.Compare(old, @new, TestOptions.Compare);

        Assert.Equal(CanaryState.Steady, report.Canary.State);
        Assert.Matches(@"^speed canary steady [-+]\d+\.\d% \(p=[0-9.]+, n=7\+7\); memory canary steady [-+]\d+\.\d% \(p=[0-9.]+, n=7\+7\): wall times judged as usual$", report.Canary.Summary);
        Assert.Equal(Verdict.Regression, Single(report, "BenchmarkA", "sec/op").Verdict);
    }

    [Fact]
    public void Compare_MemoryPhaseSpreadTwofoldWithinEachRunButNotMoved_WallTimeJudged()
    {
        // Given memory phases flipping between 5 and 9 µs in both runs alike (as measured process to process here)
        double[] flipping = [5e-6, 9e-6, 5.2e-6, 8.6e-6, 5.1e-6, 8.8e-6, 7e-6];
        var old = new Runs { Canary = TwoPhaseCanary(3, flipping) }.With("BenchmarkA", "sec/op", Runs.Around(1e-6)).Build();
        var @new = new Runs { Canary = TwoPhaseCanary(5, flipping) }.With("BenchmarkA", "sec/op", Runs.Around(1.3e-6, seed: 9)).Build();

        var report = ComparisonEngine.Compare(old, @new, TestOptions.Compare);

        Assert.Equal(CanaryState.Steady, report.Canary.State);
        Assert.Equal(Verdict.Regression, Single(report, "BenchmarkA", "sec/op").Verdict);
    }

    [Fact]
    public void Compare_MemoryPhaseOnOneSideOnly_TheCpuCanaryDecides()
    {
        // Given an old run recorded before the memory phase existed, and a new run whose memory phase is far off
        var old = new Runs { Canary = new CanaryRecord("benchgate-canary-v1", 1000, Runs.Around(1e-6, 7)) }.With("BenchmarkA", "sec/op", Runs.Around(1e-6)).Build();
        var @new = new Runs
        {
            Canary = new CanaryRecord("benchgate-canary-v1", 1000, Runs.Around(1e-6, 7, seed: 4)) { Memory = new CanaryRecord("benchgate-memory-canary-v1", 500, Runs.Around(9e-5, 7)) },
        }.With("BenchmarkA", "sec/op", Runs.Around(1.3e-6, seed: 9)).Build();

        var report = ComparisonEngine.Compare(old, @new, TestOptions.Compare);

        Assert.Equal(CanaryState.Steady, report.Canary.State);
        Assert.DoesNotContain("memory", report.Canary.Summary);
        Assert.Equal(Verdict.Regression, Single(report, "BenchmarkA", "sec/op").Verdict);
    }

    [Fact]
    public void Compare_CanaryOnOneSideOnly_MissingAndJudgedAsUsual()
    {
        var old = new Runs { Canary = new CanaryRecord("benchgate-canary-v1", 1000, Runs.Around(1e-6, 7)) }.With("BenchmarkA", "sec/op", Runs.Around(1e-6)).Build();
        var @new = new Runs().With("BenchmarkA", "sec/op", Runs.Around(1e-6, seed: 9)).Build();

        var report = ComparisonEngine.Compare(old, @new, TestOptions.Compare);

        Assert.Equal(CanaryState.Missing, report.Canary.State);
        Assert.Contains("the new run recorded none", report.Canary.Summary);
        Assert.Equal(Verdict.Unchanged, Single(report, "BenchmarkA", "sec/op").Verdict);
    }

    [Fact]
    public void Compare_ManyNullComparisons_BenjaminiHochbergRaisesTheBar()
    {
        // Given one moderate shift (p ≈ 0.01) among 40 unchanged benchmarks
        var old = new Runs();
        var @new = new Runs();
        for (var i = 0; i < 40; i++)
        {
            old.With($"BenchmarkNull{i}", "sec/op", Runs.Around(1e-6, seed: 100 + i));
            @new.With($"BenchmarkNull{i}", "sec/op", Runs.Around(1e-6, seed: 200 + i));
        }
        old.With("BenchmarkShift", "sec/op", [1.00, 1.01, 1.02, 1.03, 1.04, 1.05]);
        @new.With("BenchmarkShift", "sec/op", [1.035, 1.045, 1.06, 1.07, 1.08, 1.09]);

        var report = ComparisonEngine.Compare(old.Build(), @new.Build(), TestOptions.Compare);

        var shift = Single(report, "BenchmarkShift", "sec/op");
        Assert.True(shift.PValue < 0.05);
        Assert.True(shift.QValue > 0.05);
        Assert.Equal(Verdict.Unchanged, shift.Verdict);
    }

    /// <summary>A steady CPU canary (seeded) with a memory phase of the given timings.</summary>
    private static CanaryRecord TwoPhaseCanary(int seed, double[] memory) =>
        new("benchgate-canary-v1", 1000, Runs.Around(1e-6, 7, seed: seed)) { Memory = new CanaryRecord("benchgate-memory-canary-v1", 500, memory) };
}
