using Gate.Baselines.History;
using Gate.Baselines.Keys;
using Gate.Core.Results;

namespace Gate.Baselines.Storage;

/// <summary>
/// Where baselines live: one baseline per <see cref="BaselineKey"/> plus that key's append-only history.
/// Implementations: <see cref="DirectoryStore"/> (<c>dir:PATH</c>) and <see cref="NuGet.NuGetStore"/> (<c>nuget:SOURCE</c>).
/// Every problem of the store's content or environment is a <see cref="Gate.Core.GateException"/>, raised before
/// anything is changed.
/// </summary>
public interface IBaselineStore
{
    /// <summary>The store as the user would name it (<c>dir:PATH</c>, <c>nuget:SOURCE</c>), never with credentials.</summary>
    string Name { get; }

    /// <summary>The keys of all stored baselines, ordered by repository, branch, backend and environment.</summary>
    Task<IReadOnlyList<BaselineKey>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>The baseline of <paramref name="key"/>, or null when there is none.</summary>
    Task<StoredBaseline?> ReadAsync(BaselineKey key, CancellationToken cancellationToken = default);

    /// <summary>The history of <paramref name="key"/>, oldest first; empty when there is none.</summary>
    Task<IReadOnlyList<HistoryEntry>> ReadHistoryAsync(BaselineKey key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores <paramref name="results"/> as the baseline of <paramref name="key"/> and appends its history entry.
    /// Concurrent updates never lose an entry; a crash never leaves a half-written baseline.
    /// </summary>
    Task<StoreUpdate> UpdateAsync(BaselineKey key, RunResults results, CancellationToken cancellationToken = default);

    /// <summary>Keeps the newest <paramref name="keep"/> history entries of <paramref name="key"/>; returns how many were removed.</summary>
    Task<int> PruneAsync(BaselineKey key, int keep, CancellationToken cancellationToken = default);
}
