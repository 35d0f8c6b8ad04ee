using Gate.Core.Results;
using Gate.TestUtilities;

namespace Gate.Core.Tests.Results;

public class ResultsMergerTests
{
    private static readonly RunResults Whole = ResultsJson.ReadFile(RepoPaths.Fixture("results", "examples-go-backend.json"));

    private static RunResults ShardOf(int index, int count, Func<int, bool> keep) =>
        Whole with
        {
            Environment = Whole.Environment with { Shard = $"{index}/{count}" },
            Benchmarks = [.. Whole.Benchmarks.Where((_, i) => keep(i))],
        };

    [Fact]
    public void Merge_AllShards_EqualsTheWholeRun()
    {
        var shards = Enumerable.Range(1, 3).Select(s => ($"s{s}.json", ShardOf(s, 3, i => i % 3 == s - 1))).ToList();

        var merged = ResultsMerger.Merge(shards, ["merge"]);

        Assert.Equal(Whole.Benchmarks.Select(b => b.Key).Order(StringComparer.Ordinal), merged.Benchmarks.Select(b => b.Key).Order(StringComparer.Ordinal));
        Assert.Null(merged.Environment.Shard);
        Assert.Equal(["merge"], merged.Environment.CommandLine);
        Assert.Equal(ResultsJson.Serialize(Whole with { Environment = merged.Environment, Benchmarks = merged.Benchmarks }), ResultsJson.Serialize(merged));
    }

    [Theory]
    [InlineData("cpu", "CPU: 'AMD EPYC' vs 'Intel Xeon'")]
    [InlineData("goVersion", "Go version")]
    [InlineData("backend", "backend: 'go' vs 'perf'")]
    [InlineData("commit", "revision (git commit)")]
    public void Merge_DifferentEnvironments_Refused(string property, string expected)
    {
        var other = ShardOf(2, 2, i => i % 2 == 1);
        other = other with
        {
            Environment = property switch
            {
                "cpu" => other.Environment with { Cpu = "Intel Xeon" },
                "goVersion" => other.Environment with { GoVersion = "go1.22.0" },
                "backend" => other.Environment with { Backend = "perf" },
                _ => other.Environment with { GitCommit = "0000000000000000000000000000000000000000" },
            },
        };

        var error = Assert.Throws<GateException>(() => ResultsMerger.Merge([("a.json", ShardOf(1, 2, i => i % 2 == 0)), ("b.json", other)], ["merge"]));

        Assert.StartsWith("cannot merge b.json with a.json: different ", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Merge_ShardsWithCanaries_PoolsTheTimings()
    {
        RunResults WithCanary(RunResults r, params double[] timings) => r with { Canary = new CanaryRecord("canary-v1", 1000, timings) };

        var merged = ResultsMerger.Merge([("a.json", WithCanary(ShardOf(1, 2, i => i < 3), 1, 2)), ("b.json", WithCanary(ShardOf(2, 2, i => i >= 3), 3))], ["merge"]);

        Assert.Equal([1.0, 2.0, 3.0], merged.Canary!.SecondsPerOp);
    }

    [Fact]
    public void Merge_OneShardWithoutCanary_NoCanary()
    {
        var withCanary = ShardOf(1, 2, i => i < 3) with { Canary = new CanaryRecord("canary-v1", 1000, [1.0]) };

        var merged = ResultsMerger.Merge([("a.json", withCanary), ("b.json", ShardOf(2, 2, i => i >= 3))], ["merge"]);

        Assert.Null(merged.Canary);
    }

    [Fact]
    public void Merge_SameBenchmarkTwice_Refused()
    {
        var error = Assert.Throws<GateException>(() => ResultsMerger.Merge([("a.json", ShardOf(1, 2, _ => true)), ("b.json", ShardOf(2, 2, i => i == 3))], ["merge"]));

        Assert.Contains($"{Whole.Benchmarks[3].Name} ({Whole.Benchmarks[3].Package}) is in both a.json and b.json", error.Message);
    }

    [Fact]
    public void Merge_MissingShard_Refused()
    {
        var error = Assert.Throws<GateException>(() => ResultsMerger.Merge([("a.json", ShardOf(1, 3, i => i < 2)), ("c.json", ShardOf(3, 3, i => i >= 4))], ["merge"]));

        Assert.Equal("cannot merge: shard 2/3 missing", error.Message);
    }

    [Fact]
    public void Merge_DifferentSplits_Refused()
    {
        var error = Assert.Throws<GateException>(() => ResultsMerger.Merge([("a.json", ShardOf(1, 2, i => i < 2)), ("b.json", ShardOf(2, 3, i => i >= 4))], ["merge"]));

        Assert.Contains("shards of different splits", error.Message);
    }

    [Fact]
    public void Merge_ShardTwice_Refused()
    {
        var error = Assert.Throws<GateException>(() => ResultsMerger.Merge([("a.json", ShardOf(1, 2, i => i < 2)), ("b.json", ShardOf(1, 2, i => i >= 4))], ["merge"]));

        Assert.Contains("shard 1/2 appears twice (a.json, b.json)", error.Message);
    }
}
