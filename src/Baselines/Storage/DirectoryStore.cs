using System.Diagnostics;
using System.Globalization;
using Gate.Baselines.History;
using Gate.Baselines.Keys;
using Gate.Core;
using Gate.Core.IO;
using Gate.Core.Results;

namespace Gate.Baselines.Storage;

/// <summary>
/// <c>dir:PATH</c>: baselines as human-diffable files that a team may commit.
/// <code>
/// PATH/.gitignore                                   ignores the lock file and temporary files
/// PATH/.lock                                        held while a process changes the store
/// PATH/REPOSITORY/BRANCH/BACKEND-ENVID.baseline.json   the baseline file (schema baseline.v1)
/// PATH/REPOSITORY/BRANCH/BACKEND-ENVID.history.jsonl   its history, one JSON line per stored run
/// </code>
/// REPOSITORY and BRANCH are one path segment each (see <see cref="KeyNames.Segment"/>); ENVID is
/// <see cref="BaselineKey.EnvironmentId"/>. Every file is replaced atomically, and only under the lock.
/// </summary>
public sealed class DirectoryStore(string root, TimeProvider clock) : IBaselineStore
{
    private const string BaselineSuffix = ".baseline.json";
    private const string HistorySuffix = ".history.jsonl";
    private readonly string _root = Path.GetFullPath(root);

    /// <inheritdoc />
    public string Name => "dir:" + _root;

    /// <summary>How long an update waits for another one to finish.</summary>
    public TimeSpan LockTimeout { get; init; } = StoreLock.DefaultTimeout;

    /// <inheritdoc />
    public Task<IReadOnlyList<BaselineKey>> ListAsync(CancellationToken cancellationToken = default)
    {
        if (File.Exists(_root))
        {
            throw new GateException($"{_root}: a file, not a directory of baselines");
        }
        if (!Directory.Exists(_root))
        {
            return Task.FromResult<IReadOnlyList<BaselineKey>>([]);
        }
        var keys = Directory.EnumerateFiles(_root, "*" + BaselineSuffix, SearchOption.AllDirectories)
            .Where(path => !Path.GetFileName(path).StartsWith('.'))
            .Select(path => BaselineFile.Parse(FileText.Read(path), path).Key)
            .OrderBy(k => k.Repository, StringComparer.Ordinal)
            .ThenBy(k => k.Branch, StringComparer.Ordinal)
            .ThenBy(k => k.Backend, StringComparer.Ordinal)
            .ThenBy(k => k.Environment.ToString(), StringComparer.Ordinal)
            .ToList();
        return Task.FromResult<IReadOnlyList<BaselineKey>>(keys);
    }

    /// <inheritdoc />
    public Task<StoredBaseline?> ReadAsync(BaselineKey key, CancellationToken cancellationToken = default) =>
        Task.FromResult(ReadBaseline(key));

    /// <inheritdoc />
    public Task<IReadOnlyList<HistoryEntry>> ReadHistoryAsync(BaselineKey key, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key, HistorySuffix);
        return Task.FromResult(File.Exists(path) ? HistoryFile.Parse(FileText.Read(path), path) : (IReadOnlyList<HistoryEntry>)[]);
    }

    /// <inheritdoc />
    public async Task<StoreUpdate> UpdateAsync(BaselineKey key, RunResults results, CancellationToken cancellationToken = default)
    {
        var baselinePath = PathOf(key, BaselineSuffix);
        var historyPath = PathOf(key, HistorySuffix);
        using var held = await LockAsync(cancellationToken).ConfigureAwait(false);
        // Read (and so check) everything before changing anything.
        _ = ReadBaseline(key);
        var history = File.Exists(historyPath) ? FileText.Read(historyPath) : "";
        var count = HistoryFile.Parse(history, historyPath).Count;

        var baseline = new StoredBaseline(key, Now(), results);
        var entry = HistoryEntry.From(results, baseline.StoredUtc);
        var directory = Path.GetDirectoryName(baselinePath)!;
        CreateDirectory(directory);
        RemoveStaleTemporaryFiles(directory);
        AtomicFile.WriteAllText(baselinePath, BaselineFile.SerializeChecked(baseline));
        AtomicFile.WriteAllText(historyPath, HistoryFile.Append(history, entry));
        return new StoreUpdate(baseline, entry, count + 1);
    }

    /// <inheritdoc />
    public async Task<int> PruneAsync(BaselineKey key, int keep, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(keep);
        var historyPath = PathOf(key, HistorySuffix);
        if (!File.Exists(historyPath))
        {
            return 0;
        }
        using var held = await LockAsync(cancellationToken).ConfigureAwait(false);
        var history = FileText.Read(historyPath);
        _ = HistoryFile.Parse(history, historyPath);
        var (kept, removed) = HistoryFile.KeepNewest(history, keep);
        if (removed > 0)
        {
            AtomicFile.WriteAllText(historyPath, kept);
        }
        return removed;
    }

    private StoredBaseline? ReadBaseline(BaselineKey key)
    {
        var path = PathOf(key, BaselineSuffix);
        if (!File.Exists(path))
        {
            return null;
        }
        var baseline = BaselineFile.Parse(FileText.Read(path), path);
        if (baseline.Key != key)
        {
            throw new GateException($"{path}: holds the baseline of {baseline.Key}, not of {key}; the file was moved or edited by hand");
        }
        return baseline;
    }

    /// <summary>The baseline file of <paramref name="key"/> (for tests and messages).</summary>
    internal string BaselinePathOf(BaselineKey key) => PathOf(key, BaselineSuffix);

    private string PathOf(BaselineKey key, string suffix)
    {
        key.Validated();
        var path = Path.GetFullPath(Path.Combine(
            _root, KeyNames.Segment(key.Repository), KeyNames.Segment(key.Branch), $"{key.Backend}-{key.EnvironmentId}{suffix}"));
        if (!path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new GateException($"the key {key} would leave the store {_root}");
        }
        return path;
    }

    private async Task<StoreLock> LockAsync(CancellationToken cancellationToken)
    {
        CreateDirectory(_root);
        var ignore = Path.Combine(_root, ".gitignore");
        var held = await StoreLock.AcquireAsync(Path.Combine(_root, ".lock"), LockTimeout, cancellationToken).ConfigureAwait(false);
        if (!File.Exists(ignore))
        {
            AtomicFile.WriteAllText(ignore, "# benchgate: the lock file and interrupted writes are not part of the baselines\n.lock\n.*.tmp\n");
        }
        return held;
    }

    private string Now() => clock.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static void CreateDirectory(string directory)
    {
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new GateException($"cannot create {directory}: {e.Message}", e);
        }
    }

    /// <summary>Deletes temporary files (<c>.NAME.PID.GUID.tmp</c>) that a killed writer left; called under the lock.</summary>
    private static void RemoveStaleTemporaryFiles(string directory)
    {
        foreach (var file in Directory.EnumerateFiles(directory, ".*.tmp"))
        {
            var parts = Path.GetFileName(file).Split('.');
            if (parts.Length >= 4 && int.TryParse(parts[^3], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && !IsRunning(pid))
            {
                try
                {
                    File.Delete(file);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Harmless: it is ignored by every reader and by git.
                }
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
