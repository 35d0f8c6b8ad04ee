using Gate.Baselines.History;
using Gate.Baselines.Keys;
using Gate.Core.Results;

namespace Gate.Baselines.Storage;

/// <summary>A baseline as a store holds it: its key, when it was stored, and the results file itself.</summary>
/// <param name="Key">What it is the baseline of.</param>
/// <param name="StoredUtc">When it was stored, ISO 8601 UTC.</param>
/// <param name="Results">The results, number for number as they were given to the store.</param>
public sealed record StoredBaseline(BaselineKey Key, string StoredUtc, RunResults Results);

/// <summary>What a <see cref="IBaselineStore.UpdateAsync"/> did.</summary>
/// <param name="Baseline">The baseline now stored.</param>
/// <param name="Entry">The history entry appended.</param>
/// <param name="HistoryCount">Entries in the key's history after the update.</param>
public sealed record StoreUpdate(StoredBaseline Baseline, HistoryEntry Entry, int HistoryCount);
