using Gate.Baselines.History;
using Gate.Baselines.Keys;
using Gate.Baselines.Storage;
using Gate.Core.Checking;
using Gate.Core.Processes;
using Gate.Core.Results;
using Gate.Core.Statistics;

namespace Gate.Baselines.Checking;

/// <summary>
/// The baselines of one store as a check needs them (<see cref="IBaselineCatalog"/>): the baseline of the candidate's
/// key with the key's history thresholds, or the store's explanation of why none fits (the nearest key and how it differs).
/// </summary>
/// <param name="store">The store.</param>
/// <param name="processes">Runs git to detect the repository when it is not given.</param>
/// <param name="environment">GITHUB_REPOSITORY and the like.</param>
public sealed class StoredBaselineSides(IBaselineStore store, IProcessRunner processes, Func<string, string?> environment) : IBaselineCatalog
{
    /// <summary>The catalog of the store named by <paramref name="spec"/> (<c>dir:PATH</c>, <c>nuget:SOURCE</c>), relative to <paramref name="baseDirectory"/>.</summary>
    public static StoredBaselineSides Open(string spec, string baseDirectory, IProcessRunner processes, Func<string, string?> environment) =>
        new(BaselineStores.Open(spec, baseDirectory, environment, TimeProvider.System), processes, environment);

    /// <inheritdoc />
    public async Task<BaselineFind> FindAsync(RunResults candidate, string? repository, string branch, Thresholds configured, string directory, CancellationToken cancellationToken)
    {
        var name = repository ?? await new RepositoryIdentity(processes, environment).DetectAsync(directory, cancellationToken).ConfigureAwait(false);
        return await FindAsync(store, candidate, name, branch, configured, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Looks up the baseline for <paramref name="candidate"/> on <paramref name="branch"/> of <paramref name="repository"/>.
    /// Without one, the result says why (nearest key and how it differs).
    /// </summary>
    public static async Task<BaselineFind> FindAsync(
        IBaselineStore store, RunResults candidate, string repository, string branch, Thresholds configured, CancellationToken cancellationToken)
    {
        var key = BaselineKey.For(candidate, repository, branch);
        var match = await BaselineLookup.FindAsync(store, key, cancellationToken).ConfigureAwait(false);
        if (match.Baseline is null)
        {
            return new BaselineFind(null, new MissingBaseline(match.Explanation, match.Nearest?.ToString(), [.. match.Differences.Select(d => d.ToString())]));
        }
        var history = await store.ReadHistoryAsync(key, cancellationToken).ConfigureAwait(false);
        var thresholds = new HistoryThresholds(configured, HistoryNoise.From(history));
        var commit = match.Baseline.Results.Environment.GitCommit is { Length: >= 7 } c ? $", commit {c[..7]}" : "";
        var sides = new CheckSides(candidate, match.Baseline.Results, $"baseline {key.Id} ({key.Branch}{commit}, stored {match.Baseline.StoredUtc}, {history.Count} run(s) in history)", thresholds);
        return new BaselineFind(sides, null);
    }
}
