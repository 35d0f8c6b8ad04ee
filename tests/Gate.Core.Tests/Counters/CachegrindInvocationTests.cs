using Gate.Core.Counters;
using Gate.Core.Measurement;

namespace Gate.Core.Tests.Counters;

public class CachegrindInvocationTests
{
    private static readonly BenchmarkTarget Target = new(new GoPackage("example.com/m/p", "/src/m/p"), "/tmp/w/p.test", "BenchmarkX/size=64", 2, 1000);

    [Fact]
    public void Spec_Target_RunsTheBenchmarkUnderCachegrindWithOneProcAndFixedGeometry()
    {
        var spec = CachegrindInvocation.Spec("/usr/bin/valgrind", Target, 5000, "/tmp/o/cachegrind.out", CacheModel.Default, null, TimeSpan.FromMinutes(1));

        Assert.Equal("/usr/bin/valgrind", spec.FileName);
        Assert.Equal(
            [
                "--tool=cachegrind", "--cache-sim=yes", "--branch-sim=yes",
                "--I1=32768,8,64", "--D1=32768,8,64", "--LL=33554432,16,64",
                "--cachegrind-out-file=/tmp/o/cachegrind.out", "-q",
                "/tmp/w/p.test", "-test.run=^$", "-test.bench=^BenchmarkX$/^size=64$", "-test.benchtime=5000x", "-test.count=1", "-test.cpu=1",
            ],
            spec.Arguments);
        Assert.Equal("/src/m/p", spec.WorkingDirectory);
        Assert.Equal("1", spec.Environment!["GOMAXPROCS"]);
        Assert.Equal("asyncpreemptoff=1,gcstoptheworld=1", spec.Environment["GODEBUG"]);
        Assert.Equal("off", spec.Environment["GOGC"]);
        Assert.Equal("2GiB", spec.Environment["GOMEMLIMIT"]);
        Assert.Equal(TimeSpan.FromMinutes(1), spec.Timeout);
    }

    [Fact]
    public void Spec_PercentInOutputPath_IsEscapedForValgrind()
    {
        var spec = CachegrindInvocation.Spec("valgrind", Target, 10, "/tmp/100%/out", CacheModel.Default, null, null);

        Assert.Contains("--cachegrind-out-file=/tmp/100%%/out", spec.Arguments);
    }

    [Theory]
    [InlineData(null, "asyncpreemptoff=1,gcstoptheworld=1")]
    [InlineData("", "asyncpreemptoff=1,gcstoptheworld=1")]
    [InlineData("madvdontneed=1", "madvdontneed=1,asyncpreemptoff=1,gcstoptheworld=1")]
    [InlineData("gcstoptheworld=0,", "gcstoptheworld=0,asyncpreemptoff=1,gcstoptheworld=1")]
    public void GoDebug_UserSettings_AreKeptWithOursLast(string? inherited, string expected)
    {
        Assert.Equal(expected, CachegrindInvocation.GoDebug(inherited));
    }

    [Fact]
    public void ProgramStderr_ValgrindWarnings_AreRemoved()
    {
        var stderr = "--24688-- warning: L3 cache found, using its data for the LL simulation.\n"
            + "==13572== Process terminating\n"
            + "panic: deliberate\n"
            + "-- not valgrind\n";

        Assert.Equal("panic: deliberate\n-- not valgrind\n", CachegrindInvocation.ProgramStderr(stderr));
    }

    [Fact]
    public void ValgrindErrors_StartFailure_AreValgrindsOwnLines()
    {
        var stderr = "--1-- warning: L3 cache found\nvalgrind: failed to start tool 'cachegrind' for platform 'arm64-linux': No such file or directory\n";

        Assert.Equal(["valgrind: failed to start tool 'cachegrind' for platform 'arm64-linux': No such file or directory"], CachegrindInvocation.ValgrindErrors(stderr));
    }
}
