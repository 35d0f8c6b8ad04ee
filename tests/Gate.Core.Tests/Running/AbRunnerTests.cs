using Gate.Core.Counters;
using Gate.Core.Running;
using Gate.Core.Running.Canary;
using Gate.TestUtilities;

namespace Gate.Core.Tests.Running;

/// <summary><see cref="AbRunner"/> on a real git repository (tests/Fixtures/ab, two commits) with the go backend.</summary>
[Trait(Traits.Category, Traits.Slow)]
public sealed class AbRunnerTests : IDisposable
{
    private readonly AbRepository _repository = new();

    public void Dispose() => _repository.Dispose();

    private RunOptions Options(string bench = "Encode|Sort", int samples = 3) =>
        new(_repository.Module, ["./..."], bench, samples, TimeSpan.FromMilliseconds(10), ["test"]);

    [Fact]
    public async Task RunAsync_TwoCommits_EachSideCarriesItsOwnCommitAndBothTheSameCanary()
    {
        // When HEAD~1 is measured against the working tree
        var runner = new AbRunner(Tools.Processes, new GoBackend(Tools.Processes), canary: new SpeedCanary(Tools.Processes));
        var ab = await runner.RunAsync(new AbOptions(Options(), "HEAD~1") { Compare = TestOptions.Compare });

        // Then each side's results carry its own commit, the same benchmarks and sample counts, and the run's one canary
        Assert.Equal(_repository.Git("rev-parse", "HEAD~1"), ab.Base.Environment.GitCommit);
        Assert.Equal(_repository.Git("rev-parse", "HEAD"), ab.Head.Environment.GitCommit);
        Assert.Equal("main", ab.Head.Environment.GitBranch);
        Assert.Equal(["BenchmarkEncode", "BenchmarkSort"], ab.Base.Benchmarks.Select(b => b.Name).Order(StringComparer.Ordinal));
        Assert.Equal(ab.Base.Benchmarks.Select(b => b.Key), ab.Head.Benchmarks.Select(b => b.Key));
        Assert.All(ab.Base.Benchmarks.Concat(ab.Head.Benchmarks), b => Assert.Equal(3, b.Samples.Count));
        Assert.NotNull(ab.Base.Canary);
        Assert.Same(ab.Base.Canary, ab.Head.Canary);
        Assert.Equal(4, ab.Base.Canary!.SecondsPerOp.Count);
        Assert.Equal(0, ab.Base.Benchmarks.Single(b => b.Name == "BenchmarkEncode").ValuesOf("allocs/op").Max());
        Assert.Equal(1, ab.Head.Benchmarks.Single(b => b.Name == "BenchmarkEncode").ValuesOf("allocs/op").Min());
        Assert.Equal((2, 12, 12), (ab.Pairs, ab.SampleRuns, ab.MaximumRuns));
        Assert.True(ab.HeadRevision.IsWorkingTree);
        Assert.Empty(ab.HeadRevision.Uncommitted);
        Assert.Single(_repository.Git("worktree", "list").Split('\n'));
    }

    [Fact]
    public async Task RunAsync_SamplesAuto_StopsSettledPairsAndCountsWhatItTook()
    {
        // When the working tree is measured against HEAD itself with --samples auto (at most 8)
        var runner = new AbRunner(Tools.Processes, new GoBackend(Tools.Processes));
        var ab = await runner.RunAsync(new AbOptions(Options("Encode", samples: 8), "HEAD") { AutoSamples = true, Compare = TestOptions.Compare });

        // Then the pair stops once settled: its allocations are equal and constant (deterministic) and, without a
        // canary, its time either settles inside the 5 % threshold or goes on to the maximum; both sides alike
        var taken = ab.Head.Benchmarks.Single().Samples.Count;
        Assert.Equal(taken, ab.Base.Benchmarks.Single().Samples.Count);
        Assert.InRange(taken, 5, 8);
        Assert.Equal(2 * taken, ab.SampleRuns);
        Assert.Equal(16, ab.MaximumRuns);
        Assert.Contains(ab.Notes(), n => n.StartsWith($"--samples auto: {2 * taken} of 16 sample runs", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_HeadFailsInItsSamples_PairLeftOutOfBothSidesAndTheFailureReported()
    {
        // Given a head whose BenchmarkSort passes calibration (-test.benchtime=…s) and panics in every sample (…x)
        var test = Path.Combine(_repository.Module, "ab_test.go");
        File.WriteAllText(test, File.ReadAllText(test)
            .Replace("import \"testing\"", "import (\n\t\"flag\"\n\t\"strings\"\n\t\"testing\"\n)", StringComparison.Ordinal)
            .Replace("\tdst := make([]int32, len(values))", "\tif strings.HasSuffix(flag.Lookup(\"test.benchtime\").Value.String(), \"x\") {\n\t\tpanic(\"planted failure in a sample\")\n\t}\n\tdst := make([]int32, len(values))", StringComparison.Ordinal));

        // When measured against HEAD
        var runner = new AbRunner(Tools.Processes, new GoBackend(Tools.Processes));
        var ab = await runner.RunAsync(new AbOptions(Options(), "HEAD") { Compare = TestOptions.Compare });

        // Then Sort is compared on neither side, the head reports its panic, and its base stopped after one sample
        Assert.Equal(["BenchmarkEncode"], ab.Base.Benchmarks.Select(b => b.Name));
        Assert.Equal(["BenchmarkEncode"], ab.Head.Benchmarks.Select(b => b.Name));
        var failure = Assert.Single(ab.Head.Failures);
        Assert.Equal("BenchmarkSort", failure.Name);
        Assert.Contains("planted failure in a sample", failure.Message);
        Assert.Empty(ab.Base.Failures);
        Assert.Equal(2 * 3 + 1, ab.SampleRuns);
    }

    [Fact]
    public async Task RunAsync_BaseFailsToPrepare_GateExceptionNamesTheSideAndTheWorktreeIsRemoved()
    {
        // Given a -bench pattern that matches only a benchmark the base does not have
        var test = Path.Combine(_repository.Module, "ab_test.go");
        File.WriteAllText(test, File.ReadAllText(test).Replace("func BenchmarkSort(", "func BenchmarkSorted(", StringComparison.Ordinal));

        // When measured against HEAD
        var runner = new AbRunner(Tools.Processes, new GoBackend(Tools.Processes));
        var error = await Assert.ThrowsAsync<GateException>(() => runner.RunAsync(new AbOptions(Options("Sorted"), "HEAD") { Compare = TestOptions.Compare }));

        // Then the message names the base and its revision, and nothing is left behind
        Assert.Equal($"base (revision HEAD ({_repository.Git("rev-parse", "HEAD")[..7]})): -bench 'Sorted' matches no benchmark in ./...", error.Message);
        Assert.Single(_repository.Git("worktree", "list").Split('\n'));
        var administrative = Path.Combine(_repository.Root, ".git", "worktrees");
        Assert.False(Directory.Exists(administrative) && Directory.EnumerateFileSystemEntries(administrative).Any(), "a worktree's administrative files are left in .git/worktrees");
    }
}
