using Gate.Baselines.Keys;
using Gate.Baselines.NuGet;
using Gate.Baselines.Storage;
using Gate.Baselines.Tests.Support;
using Gate.Core;
using NuGet.Packaging.Core;

namespace Gate.Baselines.Tests.Storage;

/// <summary>The store behaviour tests against a local folder feed.</summary>
public sealed class LocalFeedStoreTests : StoreBehaviourTests
{
    private string Folder => Temp.Combine("feed");

    protected override IBaselineStore OpenStore() => NuGetStore.Open(Folder, Temp.Path, _ => null, Clock);

    protected override Task DamageBaselineAsync(IBaselineStore store, BaselineKey key, Func<string, string> change) =>
        FeedDamage.PushChangedRevisionAsync(new NuGetFeed(Folder, isLocal: true, new NuGetCredentials(null, null, null)), key, change);

    protected override Task<string> SnapshotAsync() => Task.FromResult(StoreSnapshots.OfDirectory(Temp.Path));

    [Fact]
    public async Task Update_TwoRuns_PushesOnePackageVersionPerRun()
    {
        // Given two runs
        var results = SampleResults.Synthetic("c1", 1e-6);
        var key = BaselineKey.For(results, "owner/repo", "main");

        // When both are stored
        await OpenStore().UpdateAsync(key, results);
        await OpenStore().UpdateAsync(key, SampleResults.Synthetic("c2", 2e-6));

        // Then the folder holds two versions of the key's package
        var id = BaselinePackage.IdOf(key);
        Assert.StartsWith("BenchGate.Baseline.owner-repo.main.go.", id, StringComparison.Ordinal);
        Assert.Equal(["1.0.1", "1.0.2"], Directory.EnumerateFiles(Folder, "*.nupkg", SearchOption.AllDirectories).Select(f => Path.GetFileName(f)[(id.Length + 1)..^".nupkg".Length]).Order());
    }
}

/// <summary>The store behaviour tests against a v3 feed served over HTTP on 127.0.0.1, with credentials required.</summary>
public sealed class HttpFeedStoreTests : StoreBehaviourTests
{
    private const string ApiKey = "test-api-key-5f3e9a";
    private const string User = "feed-user";
    private const string Password = "feed-password-81c2d7";
    private TestFeedServer? _server;

    private TestFeedServer Server => _server ?? throw new InvalidOperationException("not started");

    public override async Task InitializeAsync() => _server = await TestFeedServer.StartAsync(ApiKey, User, Password);

    public override async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        await base.DisposeAsync();
    }

    protected override IBaselineStore OpenStore() => NuGetStore.Open(Server.IndexUrl, Temp.Path, Credentials(ApiKey), Clock);

    protected override Task DamageBaselineAsync(IBaselineStore store, BaselineKey key, Func<string, string> change) =>
        FeedDamage.PushChangedRevisionAsync(new NuGetFeed(Server.IndexUrl, isLocal: false, new NuGetCredentials(ApiKey, User, Password)), key, change);

    protected override Task<string> SnapshotAsync() =>
        Task.FromResult(string.Join('\n', Server.Ids.Order(StringComparer.Ordinal).SelectMany(id => Server.VersionsOf(id).Select(v => id + " " + v))));

    [Fact]
    public async Task Update_WithCredentialsFromTheEnvironment_SendsThemAndNeverShowsThem()
    {
        // Given a feed that wants an API key for pushes and basic authentication for everything
        var results = SampleResults.Synthetic("c1", 1e-6);
        var key = BaselineKey.For(results, "owner/repo", "main");

        // When a store opened with the right credentials updates, and one with a wrong key tries
        await OpenStore().UpdateAsync(key, results);
        var wrong = NuGetStore.Open(Server.IndexUrl, Temp.Path, Credentials("wrong-key-0a1b2c"), Clock);
        var error = await Assert.ThrowsAsync<GateException>(() => wrong.UpdateAsync(key, SampleResults.Synthetic("c2", 2e-6)));

        // Then the push carried the key, the refusal is clear, and no secret appears in the message
        Assert.Contains(Server.Requests, r => r.StartsWith("PUT /api/v2/package", StringComparison.Ordinal) && r.EndsWith("key=" + ApiKey, StringComparison.Ordinal));
        Assert.Contains("403", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-key-0a1b2c", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Password, error.ToString(), StringComparison.Ordinal);
        Assert.Equal(["1.0.1"], Server.VersionsOf(BaselinePackage.IdOf(key)));
    }

    [Fact]
    public async Task Read_WithoutCredentials_FailsClearly()
    {
        // Given a baseline on a feed that requires authentication
        var results = SampleResults.Synthetic("c1", 1e-6);
        var key = BaselineKey.For(results, "owner/repo", "main");
        await OpenStore().UpdateAsync(key, results);

        // When a store without credentials reads it
        var anonymous = NuGetStore.Open(Server.IndexUrl, Temp.Path, _ => null, Clock);
        var error = await Assert.ThrowsAsync<GateException>(() => anonymous.ReadAsync(key));

        // Then the error says it failed against this feed
        Assert.Contains("nuget:" + Server.IndexUrl, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_RacingPushes_RetryAfterTheFeedRefusesAnExistingVersion()
    {
        // Given several updates started together
        var key = BaselineKey.For(SampleResults.Synthetic("c0", 1e-6), "owner/repo", "main");

        // When they race
        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => OpenStore().UpdateAsync(key, SampleResults.Synthetic($"r{i}", 1e-6)))));

        // Then the feed refused at least one duplicate version, and the newest revision's history has all four
        Assert.True(Server.Conflicts > 0, "no push met a conflict; the race did not happen");
        Assert.Equal(4, (await OpenStore().ReadHistoryAsync(key)).Count);
    }

    [Fact]
    public async Task Prune_ManyRevisions_KeepsOnlyTheNewestPackageVersion()
    {
        // Given four revisions on the feed
        var key = BaselineKey.For(SampleResults.Synthetic("c0", 1e-6), "owner/repo", "main");
        for (var i = 0; i < 4; i++)
        {
            await OpenStore().UpdateAsync(key, SampleResults.Synthetic($"c{i}", 1e-6));
        }

        // When pruned to two history entries
        await OpenStore().PruneAsync(key, 2);

        // Then one version is left (the pruned revision 5), holding the newest two entries
        Assert.Equal(["1.0.5"], Server.VersionsOf(BaselinePackage.IdOf(key)));
        Assert.Equal(["c2", "c3"], (await OpenStore().ReadHistoryAsync(key)).Select(e => e.Commit));
    }

    [Fact]
    public void Open_PlainHttpToAnotherMachine_IsRefused()
    {
        var error = Assert.Throws<GateException>(() => NuGetStore.Open("http://192.0.2.10/v3/index.json", Temp.Path, _ => null, Clock));

        Assert.Contains("plain http:// is allowed only for a feed on this machine", error.Message, StringComparison.Ordinal);
    }

    private static Func<string, string?> Credentials(string apiKey) => name => name switch
    {
        NuGetCredentials.ApiKeyVariable => apiKey,
        NuGetCredentials.UsernameVariable => User,
        NuGetCredentials.PasswordVariable => Password,
        _ => null,
    };
}

/// <summary>Damages a feed's newest baseline the way a broken writer would: a next revision with changed baseline.json.</summary>
internal static class FeedDamage
{
    public static async Task PushChangedRevisionAsync(NuGetFeed feed, BaselineKey key, Func<string, string> change)
    {
        var id = BaselinePackage.IdOf(key);
        var versions = await feed.VersionsAsync(id, CancellationToken.None);
        using var nupkg = await feed.DownloadAsync(id, versions[^1], CancellationToken.None);
        var package = BaselinePackage.Read(nupkg!, "test");
        var damaged = package with { BaselineJson = change(package.BaselineJson) };
        var revision = versions[^1].Patch + 1;
        var file = Path.Combine(Path.GetTempPath(), $"damaged-{Guid.NewGuid():N}.nupkg");
        try
        {
            await using (var stream = File.Create(file))
            {
                damaged.Save(key, revision, stream);
            }
            await feed.PushAsync(file, new PackageIdentity(id, BaselinePackage.VersionOf(revision)), CancellationToken.None);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
