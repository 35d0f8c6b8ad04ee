using Gate.Core.Results;
using Gate.TestUtilities;

namespace Gate.Tool.Tests;

/// <summary>
/// The final job of .github/workflows/sharded-gate.yml: shard results merged, then <c>check --from all.json</c> judged
/// against the stored baseline without measuring (tests/Fixtures/results/examples-go-backend.json as the measured run).
/// </summary>
public sealed class ShardedCheckTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly RunResults _whole = ResultsJson.ReadFile(RepoPaths.Fixture("results", "examples-go-backend.json"));

    public ShardedCheckTests()
    {
        ResultsJson.WriteFile(_temp.Combine("main.json"), _whole);
        var stored = Run("baseline", "update", "--from", "main.json", "--store", "dir:store", "--repository", "acme/widgets", "--branch", "main");
        Assert.True(stored.ExitCode == 0, stored.ToString());
    }

    public void Dispose() => _temp.Dispose();

    private CliResult Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, ErrIsTerminal: false, _temp.Path, CancellationToken.None) { Processes = Tools.Processes, Environment = _ => null };
        var code = Cli.RunAsync(context, args).GetAwaiter().GetResult();
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>Writes the run as two shards, the benchmarks of <paramref name="second"/> in shard 2/2, and merges them into all.json.</summary>
    private void MergeShards(RunResults run, Func<BenchmarkResult, bool> second)
    {
        ResultsJson.WriteFile(_temp.Combine("shard-1.json"), run with { Environment = run.Environment with { Shard = "1/2" }, Benchmarks = [.. run.Benchmarks.Where(b => !second(b))] });
        ResultsJson.WriteFile(_temp.Combine("shard-2.json"), run with { Environment = run.Environment with { Shard = "2/2" }, Benchmarks = [.. run.Benchmarks.Where(second)] });
        var merged = Run("merge", "shard-1.json", "shard-2.json", "-o", "all.json");
        Assert.True(merged.ExitCode == 0, merged.ToString());
    }

    [Fact]
    public void CheckFrom_MergedShardsOfTheBaselineRun_PassesWithoutMeasuring()
    {
        // Given the baseline's own run, split into two shards and merged
        MergeShards(_whole, b => b.Package.EndsWith("codec", StringComparison.Ordinal));

        // When checked from the merged file
        var result = Run("check", "--from", "all.json", "--store", "dir:store", "--repository", "acme/widgets", "--baseline-branch", "main");

        // Then every benchmark is compared with the stored baseline, nothing is measured, nothing regressed
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("compared with: baseline ", result.Out);
        Assert.Contains("WordFreq", result.Out);
        Assert.Contains("Encode/size=4096", result.Out);
        Assert.DoesNotContain("measure [", result.Err);
    }

    [Fact]
    public void CheckFrom_AllocationAddedInOneShard_Exit1NamingIt()
    {
        // Given shard 2 with one more allocation per op in WordFreq
        var planted = _whole with
        {
            Benchmarks =
            [
                .. _whole.Benchmarks.Select(b => b.Name != "BenchmarkWordFreq" ? b : b with
                {
                    Samples = [.. b.Samples.Select(s => s with { Values = s.Values.ToDictionary(kv => kv.Key, kv => kv.Key == "allocs/op" ? kv.Value + 1 : kv.Value) })],
                }),
            ],
        };
        MergeShards(planted, b => b.Name == "BenchmarkWordFreq");

        // When checked from the merged file
        var result = Run("check", "--from", "all.json", "--store", "dir:store", "--repository", "acme/widgets", "--baseline-branch", "main");

        // Then the gate fails on exactly that benchmark
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("worst change: WordFreq-2 allocs/op +0.60% (regression)", result.Out);
        Assert.Contains("benchgate: 1 regression", result.Err);
    }

    [Fact]
    public void CheckFrom_WithAgainst_Exit2()
    {
        var result = Run("check", "--from", "main.json", "--against", "HEAD~1");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("benchgate: --from compares given results with the stored baseline, --against measures a revision: use one of them\n", result.Err);
    }

    [Fact]
    public void CheckFrom_WithSamplesAuto_Exit2InsteadOfIgnoringIt()
    {
        var result = Run("check", "--from", "main.json", "--store", "dir:store", "--repository", "acme/widgets", "--samples", "auto");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("benchgate: --samples auto needs both sides measured in this job: use it with check --against REF or ab BASE HEAD\n", result.Err);
    }
}
