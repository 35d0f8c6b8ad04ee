using Gate.Baselines.History;
using Gate.Baselines.Keys;
using Gate.Baselines.Storage;
using Gate.Core.Checking;
using Gate.Core.Results;
using Gate.Core.Statistics;

namespace Gate.Baselines.Checking;

/// <summary>The sides of a check against a stored baseline: the candidate, and the baseline of its key with the key's history thresholds.</summary>
public static class StoredBaselineSides
{
    /// <summary>
    /// Looks up the baseline for <paramref name="candidate"/> on <paramref name="branch"/> of <paramref name="repository"/>.
    /// Without one, the sides carry the store's explanation (nearest key and how it differs) instead.
    /// </summary>
    public static async Task<CheckSides> FindAsync(
        IBaselineStore store, RunResults candidate, string repository, string branch, Thresholds configured, CancellationToken cancellationToken)
    {
        var key = BaselineKey.For(candidate, repository, branch);
        var match = await BaselineLookup.FindAsync(store, key, cancellationToken).ConfigureAwait(false);
        if (match.Baseline is null)
        {
            return new CheckSides(candidate, null, match.Explanation);
        }
        var history = await store.ReadHistoryAsync(key, cancellationToken).ConfigureAwait(false);
        var thresholds = new HistoryThresholds(configured, HistoryNoise.From(history));
        var commit = match.Baseline.Results.Environment.GitCommit is { Length: >= 7 } c ? $", commit {c[..7]}" : "";
        return new CheckSides(candidate, match.Baseline.Results, $"baseline {key.Id} ({key.Branch}{commit}, stored {match.Baseline.StoredUtc}, {history.Count} run(s) in history)", thresholds);
    }
}
