using Gate.Core.Metrics;
using Gate.Core.Results;

namespace Gate.Core.Running;

/// <summary>What each top-level benchmark cost in an earlier run: the weights that balance shards.</summary>
public static class ShardCosts
{
    /// <summary>The key of a top-level benchmark of a package, as shard plans use it.</summary>
    public static string Key(string package, string topLevel) => package + " " + topLevel;

    /// <summary>
    /// Measured seconds per top-level benchmark of <paramref name="previous"/>: for each of its (sub-)benchmarks,
    /// samples × iterations × median sec/op. Benchmarks without sec/op count as one second per sample.
    /// </summary>
    public static IReadOnlyDictionary<string, double> FromResults(RunResults previous)
    {
        var costs = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var benchmark in previous.Benchmarks)
        {
            var topLevel = benchmark.Name.Split('/')[0];
            var seconds = benchmark.ValuesOf(GoMetrics.SecondsPerOp);
            Array.Sort(seconds);
            var perSample = seconds.Length > 0 ? seconds[seconds.Length / 2] * benchmark.Iterations : 1;
            var key = Key(benchmark.Package, topLevel);
            costs[key] = costs.GetValueOrDefault(key) + perSample * benchmark.Samples.Count;
        }
        return costs;
    }

    /// <summary>
    /// Cost of each item: its earlier cost, or — for a benchmark the earlier run did not have — the mean of the known
    /// costs (1 when nothing is known, which balances by count).
    /// </summary>
    public static IEnumerable<(string Key, double Cost)> Weigh(IEnumerable<string> keys, IReadOnlyDictionary<string, double>? costs)
    {
        var known = costs is { Count: > 0 } ? costs.Values.Average() : 1.0;
        return keys.Select(k => (k, costs is not null && costs.TryGetValue(k, out var c) ? c : known));
    }
}
