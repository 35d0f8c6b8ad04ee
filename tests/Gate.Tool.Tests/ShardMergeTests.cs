using Gate.Core.Results;
using Gate.TestUtilities;

namespace Gate.Tool.Tests;

/// <summary><c>run --shard I/N</c> and <c>merge</c> on the examples module, for real.</summary>
public class ShardMergeTests
{
    private static readonly string[] Quick = ["--samples", "1", "--sample-time", "10ms"];

    [Fact]
    [Trait(Traits.Category, Traits.Slow)]
    public void Shards_MergedEqualOneUnshardedRun()
    {
        using var temp = new TempDirectory();
        var examples = temp.CopyTree(RepoPaths.Examples, "examples");
        var whole = CliRunner.Run(examples, ["run", "./...", "--out", "whole.json", .. Quick]);
        Assert.True(whole.ExitCode == 0, whole.ToString());

        var shardFiles = new List<string>();
        for (var i = 1; i <= 3; i++)
        {
            var shard = CliRunner.Run(examples, ["run", "./...", "--shard", $"{i}/3", "--out", $"shard{i}.json", .. Quick]);
            Assert.True(shard.ExitCode == 0, shard.ToString());
            shardFiles.Add($"shard{i}.json");
        }
        var merge = CliRunner.Run(examples, ["merge", .. shardFiles, "-o", "all.json"]);

        Assert.True(merge.ExitCode == 0, merge.ToString());
        var expected = ResultsJson.ReadFile(Path.Combine(examples, "whole.json")).Benchmarks.Select(b => b.Key).Order(StringComparer.Ordinal).ToList();
        var merged = ResultsJson.ReadFile(Path.Combine(examples, "all.json"));
        Assert.Equal(expected, merged.Benchmarks.Select(b => b.Key).Order(StringComparer.Ordinal));
        Assert.Null(merged.Environment.Shard);
        var sizes = shardFiles.Select(f => ResultsJson.ReadFile(Path.Combine(examples, f))).Select(r => r.Benchmarks.Select(b => b.Name.Split('/')[0]).Distinct().Count()).ToList();
        Assert.Equal(5, sizes.Sum());
        Assert.True(sizes.Max() - sizes.Min() <= 1, string.Join(",", sizes));
    }

    [Fact]
    public void Merge_MismatchedShards_Exit2()
    {
        using var temp = new TempDirectory();
        var whole = ResultsJson.ReadFile(RepoPaths.Fixture("results", "examples-go-backend.json"));
        ResultsJson.WriteFile(temp.Combine("a.json"), whole with { Environment = whole.Environment with { Shard = "1/2" } });
        ResultsJson.WriteFile(temp.Combine("b.json"), whole with { Environment = whole.Environment with { Shard = "2/2", Cpu = "Intel Xeon" } });

        var result = CliRunner.Run(temp.Path, "merge", "a.json", "b.json", "-o", "all.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("benchgate: cannot merge b.json with a.json: different CPU: 'AMD EPYC' vs 'Intel Xeon'", result.Err.Trim());
        Assert.False(File.Exists(temp.Combine("all.json")));
    }

    [Fact]
    public void Merge_DuplicatedBenchmarks_Exit2()
    {
        using var temp = new TempDirectory();
        var whole = ResultsJson.ReadFile(RepoPaths.Fixture("results", "examples-go-backend.json"));
        ResultsJson.WriteFile(temp.Combine("a.json"), whole);
        ResultsJson.WriteFile(temp.Combine("b.json"), whole);

        var result = CliRunner.Run(temp.Path, "merge", "a.json", "b.json", "-o", "all.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is in both a.json and b.json", result.Err);
    }

    [Fact]
    public void Merge_MissingFile_Exit2()
    {
        using var temp = new TempDirectory();

        var result = CliRunner.Run(temp.Path, "merge", "nope.json", "-o", "all.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("benchgate: nope.json: no such file", result.Err.Trim());
    }

    [Fact]
    public void Run_BadShard_Exit2()
    {
        using var temp = new TempDirectory();

        var result = CliRunner.Run(temp.Path, "run", "--shard", "4/3");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--shard '4/3' is not I/N", result.Err);
    }
}
