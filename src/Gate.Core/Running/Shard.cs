using System.Globalization;

namespace Gate.Core.Running;

/// <summary>One share of a benchmark suite split over several CI jobs: shard <see cref="Index"/> of <see cref="Count"/> (1-based).</summary>
public sealed record Shard(int Index, int Count)
{
    /// <summary>Parses <c>I/N</c> with 1 ≤ I ≤ N; anything else is a <see cref="GateException"/>.</summary>
    public static Shard Parse(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0
            && int.TryParse(text.AsSpan(0, slash), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count >= 1 && index >= 1 && index <= count)
        {
            return new Shard(index, count);
        }
        throw new GateException($"--shard '{text}' is not I/N with 1 <= I <= N (for example 2/3)");
    }

    /// <inheritdoc />
    public override string ToString() => Index.ToString(CultureInfo.InvariantCulture) + "/" + Count.ToString(CultureInfo.InvariantCulture);
}

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
