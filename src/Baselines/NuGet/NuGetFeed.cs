using System.Net;
using Gate.Core;
using NuGet.Common;
using NuGet.Configuration;
using NuGet.Packaging.Core;
using NuGet.Protocol;
using NuGet.Protocol.Core.Types;
using NuGet.Versioning;

namespace Gate.Baselines.NuGet;

/// <summary>
/// The few feed operations a baseline store needs, through NuGet.Protocol: list versions, download, push,
/// delete, search ids. Works with local folder feeds and v3 HTTP feeds. Every failure becomes a
/// <see cref="GateException"/> whose text is scrubbed of the credentials; a push of a version that already
/// exists is a <see cref="PackageConflictException"/>.
/// </summary>
internal sealed class NuGetFeed
{
    private const int PushTimeoutSeconds = 300;
    private readonly SourceRepository _repository;
    private readonly NuGetCredentials _credentials;
    private readonly bool _allowInsecureConnections;

    public NuGetFeed(string source, bool isLocal, NuGetCredentials credentials)
    {
        Source = source;
        IsLocal = isLocal;
        _credentials = credentials;
        var packageSource = new PackageSource(source, "benchgate");
        if (!isLocal)
        {
            var uri = new Uri(source);
            if (uri.Scheme == Uri.UriSchemeHttp)
            {
                // NuGet refuses plain HTTP unless told otherwise; only a feed on this machine is allowed to use it.
                if (!uri.IsLoopback)
                {
                    throw new GateException($"nuget:{source}: plain http:// is allowed only for a feed on this machine (127.0.0.1, localhost); use https://");
                }
                packageSource.AllowInsecureConnections = true;
                _allowInsecureConnections = true;
            }
            if (credentials.Username is not null && credentials.Password is not null)
            {
                packageSource.Credentials = new PackageSourceCredential(packageSource.Name, credentials.Username, credentials.Password, isPasswordClearText: true, validAuthenticationTypesText: null);
            }
        }
        _repository = Repository.Factory.GetCoreV3(packageSource);
    }

    /// <summary>The feed's location (folder or service index URL).</summary>
    public string Source { get; }

    /// <summary>True for a local folder feed.</summary>
    public bool IsLocal { get; }

    /// <summary>All versions of <paramref name="id"/>, ascending; empty when the package does not exist.</summary>
    public Task<IReadOnlyList<NuGetVersion>> VersionsAsync(string id, CancellationToken cancellationToken) =>
        Call($"listing versions of {id}", async (cache, log) =>
        {
            var finder = await FinderAsync(cancellationToken).ConfigureAwait(false);
            var versions = await finder.GetAllVersionsAsync(id, cache, log, cancellationToken).ConfigureAwait(false);
            return (IReadOnlyList<NuGetVersion>)[.. (versions ?? []).Order()];
        });

    /// <summary>The .nupkg of <paramref name="id"/> <paramref name="version"/>, or null when it does not exist.</summary>
    public Task<MemoryStream?> DownloadAsync(string id, NuGetVersion version, CancellationToken cancellationToken) =>
        Call($"downloading {id} {version}", async (cache, log) =>
        {
            var finder = await FinderAsync(cancellationToken).ConfigureAwait(false);
            var stream = new MemoryStream();
            if (!await finder.CopyNupkgToStreamAsync(id, version, stream, cache, log, cancellationToken).ConfigureAwait(false))
            {
                await stream.DisposeAsync().ConfigureAwait(false);
                return null;
            }
            stream.Position = 0;
            return stream;
        });

    /// <summary>Pushes the package at <paramref name="nupkgPath"/> (<paramref name="identity"/>).</summary>
    public Task PushAsync(string nupkgPath, PackageIdentity identity, CancellationToken cancellationToken) =>
        Call($"pushing {identity.Id} {identity.Version}", async (_, log) =>
        {
            var update = await _repository.GetResourceAsync<PackageUpdateResource>(cancellationToken).ConfigureAwait(false)
                ?? throw new GateException($"nuget:{Source}: the feed does not accept pushes (no PackagePublish resource)");
            try
            {
                await update.PushAsync(
                    [nupkgPath], symbolSource: "", PushTimeoutSeconds, disableBuffering: false,
                    getApiKey: _ => _credentials.ApiKey ?? "", getSymbolApiKey: _ => "", noServiceEndpoint: false,
                    skipDuplicate: false, allowSnupkg: false, _allowInsecureConnections, log).ConfigureAwait(false);
            }
            catch (HttpRequestException e) when (e.StatusCode == HttpStatusCode.Conflict)
            {
                throw new PackageConflictException(identity, e);
            }
            // Some refusals (for example of a plain-HTTP endpoint) are only logged, not thrown.
            ThrowLoggedErrors(log, $"pushing {identity.Id} {identity.Version}");
            return true;
        });

    /// <summary>Deletes (or, where the feed only unlists, unlists) <paramref name="id"/> <paramref name="version"/>.</summary>
    public Task DeleteAsync(string id, NuGetVersion version, CancellationToken cancellationToken) =>
        Call($"deleting {id} {version}", async (_, log) =>
        {
            var update = await _repository.GetResourceAsync<PackageUpdateResource>(cancellationToken).ConfigureAwait(false)
                ?? throw new GateException($"nuget:{Source}: the feed does not accept deletions (no PackagePublish resource)");
            await update.Delete(id, version.ToNormalizedString(), _ => _credentials.ApiKey ?? "", _ => true, noServiceEndpoint: false, _allowInsecureConnections, log).ConfigureAwait(false);
            ThrowLoggedErrors(log, $"deleting {id} {version}");
            return true;
        });

    /// <summary>The ids of the packages whose id starts with <paramref name="prefix"/> (the feed's search service).</summary>
    public Task<IReadOnlyList<string>> SearchIdsAsync(string prefix, CancellationToken cancellationToken) =>
        Call($"searching {prefix}", async (_, log) =>
        {
            var search = await _repository.GetResourceAsync<PackageSearchResource>(cancellationToken).ConfigureAwait(false)
                ?? throw new GateException($"nuget:{Source}: the feed has no search service, so its baselines cannot be listed");
            var ids = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
            const int page = 100;
            for (var skip = 0; ; skip += page)
            {
                var found = (await search.SearchAsync(prefix, new SearchFilter(includePrerelease: true), skip, page, log, cancellationToken).ConfigureAwait(false)).ToList();
                ids.UnionWith(found.Select(p => p.Identity.Id).Where(id => id.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)));
                if (found.Count < page)
                {
                    return (IReadOnlyList<string>)[.. ids];
                }
            }
        });

    private void ThrowLoggedErrors(ILogger log, string what)
    {
        if (log is CollectingLogger { Errors.Count: > 0 } collecting)
        {
            throw new GateException(_credentials.Scrub($"nuget:{Source}: {what} failed: {string.Join("; ", collecting.Errors)}"));
        }
    }

    private async Task<FindPackageByIdResource> FinderAsync(CancellationToken cancellationToken) =>
        await _repository.GetResourceAsync<FindPackageByIdResource>(cancellationToken).ConfigureAwait(false)
            ?? throw new GateException($"nuget:{Source}: not a NuGet feed (no package base address)");

    private async Task<T> Call<T>(string what, Func<SourceCacheContext, ILogger, Task<T>> action)
    {
        // No HTTP cache: a store must see the version another process pushed a second ago.
        using var cache = new SourceCacheContext { NoCache = true, DirectDownload = true, RefreshMemoryCache = true };
        var log = new CollectingLogger();
        try
        {
            return await action(cache, log).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not (GateException or PackageConflictException or OperationCanceledException))
        {
            var detail = e.InnerException is { } inner && !e.Message.Contains(inner.Message, StringComparison.Ordinal) ? $"{e.Message} ({inner.Message})" : e.Message;
            var logged = log.Errors.Count > 0 ? "; " + string.Join("; ", log.Errors) : "";
            throw new GateException(_credentials.Scrub($"nuget:{Source}: {what} failed: {detail.Split('\n')[0].Trim()}{logged}"), e);
        }
    }

    /// <summary>Keeps NuGet's warnings and errors for messages; prints nothing.</summary>
    private sealed class CollectingLogger : LoggerBase
    {
        public List<string> Errors { get; } = [];

        public override void Log(ILogMessage message)
        {
            if (message.Level >= LogLevel.Error)
            {
                lock (Errors)
                {
                    Errors.Add(message.Message.Split('\n')[0].Trim());
                }
            }
        }

        public override Task LogAsync(ILogMessage message)
        {
            Log(message);
            return Task.CompletedTask;
        }
    }
}

/// <summary>The feed already has the version that was pushed: another process pushed first.</summary>
public sealed class PackageConflictException : Exception
{
    /// <summary>Creates the exception for <paramref name="identity"/>.</summary>
    public PackageConflictException(PackageIdentity identity, Exception inner)
        : base($"{identity.Id} {identity.Version} already exists", inner) => Identity = identity;

    /// <summary>Creates the exception with a message.</summary>
    public PackageConflictException(string message) : base(message) => Identity = null;

    /// <summary>Creates the exception with a message and cause.</summary>
    public PackageConflictException(string message, Exception inner) : base(message, inner) => Identity = null;

    /// <summary>Creates the exception.</summary>
    public PackageConflictException() => Identity = null;

    /// <summary>The package that already existed.</summary>
    public PackageIdentity? Identity { get; }
}
