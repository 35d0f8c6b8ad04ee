using Gate.Baselines.Keys;
using Gate.Baselines.Storage;
using Gate.Core;

namespace Gate.Baselines.Tests.Storage;

public sealed class DirectoryStoreTests : StoreBehaviourTests
{
    private string Root => Temp.Combine("store");

    protected override IBaselineStore OpenStore() => new DirectoryStore(Root, Clock);

    protected override Task DamageBaselineAsync(IBaselineStore store, BaselineKey key, Func<string, string> change)
    {
        var path = ((DirectoryStore)store).BaselinePathOf(key);
        File.WriteAllText(path, change(File.ReadAllText(path)));
        return Task.CompletedTask;
    }

    protected override Task<string> SnapshotAsync() => Task.FromResult(StoreSnapshots.OfDirectory(Temp.Path));

    [Fact]
    public async Task Update_FirstBaseline_WritesReadableFilesWhereTheLayoutSays()
    {
        // Given results measured on a branch with a slash
        var results = Support.SampleResults.Fixture("edge-numbers.results.json");
        var key = BaselineKey.For(results, "owner/repo", "feature/edge-numbers");

        // When stored
        await OpenStore().UpdateAsync(key, results);

        // Then repository and branch are one encoded segment each, next to a .gitignore for lock and temporary files
        var stem = Path.Combine(Root, "owner%2Frepo", "feature%2Fedge-numbers", $"go-{key.EnvironmentId}");
        Assert.True(File.Exists(stem + ".baseline.json"));
        Assert.Single(File.ReadAllLines(stem + ".history.jsonl"));
        Assert.Equal([".lock", ".*.tmp"], File.ReadAllLines(Path.Combine(Root, ".gitignore")).Where(l => !l.StartsWith('#')));
        Assert.StartsWith("{\n  \"$schema\": \"" + BaselineFile.SchemaId + "\",\n  \"schemaVersion\": 1,\n  \"key\": {\n    \"repository\": \"owner/repo\",", File.ReadAllText(stem + ".baseline.json"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_LeftoverTemporaryFileOfADeadProcess_IsRemovedAndNeverRead()
    {
        // Given a half-written temporary file left by a process that no longer runs
        var results = Support.SampleResults.Synthetic("c1", 1e-6);
        var key = BaselineKey.For(results, "owner/repo", "main");
        var store = (DirectoryStore)OpenStore();
        await store.UpdateAsync(key, results);
        var directory = Path.GetDirectoryName(store.BaselinePathOf(key))!;
        var leftover = Path.Combine(directory, $".{Path.GetFileName(store.BaselinePathOf(key))}.{int.MaxValue - 7}.0123456789abcdef.tmp");
        File.WriteAllText(leftover, "{ \"schemaVersion\": 1, \"key\"");

        // When the store is listed and updated again
        Assert.Single(await store.ListAsync());
        await store.UpdateAsync(key, Support.SampleResults.Synthetic("c2", 2e-6));

        // Then the leftover is gone
        Assert.False(File.Exists(leftover));
    }

    [Fact]
    public async Task Update_BaselineFileMovedToAnotherKey_FailsInsteadOfMixingKeys()
    {
        // Given a baseline file copied by hand to where another CPU's baseline belongs
        var store = (DirectoryStore)OpenStore();
        var results = Support.SampleResults.Synthetic("c1", 1e-6);
        var key = BaselineKey.For(results, "owner/repo", "main");
        await store.UpdateAsync(key, results);
        var other = key with { Environment = key.Environment with { Cpu = "Other CPU" } };
        File.Copy(store.BaselinePathOf(key), store.BaselinePathOf(other));

        // When the other key is read
        var error = await Assert.ThrowsAsync<GateException>(() => store.ReadAsync(other));

        // Then it says the file holds a different key
        Assert.Contains("not of owner/repo main", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_StoreLockedByAnotherHolder_WaitsThenFailsClearly()
    {
        // Given another holder of the store's lock
        var store = new DirectoryStore(Root, Clock) { LockTimeout = TimeSpan.FromMilliseconds(300) };
        Directory.CreateDirectory(Root);
        using var held = await StoreLock.AcquireAsync(Path.Combine(Root, ".lock"), TimeSpan.FromSeconds(1), CancellationToken.None);
        var results = Support.SampleResults.Synthetic("c1", 1e-6);

        // When an update runs
        var error = await Assert.ThrowsAsync<GateException>(() => store.UpdateAsync(BaselineKey.For(results, "owner/repo", "main"), results));

        // Then it gave up with a message that says why, and wrote nothing
        Assert.Contains("another benchgate is updating this store", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(Root, "*.json", SearchOption.AllDirectories));
    }
}
