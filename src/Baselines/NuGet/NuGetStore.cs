using System.Globalization;
using Gate.Baselines.History;
using Gate.Baselines.Keys;
using Gate.Baselines.Storage;
using Gate.Core;
using Gate.Core.Results;
using NuGet.Packaging.Core;
using NuGet.Versioning;

namespace Gate.Baselines.NuGet;

/// <summary>
/// <c>nuget:SOURCE</c>: each key's baseline is a package (see <see cref="BaselinePackage"/>) on a local folder
/// feed or a v3 HTTP feed. An update reads the newest revision, appends to its history and pushes the next
/// revision. Two updates that race push the same revision: the feed refuses the second (HTTP 409), which
/// re-reads and pushes again, so no history entry is lost. A local folder feed would silently overwrite a
/// version instead, so there updates take a lock file in the folder first.
/// </summary>
public sealed class NuGetStore : IBaselineStore
{
    private const int MaxAttempts = 20;
    private readonly NuGetFeed _feed;
    private readonly TimeProvider _clock;

    private NuGetStore(NuGetFeed feed, TimeProvider clock)
    {
        _feed = feed;
        _clock = clock;
    }

    /// <inheritdoc />
    public string Name => "nuget:" + _feed.Source;

    /// <summary>How long an update of a local folder feed waits for another one.</summary>
    public TimeSpan LockTimeout { get; init; } = StoreLock.DefaultTimeout;

    /// <summary>
    /// Opens a feed: an http(s) URL is a v3 service index; anything else is a local folder (relative to
    /// <paramref name="workingDirectory"/>), created when missing.
    /// </summary>
    public static NuGetStore Open(string source, string workingDirectory, Func<string, string?> environment, TimeProvider clock)
    {
        var credentials = NuGetCredentials.FromEnvironment(environment);
        var isHttp = source.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || source.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
        if (isHttp)
        {
            if (!Uri.TryCreate(source, UriKind.Absolute, out _))
            {
                throw new GateException($"nuget:{source}: not a valid URL");
            }
            return new NuGetStore(new NuGetFeed(source, isLocal: false, credentials), clock);
        }
        var folder = Path.GetFullPath(source, workingDirectory);
        return new NuGetStore(new NuGetFeed(folder, isLocal: true, credentials), clock);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<BaselineKey>> ListAsync(CancellationToken cancellationToken = default)
    {
        if (_feed.IsLocal && !Directory.Exists(_feed.Source))
        {
            return [];
        }
        var keys = new List<BaselineKey>();
        foreach (var id in await _feed.SearchIdsAsync(BaselinePackage.IdPrefix, cancellationToken).ConfigureAwait(false))
        {
            if (await ReadNewestAsync(id, cancellationToken).ConfigureAwait(false) is { } newest)
            {
                keys.Add(BaselineFile.Parse(newest.Package.BaselineJson, newest.Source).Key);
            }
        }
        return [.. keys
            .OrderBy(k => k.Repository, StringComparer.Ordinal)
            .ThenBy(k => k.Branch, StringComparer.Ordinal)
            .ThenBy(k => k.Backend, StringComparer.Ordinal)
            .ThenBy(k => k.Environment.ToString(), StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public async Task<StoredBaseline?> ReadAsync(BaselineKey key, CancellationToken cancellationToken = default)
    {
        var newest = await ReadNewestAsync(IdOf(key), cancellationToken).ConfigureAwait(false);
        return newest is null ? null : Baseline(key, newest.Value);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<HistoryEntry>> ReadHistoryAsync(BaselineKey key, CancellationToken cancellationToken = default)
    {
        var newest = await ReadNewestAsync(IdOf(key), cancellationToken).ConfigureAwait(false);
        return newest is null ? [] : HistoryFile.Parse(newest.Value.Package.HistoryJsonl, newest.Value.Source + " history.jsonl");
    }

    /// <inheritdoc />
    public Task<StoreUpdate> UpdateAsync(BaselineKey key, RunResults results, CancellationToken cancellationToken = default) =>
        ChangeAsync(key, cancellationToken, newest =>
        {
            var history = newest?.Package.HistoryJsonl ?? "";
            var count = newest is null ? 0 : HistoryFile.Parse(history, newest.Value.Source + " history.jsonl").Count;
            if (newest is { } existing)
            {
                _ = Baseline(key, existing);
            }
            var baseline = new StoredBaseline(key, _clock.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), results);
            var entry = HistoryEntry.From(results, baseline.StoredUtc);
            var package = new BaselinePackage(BaselineFile.SerializeChecked(baseline), HistoryFile.Append(history, entry));
            return (package, new StoreUpdate(baseline, entry, count + 1));
        });

    /// <summary>
    /// Keeps the newest <paramref name="keep"/> history entries in a new revision, then deletes the older
    /// revisions (each holds only an older copy of the same history).
    /// </summary>
    public async Task<int> PruneAsync(BaselineKey key, int keep, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(keep);
        var id = IdOf(key);
        if (await ReadNewestAsync(id, cancellationToken).ConfigureAwait(false) is null)
        {
            return 0;
        }
        var removed = await ChangeAsync(key, cancellationToken, newest =>
        {
            var existing = newest!.Value;
            _ = HistoryFile.Parse(existing.Package.HistoryJsonl, existing.Source + " history.jsonl");
            var (kept, dropped) = HistoryFile.KeepNewest(existing.Package.HistoryJsonl, keep);
            return (existing.Package with { HistoryJsonl = kept }, dropped);
        }).ConfigureAwait(false);
        var versions = await _feed.VersionsAsync(id, cancellationToken).ConfigureAwait(false);
        foreach (var old in versions.Take(versions.Count - 1))
        {
            await _feed.DeleteAsync(id, old, cancellationToken).ConfigureAwait(false);
        }
        return removed;
    }

    /// <summary>Read the newest revision, compute the next one, push it; on a conflict read again and retry.</summary>
    private async Task<T> ChangeAsync<T>(BaselineKey key, CancellationToken cancellationToken, Func<Newest?, (BaselinePackage Package, T Outcome)> change)
    {
        var id = IdOf(key);
        using var held = _feed.IsLocal ? await LockLocalFeedAsync(cancellationToken).ConfigureAwait(false) : null;
        for (var attempt = 1; ; attempt++)
        {
            var newest = await ReadNewestAsync(id, cancellationToken).ConfigureAwait(false);
            var (package, outcome) = change(newest);
            var revision = (newest?.Version.Patch ?? 0) + 1;
            var identity = new PackageIdentity(id, BaselinePackage.VersionOf(revision));
            var file = Path.Combine(Path.GetTempPath(), $"{id}.{identity.Version}.{Guid.NewGuid():N}.nupkg");
            try
            {
                await using (var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write))
                {
                    package.Save(key, revision, stream);
                }
                await _feed.PushAsync(file, identity, cancellationToken).ConfigureAwait(false);
                return outcome;
            }
            catch (PackageConflictException) when (attempt < MaxAttempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(20, 200)), cancellationToken).ConfigureAwait(false);
            }
            catch (PackageConflictException e)
            {
                throw new GateException($"{Name}: {id}: {MaxAttempts} pushes in a row met a newer revision pushed by someone else; try again", e);
            }
            finally
            {
                File.Delete(file);
            }
        }
    }

    private async Task<Newest?> ReadNewestAsync(string id, CancellationToken cancellationToken)
    {
        if (_feed.IsLocal && !Directory.Exists(_feed.Source))
        {
            return null;
        }
        var versions = await _feed.VersionsAsync(id, cancellationToken).ConfigureAwait(false);
        if (versions.Count == 0)
        {
            return null;
        }
        var version = versions[^1];
        var source = $"{Name} {id} {version}";
        using var nupkg = await _feed.DownloadAsync(id, version, cancellationToken).ConfigureAwait(false)
            ?? throw new GateException($"{source}: listed by the feed but cannot be downloaded");
        return new Newest(version, BaselinePackage.Read(nupkg, source), source);
    }

    private static StoredBaseline Baseline(BaselineKey key, Newest newest)
    {
        var baseline = BaselineFile.Parse(newest.Package.BaselineJson, newest.Source + " baseline.json");
        if (baseline.Key != key)
        {
            throw new GateException($"{newest.Source}: holds the baseline of {baseline.Key}, not of {key}");
        }
        return baseline;
    }

    private async Task<StoreLock> LockLocalFeedAsync(CancellationToken cancellationToken)
    {
        try
        {
            Directory.CreateDirectory(_feed.Source);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new GateException($"{Name}: cannot create the feed folder: {e.Message}", e);
        }
        return await StoreLock.AcquireAsync(Path.Combine(_feed.Source, ".benchgate.lock"), LockTimeout, cancellationToken).ConfigureAwait(false);
    }

    private static string IdOf(BaselineKey key) => BaselinePackage.IdOf(key.Validated());

    private readonly record struct Newest(NuGetVersion Version, BaselinePackage Package, string Source);
}
