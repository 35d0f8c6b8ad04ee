using Gate.Core.Counters;
using Gate.Core.Measurement;
using Gate.Core.Processes;
using Gate.TestUtilities;

namespace Gate.Core.Tests.Counters;

public class CachegrindRunInterpreterTests
{
    private static readonly BenchmarkTarget Alpha = new(new GoPackage("benchgate.test/failing", "/src/failing"), "/tmp/failing.test", "BenchmarkAlpha", 2, 500);

    private static readonly BenchmarkTarget FixedAddress = new(new GoPackage("benchgate.test/valgrindcrash", "/src/crash"), "/tmp/crash.test", "BenchmarkFixedAddress", 2, 500);

    /// <summary>A captured run (tests/Fixtures/cachegrind/runs) with its exit code.</summary>
    private static ProcessOutcome Captured(string name, int exitCode) => new(
        exitCode,
        File.ReadAllText(RepoPaths.Fixture("cachegrind", "runs", name + ".stdout")),
        File.ReadAllText(RepoPaths.Fixture("cachegrind", "runs", name + ".stderr")),
        TimeSpan.FromSeconds(1),
        TimedOut: false);

    private static CachegrindReadResult Output(string name) => CachegrindOutputReader.ReadFile(RepoPaths.Fixture("cachegrind", name));

    [Fact]
    public void Interpret_GoodRunWithCompleteOutput_GivesTheCounts()
    {
        // Given a good run's streams and a complete output file of the requested model (captured separately)
        var run = CachegrindRunInterpreter.Interpret(Alpha, 1000, Captured("alpha-1000", 0), Output("true-default-model.out"), CacheModel.Default);

        Assert.Null(run.Failure);
        Assert.Equal(132832, run.Counts!.Ir);
    }

    [Fact]
    public void Interpret_RunOfAnotherIterationCount_IsAFailureNotAWrongNumber()
    {
        var run = CachegrindRunInterpreter.Interpret(Alpha, 2000, Captured("alpha-1000", 0), Output("true-default-model.out"), CacheModel.Default);

        Assert.Null(run.Counts);
        Assert.Equal("under valgrind: ran 1000 iterations instead of the 2000 asked for", run.Failure);
    }

    [Fact]
    public void Interpret_OutputOfAnotherCacheModel_IsAFailure()
    {
        var run = CachegrindRunInterpreter.Interpret(Alpha, 1000, Captured("alpha-1000", 0), Output("true-host-model.out"), CacheModel.Default);

        Assert.Equal(
            "cachegrind simulated I1=32768,8,64 D1=32768,8,64 LL=268435456,1,64, not the requested I1=32768,8,64 D1=32768,8,64 LL=33554432,16,64",
            run.Failure);
    }

    [Theory]
    [InlineData(null, "under valgrind: cachegrind wrote no output file")]
    [InlineData("truncated.out", "cachegrind output: no 'summary:' line")]
    public void Interpret_MissingOrIncompleteOutput_IsAFailure(string? output, string expected)
    {
        var run = CachegrindRunInterpreter.Interpret(Alpha, 1000, Captured("alpha-1000", 0), output is null ? null : Output(output), CacheModel.Default);

        Assert.StartsWith(expected, run.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Interpret_PanicUnderValgrind_SaysPanickedWithTheMessageNotValgrindsWarnings()
    {
        var run = CachegrindRunInterpreter.Interpret(FixedAddress, 1000, Captured("panic", 2), null, CacheModel.Default);

        Assert.StartsWith("under valgrind: panicked: panic: mmap at a fixed address did not map there (running under valgrind?)", run.Failure, StringComparison.Ordinal);
        Assert.DoesNotContain("warning", run.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Interpret_BinaryForAnotherArchitecture_ValgrindCannotRunIt()
    {
        var run = CachegrindRunInterpreter.Interpret(Alpha, 1000, Captured("arm64-binary", 1), null, CacheModel.Default);

        Assert.Equal("valgrind cannot run the test binary: failed to start tool 'cachegrind' for platform 'arm64-linux': No such file or directory", run.Failure);
    }

    [Fact]
    public void Interpret_ProgramThatRefusesTheSimulatedCpu_ExitedBeforeRunningTheBenchmark()
    {
        var run = CachegrindRunInterpreter.Interpret(Alpha, 1000, Captured("goamd64-v4", 1), null, CacheModel.Default);

        Assert.Equal(
            "under valgrind the test binary exited with code 1 before running the benchmark: This program can only be run on AMD64 processors with v4 microarchitecture support.",
            run.Failure);
    }

    [Fact]
    public void Interpret_KilledBySignal_NamesTheSignal()
    {
        var run = CachegrindRunInterpreter.Interpret(Alpha, 1000, Captured("truncated-elf", 135), null, CacheModel.Default);

        Assert.Equal("under valgrind: killed by signal 7 (SIGBUS)", run.Failure);
    }

    [Fact]
    public void Interpret_TimedOut_SaysSoWithTheIterations()
    {
        var outcome = Captured("alpha-1000", 137) with { Stdout = "", TimedOut = true, Elapsed = TimeSpan.FromMinutes(15) };

        var run = CachegrindRunInterpreter.Interpret(Alpha, 1000, outcome, null, CacheModel.Default);

        Assert.Equal("under valgrind: timed out after 900 s (1000 iterations)", run.Failure);
    }
}
