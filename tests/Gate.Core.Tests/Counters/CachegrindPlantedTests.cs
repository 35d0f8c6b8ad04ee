using Gate.Core.Results;
using Gate.Core.Statistics;
using Gate.TestUtilities;
using static Gate.Core.Counters.CachegrindMetrics;

namespace Gate.Core.Tests.Counters;

/// <summary>Both versions of the planted module, measured once with the cachegrind backend for all tests of the class.</summary>
public sealed class PlantedRuns : IAsyncLifetime
{
    public RunResults V1 { get; private set; } = null!;

    public RunResults V2 { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        V1 = await CachegrindMeasurement.RunAsync(RepoPaths.Fixture("gomod", "planted-v1"));
        V2 = await CachegrindMeasurement.RunAsync(RepoPaths.Fixture("gomod", "planted-v2"));
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

[Collection(CachegrindMeasurement.Collection)]
[Trait(Traits.Category, Traits.Slow)]
public class CachegrindPlantedTests(PlantedRuns runs) : IClassFixture<PlantedRuns>
{
    /// <summary>The per-op change of a metric from v1 to v2, relative to v1.</summary>
    private double Change(string benchmark, string metric) =>
        runs.V2.Benchmark(benchmark).Value(metric) / runs.V1.Benchmark(benchmark).Value(metric) - 1;

    /// <summary>
    /// True when a change of a miss or mispredict count is immaterial: its cost in the est-cycles model is at most
    /// <paramref name="share"/> of the benchmark's estimated cycles (a few events per op more or less of a rare
    /// event are jitter of the Go runtime's time-driven work, not a change of the code).
    /// </summary>
    private bool Immaterial(string benchmark, string metric, int penalty, double share)
    {
        var before = runs.V1.Benchmark(benchmark);
        var after = runs.V2.Benchmark(benchmark);
        var cost = Math.Abs(after.Value(metric) - before.Value(metric)) * penalty;
        return cost <= share * before.Value(EstimatedCycles);
    }

    [Fact]
    public void Run_PlantedVersions_BothMeasuredWithSimulatedMetricsOnly()
    {
        string[] names = ["BenchmarkStride", "BenchmarkBranch", "BenchmarkWork", "BenchmarkChecksum", "BenchmarkWords"];

        Assert.Empty(runs.V1.Failures);
        Assert.Empty(runs.V2.Failures);
        Assert.Equal(names.Order(), runs.V1.Benchmarks.Select(b => b.Name).Order());
        Assert.Equal(names.Order(), runs.V2.Benchmarks.Select(b => b.Name).Order());
        Assert.All(runs.V1.Benchmarks.Concat(runs.V2.Benchmarks), b =>
        {
            Assert.Equal(Descriptions, b.Metrics);
            Assert.Equal(1, b.Procs);
            Assert.NotNull(b.Window);
            Assert.Equal(b.Window!.N2 - b.Window.N1, b.Iterations);
            Assert.DoesNotContain("UNSTABLE", b.Window.Rule, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Run_StridedAccess_RaisesL1dMissesAtTheSameInstructionCount()
    {
        // Given v1 reads 512 KiB in order (one miss per 8 reads) and v2 in steps of 9 elements (a miss per read)
        // Then L1d misses grow about 8×, instructions stay within 0.5 %, and est-cycles follow the misses
        Assert.InRange(Change("BenchmarkStride", L1dMisses), 5.0, 9.0);
        Assert.InRange(Change("BenchmarkStride", Instructions), -0.005, 0.005);
        Assert.True(Change("BenchmarkStride", EstimatedCycles) > 0.5, "est-cycles/op should rise by more than 50 %");
    }

    [Fact]
    public void Run_BranchOnRandomData_RaisesMispredictsAtTheSameInstructionCount()
    {
        // Given one data-dependent branch per byte of 4 KiB, sorted in v1 and shuffled in v2
        var before = runs.V1.Benchmark("BenchmarkBranch");
        var after = runs.V2.Benchmark("BenchmarkBranch");

        // Then v1 mispredicts almost never, v2 on a large share of the 4096 branches; instructions stay within 0.5 %
        Assert.True(before.Value(BranchMispredicts) < 50, $"sorted data: {before.Value(BranchMispredicts)} mispredicts/op");
        Assert.True(after.Value(BranchMispredicts) > 1000, $"random data: {after.Value(BranchMispredicts)} mispredicts/op");
        Assert.InRange(Change("BenchmarkBranch", Instructions), -0.005, 0.005);
        Assert.True(Change("BenchmarkBranch", EstimatedCycles) > 0.3, "est-cycles/op should rise by more than 30 %");
    }

    [Fact]
    public void Run_FivePercentMoreWork_RaisesInstructionsByFivePercent()
    {
        Assert.InRange(Change("BenchmarkWork", Instructions), 0.045, 0.055);
        Assert.InRange(Change("BenchmarkWork", EstimatedCycles), 0.045, 0.055);
        Assert.InRange(Change("BenchmarkWork", EstimatedIpc), -0.005, 0.005);
    }

    [Theory]
    [InlineData("BenchmarkChecksum")]
    [InlineData("BenchmarkWords")]
    public void Run_UnchangedBenchmark_NoMaterialChangeInAnyMetric(string benchmark)
    {
        // Instructions and estimated cycles within 0.5 %
        Assert.InRange(Change(benchmark, Instructions), -0.005, 0.005);
        Assert.InRange(Change(benchmark, EstimatedCycles), -0.005, 0.005);
        Assert.InRange(Change(benchmark, EstimatedIpc), -0.005, 0.005);

        // Misses and mispredicts: any difference costs less than 0.5 % of the estimated cycles
        Assert.True(Immaterial(benchmark, L1dMisses, LastLevelHitPenalty, 0.005), "L1d-misses/op changed materially");
        Assert.True(Immaterial(benchmark, L1iMisses, LastLevelHitPenalty, 0.005), "L1i-misses/op changed materially");
        Assert.True(Immaterial(benchmark, LLMisses, MemoryPenalty, 0.005), "LL-misses/op changed materially");
        Assert.True(Immaterial(benchmark, BranchMispredicts, MispredictPenalty, 0.005), "branch-mispredicts/op changed materially");
    }

    [Fact]
    public void Compare_PlantedVersions_EachRegressionInItsMetricAndNothingElse()
    {
        // When the comparison engine judges v1 → v2 with its defaults (simulated counters: exact, 1 % threshold)
        var report = ComparisonEngine.Compare(runs.V1, runs.V2, TestOptions.Compare);
        var regressions = report.Comparisons
            .Where(c => c.Verdict == Verdict.Regression)
            .Select(c => (c.Benchmark, c.Metric.Name))
            .ToHashSet();

        // Then the strided access regresses in L1d misses, the random branch in mispredicts, the extra work in instructions
        Assert.Contains(("BenchmarkStride", L1dMisses), regressions);
        Assert.Contains(("BenchmarkBranch", BranchMispredicts), regressions);
        Assert.Contains(("BenchmarkWork", Instructions), regressions);
        // And nothing regresses in the unchanged benchmarks, nor in instructions where the instruction count did not change
        Assert.DoesNotContain(regressions, r => r.Benchmark is "BenchmarkChecksum" or "BenchmarkWords");
        Assert.DoesNotContain(("BenchmarkStride", Instructions), regressions);
        Assert.DoesNotContain(("BenchmarkBranch", Instructions), regressions);
        Assert.True(report.Environment.Compatible);
        Assert.All(report.Comparisons, c => Assert.True(c.Deterministic, $"{c.Benchmark} {c.Metric.Name} should be judged as exact"));
    }

    [Fact]
    public async Task Run_JobsOneInsteadOfTwo_SamePerOpFigures()
    {
        // Given v1 measured with two jobs (the fixture); When measured again one benchmark at a time
        var sequential = await CachegrindMeasurement.RunAsync(RepoPaths.Fixture("gomod", "planted-v1"), jobs: 1);

        // Then every benchmark's instructions and est-cycles agree within 0.5 %, in the same order
        Assert.Equal(runs.V1.Benchmarks.Select(b => b.Name), sequential.Benchmarks.Select(b => b.Name));
        foreach (var parallel in runs.V1.Benchmarks)
        {
            var one = sequential.Benchmark(parallel.Name);
            Assert.True(CachegrindMeasurement.RelativeDifference(parallel.Value(Instructions), one.Value(Instructions)) <= 0.005, $"{parallel.Name} instructions/op");
            Assert.True(CachegrindMeasurement.RelativeDifference(parallel.Value(EstimatedCycles), one.Value(EstimatedCycles)) <= 0.005, $"{parallel.Name} est-cycles/op");
        }
    }
}
