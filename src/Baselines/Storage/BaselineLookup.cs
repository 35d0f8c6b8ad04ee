using System.Text;
using Gate.Baselines.Keys;

namespace Gate.Baselines.Storage;

/// <summary>
/// The outcome of looking up a candidate's baseline: the baseline, or why there is none to compare with.
/// <c>check</c> prints <see cref="Explanation"/> instead of comparing when <see cref="Baseline"/> is null.
/// </summary>
/// <param name="Wanted">The key the candidate needs.</param>
/// <param name="Baseline">The baseline of exactly that key, or null.</param>
/// <param name="Nearest">The stored key most like <paramref name="Wanted"/> (same repository first), or null when the store is empty.</param>
/// <param name="Differences">How <paramref name="Nearest"/> differs from <paramref name="Wanted"/>.</param>
/// <param name="Explanation">One paragraph for people: found, or what is missing and what differs.</param>
public sealed record BaselineMatch(
    BaselineKey Wanted,
    StoredBaseline? Baseline,
    BaselineKey? Nearest,
    IReadOnlyList<KeyDifference> Differences,
    string Explanation);

/// <summary>Finds the baseline a candidate may be compared with.</summary>
public static class BaselineLookup
{
    /// <summary>The baseline of <paramref name="wanted"/> in <paramref name="store"/>, or the explanation of why none fits.</summary>
    public static async Task<BaselineMatch> FindAsync(IBaselineStore store, BaselineKey wanted, CancellationToken cancellationToken = default)
    {
        var baseline = await store.ReadAsync(wanted, cancellationToken).ConfigureAwait(false);
        if (baseline is not null)
        {
            return new BaselineMatch(wanted, baseline, wanted, [], $"baseline: {wanted}, stored {baseline.StoredUtc} in {store.Name}");
        }
        var keys = await store.ListAsync(cancellationToken).ConfigureAwait(false);
        return Explain(store.Name, wanted, keys);
    }

    /// <summary>The mismatch explanation for <paramref name="wanted"/> among the stored <paramref name="keys"/>.</summary>
    public static BaselineMatch Explain(string storeName, BaselineKey wanted, IReadOnlyList<BaselineKey> keys)
    {
        var nearest = keys
            .Select(k => (Key: k, Differences: k.DifferencesFrom(wanted)))
            .OrderBy(c => Weight(c.Differences))
            .ThenBy(c => c.Differences.Count)
            .Select(c => ((BaselineKey Key, IReadOnlyList<KeyDifference> Differences)?)c)
            .FirstOrDefault();
        var text = new StringBuilder($"no baseline for {wanted} in {storeName}");
        if (nearest is not { } found)
        {
            text.Append(": the store is empty; run 'benchgate baseline update' on the target branch first");
            return new BaselineMatch(wanted, null, null, [], text.ToString());
        }
        text.Append("; the nearest stored baseline (").Append(found.Key.Id).Append(") differs in ")
            .Append(string.Join("; ", found.Differences.Select(d => d.ToString())))
            .Append(". Results are compared only within one repository, branch, backend and environment: ")
            .Append("store a baseline from this kind of machine, or compare with --against REF measured in the same job");
        return new BaselineMatch(wanted, null, found.Key, found.Differences, text.ToString());
    }

    /// <summary>Differences of repository weigh most, then branch, then backend; environment fields least.</summary>
    private static int Weight(IReadOnlyList<KeyDifference> differences) => differences.Sum(d => d.Field switch
    {
        "repository" => 1000,
        "branch" => 100,
        "backend" => 10,
        _ => 1,
    });
}
