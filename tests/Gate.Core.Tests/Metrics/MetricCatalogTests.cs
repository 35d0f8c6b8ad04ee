using Gate.Core.Counters;
using Gate.Core.Metrics;
using Gate.Core.Results;

namespace Gate.Core.Tests.Metrics;

public class MetricCatalogTests
{
    private static MetricDeclaration Find(MetricSource source, string name) => BackendMetrics.Catalog.Find(source, name);

    [Fact]
    public void Default_EachSourceDeclaredByExactlyOneBackend()
    {
        var sources = BackendMetrics.Catalog.Backends.SelectMany(b => b.Sources).ToList();

        Assert.Equal(Enum.GetValues<MetricSource>().Order(), sources.Order());
    }

    [Fact]
    public void Default_DeclaredNamesAreUniquePerSource()
    {
        var declared = BackendMetrics.Catalog.Declared.ToList();

        Assert.Equal(declared.Count, declared.Select(d => (d.Source, d.Name)).Distinct().Count());
        Assert.All(declared, d => Assert.Same(d, Find(d.Source, d.Name)));
    }

    [Fact]
    public void Find_GoMetrics_TimeAndThroughputNoisyAndSpeedDependentAllocationsDiscrete()
    {
        var time = Find(MetricSource.Go, GoMetrics.SecondsPerOp);
        var bytes = Find(MetricSource.Go, GoMetrics.BytesPerOp);
        var allocs = Find(MetricSource.Go, GoMetrics.AllocsPerOp);
        var throughput = Find(MetricSource.Go, GoMetrics.MegabytesPerSecond);

        Assert.Equal((MetricNature.Noisy, true, "5%", Better.Lower), (time.Nature, time.DependsOnMachineSpeed, time.DefaultThreshold.ToString(), time.Better));
        Assert.Equal((MetricNature.Noisy, false, "5%", Better.Lower), (bytes.Nature, bytes.DependsOnMachineSpeed, bytes.DefaultThreshold.ToString(), bytes.Better));
        Assert.Equal((MetricNature.Discrete, false, "+1", Better.Lower), (allocs.Nature, allocs.DependsOnMachineSpeed, allocs.DefaultThreshold.ToString(), allocs.Better));
        Assert.Equal((MetricNature.Noisy, true, "5%", Better.Higher), (throughput.Nature, throughput.DependsOnMachineSpeed, throughput.DefaultThreshold.ToString(), throughput.Better));
    }

    [Theory]
    [InlineData("frames/op", Better.Lower, false)]
    [InlineData("frames/s", Better.Higher, true)]
    [InlineData("render-sec/op", Better.Lower, true)]
    public void Find_ReportMetricUnit_NoisyFivePercentBetterAndSpeedByItsName(string unit, Better better, bool speed)
    {
        var declaration = Find(MetricSource.Go, unit);

        Assert.Equal((unit, unit, MetricNature.Noisy, better, speed, Threshold.Percent(5), (MetricPrice?)null),
            (declaration.Name, declaration.Unit, declaration.Nature, declaration.Better, declaration.DependsOnMachineSpeed, declaration.DefaultThreshold, declaration.Price));
    }

    [Fact]
    public void Find_SimulatedCounts_ExactOnePercentNeverSpeedDependent()
    {
        var simulated = CachegrindMetrics.Descriptions.Select(m => Find(m.Source, m.Name)).Append(Find(MetricSource.Sim, "made-up/op")).ToList();

        Assert.All(simulated, d => Assert.Equal((MetricNature.Exact, false, Threshold.Percent(1)), (d.Nature, d.DependsOnMachineSpeed, d.DefaultThreshold)));
    }

    [Fact]
    public void Find_SimulatedMissesAndMispredicts_PricedInEstimatedCycles()
    {
        var priced = BackendMetrics.Catalog.Declared.Where(d => d.Price is not null).ToDictionary(d => d.Name, d => d.Price);

        Assert.Equal(
            new Dictionary<string, MetricPrice?>
            {
                [CachegrindMetrics.L1dMisses] = new(CachegrindMetrics.EstimatedCycles, CachegrindMetrics.LastLevelHitPenalty),
                [CachegrindMetrics.L1iMisses] = new(CachegrindMetrics.EstimatedCycles, CachegrindMetrics.LastLevelHitPenalty),
                [CachegrindMetrics.LLMisses] = new(CachegrindMetrics.EstimatedCycles, CachegrindMetrics.MemoryPenalty),
                [CachegrindMetrics.BranchMispredicts] = new(CachegrindMetrics.EstimatedCycles, CachegrindMetrics.MispredictPenalty),
            },
            priced);
    }

    [Theory]
    [InlineData("page-faults/op")]
    [InlineData("minor-faults/op")]
    [InlineData("cs/op")]
    [InlineData("cpu-migrations/op")]
    public void Find_RareKernelEvents_FivePercentAndOneInAHundredOps(string name)
    {
        Assert.Equal(PerfMetrics.RareEventThreshold, Find(MetricSource.PerfSw, name).DefaultThreshold);
        Assert.Equal("5%|+0.01", PerfMetrics.RareEventThreshold.ToString());
    }

    [Fact]
    public void Find_PerfEventOfOtherSource_NotARareEvent()
    {
        Assert.Equal(Threshold.Percent(5), Find(MetricSource.PerfHw, "page-faults/op").DefaultThreshold);
    }

    [Theory]
    [InlineData("task-clock-sec/op", true)]
    [InlineData("cpu-clock-sec/op", true)]
    [InlineData("task-clock:u-sec/op", true)]
    [InlineData("context-switches/op", false)]
    public void Find_PerfTimes_DependOnMachineSpeed(string name, bool speed)
    {
        var declaration = Find(MetricSource.PerfSw, name);

        Assert.Equal((MetricNature.Noisy, speed), (declaration.Nature, declaration.DependsOnMachineSpeed));
    }

    [Fact]
    public void Find_PerfRatios_IpcBetterHigher()
    {
        Assert.Equal(Better.Higher, Find(MetricSource.PerfHw, "IPC").Better);
        Assert.Equal(MetricDeclaration.RatioUnit, Find(MetricSource.PerfHw, "IPC").Unit);
        Assert.Equal(Better.Lower, Find(MetricSource.PerfHw, "cache-miss-rate").Better);
    }

    [Fact]
    public void Find_SourceNoBackendOfTheCatalogReports_NoisyFivePercent()
    {
        var goOnly = new MetricCatalog([GoMetrics.Declarations]);

        var declaration = goOnly.Find(MetricSource.Sim, "instructions/op");

        Assert.Equal((MetricNature.Noisy, Threshold.Percent(5), (MetricPrice?)null), (declaration.Nature, declaration.DefaultThreshold, declaration.Price));
    }

    [Fact]
    public void Info_IsWhatResultsRecord()
    {
        Assert.Equal(new MetricInfo("est-IPC", MetricSource.Sim, Better.Higher), Find(MetricSource.Sim, "est-IPC").Info);
        Assert.Equal(new MetricInfo("MB/s", MetricSource.Go, Better.Higher), GoMetrics.Describe("MB/s"));
    }
}
