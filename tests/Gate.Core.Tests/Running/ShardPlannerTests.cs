using Gate.Core.Results;
using Gate.Core.Running;

namespace Gate.Core.Tests.Running;

public class ShardPlannerTests
{
    private static readonly string[] Keys = [.. Enumerable.Range(0, 23).Select(i => $"pkg BenchmarkB{i:00}")];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(30)]
    public void Select_AllShards_DisjointAndCoverEverything(int count)
    {
        var shards = Enumerable.Range(1, count).Select(i => ShardPlanner.Select(ShardCosts.Weigh(Keys, null), new Shard(i, count))).ToList();

        Assert.Equal(Keys.Length, shards.Sum(s => s.Count));
        Assert.Equal(Keys.Order(StringComparer.Ordinal), shards.SelectMany(s => s).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Select_UnknownCosts_BalancedByCount()
    {
        var sizes = Enumerable.Range(1, 3).Select(i => ShardPlanner.Select(ShardCosts.Weigh(Keys, null), new Shard(i, 3)).Count).ToList();

        Assert.Equal([8, 8, 7], sizes);
    }

    [Fact]
    public void Select_KnownCosts_BalancesTimeNotCount()
    {
        var costs = new Dictionary<string, double> { ["a"] = 10, ["b"] = 4, ["c"] = 3, ["d"] = 3 };

        var first = ShardPlanner.Select(costs.Select(kv => (kv.Key, kv.Value)), new Shard(1, 2));
        var second = ShardPlanner.Select(costs.Select(kv => (kv.Key, kv.Value)), new Shard(2, 2));

        Assert.Equal(["a"], first);
        Assert.Equal(["b", "c", "d"], second.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Select_InputOrder_DoesNotChangeThePlan()
    {
        var forward = ShardPlanner.Select(ShardCosts.Weigh(Keys, null), new Shard(2, 3));
        var backward = ShardPlanner.Select(ShardCosts.Weigh(Keys.Reverse(), null), new Shard(2, 3));

        Assert.Equal(forward.Order(StringComparer.Ordinal), backward.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Weigh_NewBenchmark_GetsTheMeanOfKnownCosts()
    {
        var costs = new Dictionary<string, double> { ["a"] = 2, ["b"] = 4 };

        var weighed = ShardCosts.Weigh(["a", "new"], costs).ToList();

        Assert.Equal([("a", 2.0), ("new", 3.0)], weighed);
    }

    [Theory]
    [InlineData("0/3")]
    [InlineData("4/3")]
    [InlineData("1/0")]
    [InlineData("a/b")]
    [InlineData("3")]
    [InlineData("-1/2")]
    public void Parse_Invalid_GateException(string text)
    {
        var error = Assert.Throws<GateException>(() => Shard.Parse(text));

        Assert.Contains("is not I/N", error.Message);
    }
}
