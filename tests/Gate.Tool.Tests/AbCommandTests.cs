using Gate.Core.Reporting;
using Gate.Core.Results;
using Gate.TestUtilities;

namespace Gate.Tool.Tests;

/// <summary>
/// <c>check --against REF</c> and <c>ab BASE HEAD</c> end to end: a real git repository with two commits of
/// tests/Fixtures/ab/module (the second with one planted allocation per op in BenchmarkEncode), real go builds in
/// real worktrees, real measurements with the go, perf and cachegrind backends. The wall times of the unchanged
/// benchmarks are judged too, so each run carries the engine's false-alarm rate (at most q per run): the tests run
/// alone (no other test loading the machine) and at q = 0.01 (a configuration file outside the repository), so
/// that "exactly the planted one" fails by chance in at most 1 % of runs while the planted allocation, judged
/// exactly, is found at any q.
/// </summary>
[Trait(Traits.Category, Traits.Slow)]
[Collection(TimingCollection.Name)]
public sealed class AbCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string[] _quick;

    public AbCommandTests()
    {
        var config = _temp.Write("benchgate.json", """{ "q": 0.01 }""");
        _quick = ["--samples", "6", "--sample-time", "20ms", "--config", config, "--no-comment"];
    }

    public void Dispose() => _temp.Dispose();

    /// <summary>Runs benchgate in process with no GitHub environment (so that nothing is published, even on a CI runner).</summary>
    private static CliResult Run(string workingDirectory, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, ErrIsTerminal: false, workingDirectory, CancellationToken.None)
        {
            Processes = Tools.Processes,
            Environment = _ => null,
        };
        var code = Cli.RunAsync(context, args).GetAwaiter().GetResult();
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>The benchmarks with at least one regression in a JSON report.</summary>
    private static List<string> Regressed(string reportPath) =>
        [.. ComparisonJson.Parse(File.ReadAllText(reportPath)).Comparisons.Where(c => c.Verdict == "regression").Select(c => c.Benchmark).Distinct().Order(StringComparer.Ordinal)];

    [Fact]
    public void CheckAgainst_GoBackend_FlagsExactlyThePlantedBenchmark()
    {
        // Given two commits, the second with one more allocation per op in Encode
        using var repository = new AbRepository();

        // When the working tree (= HEAD) is checked against HEAD~1 with the go backend
        var result = Run(repository.Module, ["check", "--against", "HEAD~1", "--format", "json", "--out", _temp.Combine("report.json"), .. _quick]);

        // Then exactly Encode regressed (allocs/op, judged exactly), and the report says what was compared
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(["BenchmarkEncode"], Regressed(_temp.Combine("report.json")));
        var report = ComparisonJson.Parse(File.ReadAllText(_temp.Combine("report.json")));
        Assert.Equal(0.01, report.Q);
        var rows = report.Comparisons;
        Assert.Equal("regression", rows.Single(r => r.Benchmark == "BenchmarkEncode" && r.Metric == "allocs/op").Verdict);
        Assert.Equal(5, rows.Select(r => r.Benchmark).Distinct().Count());
        var baseCommit = repository.Git("rev-parse", "HEAD~1");
        Assert.Contains($"compared with: revision HEAD~1 ({baseCommit[..7]})", result.Out);
        Assert.Contains($"head working tree at {repository.Git("rev-parse", "HEAD")[..7]}, no uncommitted changes; 5 benchmarks measured interleaved", result.Out);
        Assert.Single(repository.Git("worktree", "list").Split('\n'));
    }

    [Fact]
    public void CheckAgainst_CachegrindBackend_FlagsExactlyThePlantedBenchmark()
    {
        // Given the same two commits (the unchanged benchmarks have a few thousandths of a miss per op, the runtime's
        // background work, which the default thresholds price in estimated cycles: tests/Fixtures/ab/README.md)
        using var repository = new AbRepository();

        // When checked against HEAD~1 with the cachegrind backend (two samples per side) and the default thresholds
        var result = Run(repository.Module, ["check", "--against", "HEAD~1", "--backend", "cachegrind", "--no-comment", "--format", "json", "--out", _temp.Combine("report.json")]);

        // Then exactly Encode regressed, by its simulated instruction count among others
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(["BenchmarkEncode"], Regressed(_temp.Combine("report.json")));
        var rows = ComparisonJson.Parse(File.ReadAllText(_temp.Combine("report.json"))).Comparisons;
        var instructions = rows.Single(r => r.Benchmark == "BenchmarkEncode" && r.Metric == "instructions/op");
        Assert.Equal("regression", instructions.Verdict);
        Assert.True(instructions.Change > 0.05, $"instructions/op {instructions.Change:P1}");
        Assert.All(rows.Where(r => r.Benchmark != "BenchmarkEncode" && r.Metric == "instructions/op"), r => Assert.InRange(Math.Abs(r.Change!.Value), 0, 0.001));
    }

    [Fact]
    public void CheckAgainst_PerfBackend_FlagsExactlyThePlantedBenchmark()
    {
        // Given the same two commits
        using var repository = new AbRepository();

        // When checked against HEAD~1 with the perf backend (software events on this machine)
        var result = Run(repository.Module, ["check", "--against", "HEAD~1", "--backend", "perf", "--format", "json", "--out", _temp.Combine("report.json"), .. _quick]);

        // Then exactly Encode regressed, its allocations judged exactly, and perf's per-op metrics compared for every benchmark
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(["BenchmarkEncode"], Regressed(_temp.Combine("report.json")));
        var rows = ComparisonJson.Parse(File.ReadAllText(_temp.Combine("report.json"))).Comparisons;
        Assert.Equal("regression", rows.Single(r => r.Benchmark == "BenchmarkEncode" && r.Metric == "allocs/op").Verdict);
        Assert.Equal(5, rows.Where(r => r.Metric == "task-clock-sec/op" && r.Source == "perf-sw").Select(r => r.Benchmark).Distinct().Count());
    }

    [Fact]
    public void CheckAgainst_UncommittedChange_IsMeasuredAsTheHeadAndSaid()
    {
        // Given one commit, and the planted allocation as an uncommitted change of the working tree
        using var repository = new AbRepository(planted: false);
        repository.Plant();

        // When the working tree is checked against HEAD
        var result = Run(repository.Module, ["check", "--against", "HEAD", "--bench", "Encode|Checksum", "--format", "json", "--out", _temp.Combine("report.json"), .. _quick]);

        // Then the uncommitted change is what is measured as the head, and the report says so
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("1 uncommitted change (measured)", result.Out);
        Assert.Equal(["BenchmarkEncode"], Regressed(_temp.Combine("report.json")));
    }

    [Fact]
    public void Ab_TwoCommits_ComparedAsCommittedWhateverTheWorkingTreeHolds()
    {
        // Given two commits, and a working tree whose uncommitted change undoes the planted regression
        using var repository = new AbRepository();
        File.Copy(RepoPaths.Fixture("ab", "module", "encode.go"), Path.Combine(repository.Module, "encode.go"), overwrite: true);

        // When ab compares the two commits
        var result = Run(repository.Module, ["ab", "HEAD~1", "HEAD", "--bench", "Encode|Sort", "--format", "json", "--out", _temp.Combine("report.json"), "--save-results", _temp.Combine("sides"), .. _quick[..^1]]);

        // Then the commits are measured (the regression is there), not the working tree; each side's results carry its commit
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(["BenchmarkEncode"], Regressed(_temp.Combine("report.json")));
        Assert.Equal(repository.Git("rev-parse", "HEAD~1"), ResultsJson.ReadFile(_temp.Combine("sides", "base.json")).Environment.GitCommit);
        Assert.Equal(repository.Git("rev-parse", "HEAD"), ResultsJson.ReadFile(_temp.Combine("sides", "head.json")).Environment.GitCommit);
        Assert.Contains($"head revision HEAD ({repository.Git("rev-parse", "HEAD")[..7]})", result.Out);
        Assert.Single(repository.Git("worktree", "list").Split('\n'));
    }

    [Fact]
    public void CheckAgainst_NewAndRemovedBenchmarks_ReportedAndNotCompared()
    {
        // Given a head that renames BenchmarkSearch to BenchmarkLookup
        using var repository = new AbRepository(planted: false);
        var test = Path.Combine(repository.Module, "ab_test.go");
        File.WriteAllText(test, File.ReadAllText(test).Replace("func BenchmarkSearch(", "func BenchmarkLookup(", StringComparison.Ordinal));

        // When checked against HEAD
        var result = Run(repository.Module, ["check", "--against", "HEAD", "--bench", "Search|Lookup|Checksum", "--format", "json", "--out", _temp.Combine("report.json"), .. _quick]);

        // Then the new and the removed benchmark are named, and only the common one is compared
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("new in head (not compared): BenchmarkLookup", result.Out);
        Assert.Contains("removed in head (not compared): BenchmarkSearch", result.Out);
        Assert.Equal(["BenchmarkChecksum"], ComparisonJson.Parse(File.ReadAllText(_temp.Combine("report.json"))).Comparisons.Select(c => c.Benchmark).Distinct());
    }

    [Fact]
    public void CheckAgainst_RevisionThatDoesNotExist_Exit2OneLine()
    {
        using var repository = new AbRepository(planted: false);

        var result = Run(repository.Module, ["check", "--against", "no-such-branch", .. _quick]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"benchgate: revision 'no-such-branch' does not exist in {repository.Root}\n", result.Err);
        Assert.Single(repository.Git("worktree", "list").Split('\n'));
    }

    [Fact]
    public void Ab_HeadThatDoesNotExist_Exit2OneLine()
    {
        using var repository = new AbRepository(planted: false);

        var result = Run(repository.Module, ["ab", "HEAD", "v9.9.9", .. _quick[..^1]]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"benchgate: revision 'v9.9.9' does not exist in {repository.Root}\n", result.Err);
    }

    [Fact]
    public void CheckAgainst_NotAGitRepository_Exit2OneLine()
    {
        // Given the module copied outside any git repository
        var module = _temp.CopyTree(RepoPaths.Fixture("ab", "module"), "module");

        var result = Run(module, ["check", "--against", "HEAD~1", .. _quick]);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"benchgate: {module} is not in a git work tree (fatal: not a git repository", line);
    }

    [Fact]
    public void CheckAgainst_PackageMissingInTheBase_Exit2OneLine()
    {
        // Given a head that adds the package extra/
        using var repository = new AbRepository(planted: false);
        Directory.CreateDirectory(Path.Combine(repository.Module, "extra"));
        File.WriteAllText(Path.Combine(repository.Module, "extra", "extra_test.go"), "package extra\n\nimport \"testing\"\n\nfunc BenchmarkNew(b *testing.B) {\n\tfor i := 0; i < b.N; i++ {\n\t}\n}\n");
        repository.Commit("v2: extra");

        // When the new package is checked against the base, which does not have it
        var result = Run(repository.Module, ["check", "--against", "HEAD~1", "./extra", .. _quick]);

        // Then one line names the side, the revision and go's complaint
        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => !l.Contains('[', StringComparison.Ordinal));
        Assert.StartsWith($"benchgate: base (revision HEAD~1 ({repository.Git("rev-parse", "HEAD~1")[..7]})): go list ./extra: ", line);
        Assert.Contains("extra", line["benchgate: base".Length..]);
        Assert.Single(repository.Git("worktree", "list").Split('\n'));
    }

    [Fact]
    public void SamplesAuto_WithoutASecondSide_Exit2()
    {
        using var repository = new AbRepository(planted: false);

        var run = Run(repository.Module, ["run", "--samples", "auto"]);
        var bad = Run(repository.Module, ["check", "--against", "HEAD", "--samples", "often"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("benchgate: --samples auto needs both sides measured in this job: use it with check --against REF or ab BASE HEAD\n", run.Err);
        Assert.Equal(2, bad.ExitCode);
        Assert.Equal("benchgate: --samples 'often' is not a number of samples, auto or auto:MAX (MAX at least 5)\n", bad.Err);
    }
}
