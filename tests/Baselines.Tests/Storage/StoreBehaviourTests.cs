using Gate.Baselines.Keys;
using Gate.Baselines.Storage;
using Gate.Baselines.Tests.Support;
using Gate.Core;
using Gate.Core.Results;
using Gate.TestUtilities;

namespace Gate.Baselines.Tests.Storage;

/// <summary>
/// What every store must do, run against each store: the directory store, a local folder NuGet feed and a
/// v3 NuGet feed over HTTP. Subclasses say how to open the store and how to damage what it holds.
/// </summary>
public abstract class StoreBehaviourTests : IAsyncLifetime
{
    protected TempDirectory Temp { get; } = new();

    protected FakeClock Clock { get; } = new();

    /// <summary>
    /// Opens the test's store (empty at the start of each test: xunit makes a new instance per test). Each call
    /// opens a new store object over the same place, as another process would.
    /// </summary>
    protected abstract IBaselineStore OpenStore();

    /// <summary>Replaces the stored baseline file text of <paramref name="key"/> by <paramref name="change"/>(text), as a broken writer or a hand edit would.</summary>
    protected abstract Task DamageBaselineAsync(IBaselineStore store, BaselineKey key, Func<string, string> change);

    /// <summary>Everything the store holds, as comparable text (files and their contents, or packages and versions).</summary>
    protected abstract Task<string> SnapshotAsync();

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync()
    {
        Temp.Dispose();
        return Task.CompletedTask;
    }

    protected static BaselineKey KeyOf(RunResults results, string branch = "main") => BaselineKey.For(results, "owner/repo", branch);

    [Theory]
    [InlineData("examples-go1.23.results.json")]
    [InlineData("edge-numbers.results.json")]
    public async Task UpdateThenRead_RoundTrip_KeepsEveryNumberBitForBit(string fixture)
    {
        // Given a real results file and one with hard doubles
        var results = SampleResults.Fixture(fixture);
        var store = OpenStore();
        var key = KeyOf(results, results.Environment.GitBranch!);

        // When it is stored and read back (through a newly opened store)
        await store.UpdateAsync(key, results);
        var read = await OpenStore().ReadAsync(key);

        // Then every number has the same bits, and the results serialize to the same text
        Assert.NotNull(read);
        Assert.Equal(key, read.Key);
        Assert.Equal(SampleResults.NumberBits(results), SampleResults.NumberBits(read.Results));
        Assert.Equal(ResultsJson.Serialize(results), ResultsJson.Serialize(read.Results));
        Assert.Equal(results.Failures, read.Results.Failures);
    }

    [Fact]
    public async Task UpdateThenRead_DetachedHeadWithoutGitFacts_StaysReadable()
    {
        // Given results measured outside git: no commit, no branch, no start time, no CPU model
        var measured = SampleResults.Synthetic("c1", 1e-6);
        var results = measured with { Environment = measured.Environment with { GitCommit = null, GitBranch = null, StartedUtc = null, Cpu = null } };
        var key = KeyOf(results);

        // When they are stored twice and read back
        await OpenStore().UpdateAsync(key, results);
        await OpenStore().UpdateAsync(key, results);

        // Then the baseline and both history entries read back, with the unknowns still unknown
        var read = await OpenStore().ReadAsync(key);
        Assert.Null(read!.Results.Environment.GitCommit);
        Assert.Null(read.Key.Environment.Cpu);
        var history = await OpenStore().ReadHistoryAsync(key);
        Assert.Equal(2, history.Count);
        Assert.All(history, e => Assert.Null(e.Commit));
    }

    [Fact]
    public async Task Update_SeveralRuns_AppendsHistoryOldestFirstAndKeepsNewestBaseline()
    {
        // Given three runs of the same key
        var store = OpenStore();
        var runs = new[] { ("c1", 1.0e-6), ("c2", 1.1e-6), ("c3", 1.2e-6) };
        var key = KeyOf(SampleResults.Synthetic("c1", 1.0e-6));

        // When each is stored in turn
        foreach (var (commit, value) in runs)
        {
            Clock.Advance(TimeSpan.FromDays(1));
            var update = await store.UpdateAsync(key, SampleResults.Synthetic(commit, value, value * 1.01));
            Assert.Equal(commit, update.Entry.Commit);
        }

        // Then history holds all three in order with their medians, and the baseline is the newest
        var history = await store.ReadHistoryAsync(key);
        Assert.Equal(["c1", "c2", "c3"], history.Select(e => e.Commit));
        Assert.Equal(1.2e-6 * 1.005, history[2].Find(SampleResults.Package + " BenchmarkA", "sec/op")!.Median, 1e-18);
        Assert.Equal("c3", (await store.ReadAsync(key))!.Results.Environment.GitCommit);
        Assert.Equal("2026-01-04T00:00:00Z", history[2].StoredUtc);
    }

    [Fact]
    public async Task List_TwoKeys_ReturnsBothAndNothingElse()
    {
        // Given an empty store, then baselines of two branches
        var store = OpenStore();
        Assert.Empty(await store.ListAsync());
        var main = SampleResults.Synthetic("c1", 1e-6);
        var feature = SampleResults.Synthetic("c2", "feature/x", [2e-6]);

        // When both are stored
        await store.UpdateAsync(KeyOf(main), main);
        await store.UpdateAsync(KeyOf(feature, "feature/x"), feature);

        // Then the listing has exactly those keys
        Assert.Equal([KeyOf(feature, "feature/x"), KeyOf(main)], await store.ListAsync());
    }

    [Fact]
    public async Task Read_UnknownKey_IsNullAndHistoryEmpty()
    {
        // Given a store with one baseline
        var store = OpenStore();
        var results = SampleResults.Synthetic("c1", 1e-6);
        await store.UpdateAsync(KeyOf(results), results);

        // When another CPU's key is read
        var other = KeyOf(SampleResults.Synthetic("c1", "main", [1e-6], cpu: "Other CPU"));

        // Then there is nothing
        Assert.Null(await store.ReadAsync(other));
        Assert.Empty(await store.ReadHistoryAsync(other));
    }

    [Theory]
    [InlineData("../../escaped")]
    [InlineData("a/../../b")]
    [InlineData("/absolute")]
    [InlineData("..")]
    public async Task Update_BranchThatWouldLeaveTheStore_FailsClearlyAndTouchesNothing(string branch)
    {
        // Given a store that holds one baseline
        var store = OpenStore();
        var results = SampleResults.Synthetic("c1", 1e-6);
        await store.UpdateAsync(KeyOf(results), results);
        var before = await SnapshotAsync();

        // When a key with an escaping branch name is stored
        var key = new BaselineKey("owner/repo", branch, "go", KeyOf(results).Environment);
        var error = await Assert.ThrowsAsync<GateException>(() => store.UpdateAsync(key, results));

        // Then the error names the branch, and nothing in or next to the store changed
        Assert.Contains("is not a valid git branch name", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
        Assert.False(Path.Exists(Path.Combine(Path.GetDirectoryName(Temp.Path)!, "escaped")));
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("garbage")]
    public async Task ReadAndUpdate_CorruptedBaseline_FailClearlyAndTouchNothing(string damage)
    {
        // Given a stored baseline whose file was then truncated or overwritten
        var store = OpenStore();
        var results = SampleResults.Synthetic("c1", 1e-6);
        var key = KeyOf(results);
        await store.UpdateAsync(key, results);
        await DamageBaselineAsync(store, key, text => damage == "truncated" ? text[..(text.Length / 2)] : "{ this is not json");
        var before = await SnapshotAsync();

        // When it is read, and when an update is attempted
        var read = await Assert.ThrowsAsync<GateException>(() => store.ReadAsync(key));
        var update = await Assert.ThrowsAsync<GateException>(() => store.UpdateAsync(key, SampleResults.Synthetic("c2", 2e-6)));

        // Then both say the file is corrupted, and the store is exactly as it was
        Assert.Contains("corrupted or truncated", read.Message, StringComparison.Ordinal);
        Assert.Contains("corrupted or truncated", update.Message, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task ReadAndUpdate_NewerSchemaVersion_FailClearlyAndTouchNothing()
    {
        // Given a baseline written by a newer BenchGate (schema version 2)
        var store = OpenStore();
        var results = SampleResults.Synthetic("c1", 1e-6);
        var key = KeyOf(results);
        await store.UpdateAsync(key, results);
        await DamageBaselineAsync(store, key, text => text.Replace("\"schemaVersion\": 1,\n  \"key\"", "\"schemaVersion\": 2,\n  \"key\"", StringComparison.Ordinal));
        var before = await SnapshotAsync();

        // When it is read, and when an update is attempted
        var read = await Assert.ThrowsAsync<GateException>(() => store.ReadAsync(key));
        var update = await Assert.ThrowsAsync<GateException>(() => store.UpdateAsync(key, SampleResults.Synthetic("c2", 2e-6)));

        // Then both say a newer BenchGate wrote it, and nothing changed
        Assert.Contains("schema version 2 was written by a newer BenchGate", read.Message, StringComparison.Ordinal);
        Assert.Contains("schema version 2 was written by a newer BenchGate", update.Message, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Prune_KeepTwo_KeepsTheNewestTwoEntriesAndTheBaseline()
    {
        // Given five runs
        var store = OpenStore();
        var key = KeyOf(SampleResults.Synthetic("c0", 1e-6));
        for (var i = 0; i < 5; i++)
        {
            await store.UpdateAsync(key, SampleResults.Synthetic($"c{i}", 1e-6 * (1 + i)));
        }

        // When pruned to two
        var removed = await store.PruneAsync(key, 2);

        // Then three are gone and the newest two and the baseline remain
        Assert.Equal(3, removed);
        Assert.Equal(["c3", "c4"], (await store.ReadHistoryAsync(key)).Select(e => e.Commit));
        Assert.Equal("c4", (await store.ReadAsync(key))!.Results.Environment.GitCommit);
        Assert.Equal(0, await store.PruneAsync(key, 2));
    }

    [Fact]
    [Trait(Traits.Category, Traits.Slow)]
    public async Task Update_SixAtOnce_KeepsEveryHistoryEntry()
    {
        // Given six updates of one key started together (separate store objects, as separate processes would be)
        var key = KeyOf(SampleResults.Synthetic("c0", 1e-6));
        var commits = Enumerable.Range(0, 6).Select(i => $"parallel-{i}").ToList();

        // When they run concurrently
        await Task.WhenAll(commits.Select(commit => Task.Run(() => OpenStore().UpdateAsync(key, SampleResults.Synthetic(commit, 1e-6)))));

        // Then every entry is in the history exactly once
        var history = await OpenStore().ReadHistoryAsync(key);
        Assert.Equal(commits.Order(), history.Select(e => e.Commit!).Order());
    }
}

/// <summary>A clock the tests move by hand.</summary>
public sealed class FakeClock : TimeProvider
{
    private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public void Advance(TimeSpan by) => _now += by;

    public override DateTimeOffset GetUtcNow() => _now;
}
