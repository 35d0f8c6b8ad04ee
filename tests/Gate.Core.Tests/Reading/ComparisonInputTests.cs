using Gate.Core.Reading;
using Gate.Core.Statistics;
using Gate.TestUtilities;

namespace Gate.Core.Tests.Reading;

public class ComparisonInputTests
{
    private static string Fixture(string name) => RepoPaths.Fixture("compare", name);

    [Fact]
    public void Load_TwoFilesOfOneSide_PooledLikeOneFile()
    {
        var pooled = ComparisonInput.Load([Fixture("new-part1.txt"), Fixture("new-part2.txt")], "new");
        var whole = ComparisonInput.Load([Fixture("new.txt")], "new");

        Assert.Equal(whole.Benchmarks.Select(b => b.Key), pooled.Benchmarks.Select(b => b.Key));
        foreach (var (a, b) in whole.Benchmarks.Zip(pooled.Benchmarks))
        {
            Assert.Equal(a.ValuesOf("sec/op").Order(), b.ValuesOf("sec/op").Order());
        }
        Assert.Equal("AMD EPYC", pooled.Environment.Cpu);
    }

    [Fact]
    public void Load_GoText_EnvironmentFromConfigurationLines()
    {
        var results = ComparisonInput.Load([Fixture("old.txt")], "old");

        Assert.Equal(("linux", "amd64", "AMD EPYC", ""), (results.Environment.Goos, results.Environment.Goarch, results.Environment.Cpu, results.Environment.Backend));
        Assert.Equal(["BenchmarkParse", "BenchmarkFormat", "BenchmarkStable"], results.Benchmarks.Select(b => b.Name));
        Assert.All(results.Benchmarks, b => Assert.Equal(6, b.Samples.Count));
    }

    [Theory]
    [InlineData("nan.txt", "'NaN' is not a finite number")]
    [InlineData("inf.txt", "'+Inf' is not a finite number")]
    [InlineData("no-benchmarks.txt", "no benchmark results in it")]
    [InlineData("missing.txt", "missing.txt: no such file")]
    public void Load_BadFile_OneLineGateException(string file, string expected)
    {
        var error = Assert.Throws<GateException>(() => ComparisonInput.Load([Fixture(file)], "old"));

        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Load_SideMixingCpus_Refused()
    {
        var error = Assert.Throws<GateException>(() => ComparisonInput.Load([Fixture("new.txt"), Fixture("other-cpu.txt")], "new"));

        Assert.Equal("new: its files were measured in different environments (cpu: AMD EPYC vs Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz)", error.Message);
    }

    [Fact]
    public void CheckUnits_NsAgainstMs_Refused()
    {
        var old = ComparisonInput.Load([Fixture("old.txt")], "old");
        var mixed = ComparisonInput.Load([Fixture("mixed-units.txt")], "new");

        var error = Assert.Throws<GateException>(() => ComparisonInput.CheckUnits(old, mixed));

        Assert.Equal("BenchmarkParse: one metric in mixed units (ms/op and sec/op); write it in one unit on both sides", error.Message);
    }

    [Fact]
    public void Compare_FixturePair_ParseRegressionFormatAllocationStableUnchanged()
    {
        var report = ComparisonEngine.Compare(ComparisonInput.Load([Fixture("old.txt")], "old"), ComparisonInput.Load([Fixture("new.txt")], "new"), TestOptions.Compare);

        Assert.Equal(Verdict.Regression, report.Comparisons.Single(c => c.Benchmark == "BenchmarkParse" && c.Metric.Name == "sec/op").Verdict);
        Assert.Equal(Verdict.Regression, report.Comparisons.Single(c => c.Benchmark == "BenchmarkFormat" && c.Metric.Name == "allocs/op").Verdict);
        Assert.Equal(Verdict.Unchanged, report.Comparisons.Single(c => c.Benchmark == "BenchmarkStable" && c.Metric.Name == "sec/op").Verdict);
        Assert.Equal(2, report.Count(Verdict.Regression));
    }
}
