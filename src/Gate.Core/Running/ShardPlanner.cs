using Gate.Core.Results;

namespace Gate.Core.Running;

/// <summary>
/// Splits work items over shards, deterministically and balanced: items sorted by cost (largest first, then by
/// key), each given to the shard with the least total cost so far (lowest index on ties) — the "longest processing
/// time first" rule. Every job computes the same plan from the same inputs, so the shards are disjoint and cover all items.
/// </summary>
public static class ShardPlanner
{
    /// <summary>The keys of <paramref name="items"/> that belong to <paramref name="shard"/>.</summary>
    /// <param name="items">Every item's key and cost (use 1 for every item when costs are unknown).</param>
    /// <param name="shard">The share wanted.</param>
    public static IReadOnlySet<string> Select(IEnumerable<(string Key, double Cost)> items, Shard shard)
    {
        var totals = new double[shard.Count];
        var mine = new HashSet<string>(StringComparer.Ordinal);
        var ordered = items
            .DistinctBy(i => i.Key, StringComparer.Ordinal)
            .OrderByDescending(i => i.Cost)
            .ThenBy(i => i.Key, StringComparer.Ordinal);
        foreach (var (key, cost) in ordered)
        {
            var target = 0;
            for (var s = 1; s < totals.Length; s++)
            {
                if (totals[s] < totals[target])
                {
                    target = s;
                }
            }
            totals[target] += cost;
            if (target == shard.Index - 1)
            {
                mine.Add(key);
            }
        }
        return mine;
    }
}
