using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Gate.TestUtilities;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NuGet.Packaging;

namespace Gate.Baselines.Tests.Support;

/// <summary>
/// A real NuGet v3 HTTP feed on 127.0.0.1 (in-process Kestrel), implementing what the NuGet client uses:
/// the service index, PackagePublish/2.0.0 (PUT multipart push with X-NuGet-ApiKey, 409 on an existing
/// version, DELETE), PackageBaseAddress/3.0.0 (flat container: versions index and .nupkg download) and
/// SearchQueryService (id search). Optionally requires an API key for writes and basic authentication for
/// everything, like GitHub Packages. Records the requests it saw.
/// </summary>
public sealed class TestFeedServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<(string Id, string Version), byte[]> _packages = new();
    private readonly Dictionary<string, string> _idCasing = new(StringComparer.OrdinalIgnoreCase);
    private readonly object _gate = new();
    private readonly string? _apiKey;
    private readonly string? _basic;

    private TestFeedServer(WebApplication app, string? apiKey, string? basic)
    {
        _app = app;
        _apiKey = apiKey;
        _basic = basic;
    }

    /// <summary>The service index URL, the feed's address for NuGet clients.</summary>
    public string IndexUrl => BaseUrl + "/v3/index.json";

    public string BaseUrl { get; private set; } = "";

    /// <summary>Every request: method, path and the headers that carried credentials.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Pushes refused because the version existed.</summary>
    public int Conflicts => _conflicts;

    private int _conflicts;

    /// <summary>Starts a feed on a free loopback port.</summary>
    public static async Task<TestFeedServer> StartAsync(string? apiKey = null, string? username = null, string? password = null)
    {
        var basic = username is null ? null : "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}"));
        var app = LoopbackServer.Create();
        var server = new TestFeedServer(app, apiKey, basic);
        server.Map(app);
        server.BaseUrl = await LoopbackServer.StartAsync(app);
        return server;
    }

    /// <summary>The versions the feed holds for <paramref name="id"/>.</summary>
    public IReadOnlyList<string> VersionsOf(string id) => [.. _packages.Keys.Where(k => k.Id == id.ToLowerInvariant()).Select(k => k.Version).Order(StringComparer.Ordinal)];

    /// <summary>The ids the feed holds.</summary>
    public IReadOnlyList<string> Ids => [.. _packages.Keys.Select(k => k.Id).Distinct()];

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var authorization = context.Request.Headers.Authorization.ToString();
            Requests.Enqueue($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString} auth={authorization} key={context.Request.Headers["X-NuGet-ApiKey"]}");
            if (_basic is not null && authorization != _basic)
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = "Basic realm=\"test feed\"";
                return;
            }
            await next(context);
            Requests.Enqueue($"  -> {context.Response.StatusCode} {context.Response.ContentType}");
        });
        app.MapGet("/v3/index.json", () => Results.Json(new
        {
            version = "3.0.0",
            resources = new object[]
            {
                new Dictionary<string, string> { ["@id"] = BaseUrl + "/api/v2/package", ["@type"] = "PackagePublish/2.0.0" },
                new Dictionary<string, string> { ["@id"] = BaseUrl + "/v3/flatcontainer/", ["@type"] = "PackageBaseAddress/3.0.0" },
                new Dictionary<string, string> { ["@id"] = BaseUrl + "/v3/search", ["@type"] = "SearchQueryService/3.0.0-beta" },
            },
        }));
        app.MapPut("/api/v2/package", (HttpRequest request) => PushAsync(request));
        app.MapDelete("/api/v2/package/{id}/{version}", (HttpContext context, string id, string version) =>
        {
            if (!KeyAccepted(context))
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }
            return _packages.TryRemove((id.ToLowerInvariant(), version.ToLowerInvariant()), out _) ? Results.NoContent() : Results.NotFound();
        });
        app.MapGet("/v3/flatcontainer/{id}/index.json", (string id) =>
        {
            var versions = VersionsOf(id);
            return versions.Count == 0 ? Results.NotFound() : Results.Json(new { versions });
        });
        app.MapGet("/v3/flatcontainer/{id}/{version}/{file}", (string id, string version, string file) =>
            _packages.TryGetValue((id.ToLowerInvariant(), version.ToLowerInvariant()), out var bytes) && file == $"{id.ToLowerInvariant()}.{version.ToLowerInvariant()}.nupkg"
                ? Results.Bytes(bytes, "application/octet-stream")
                : Results.NotFound());
        app.MapGet("/v3/search", (string? q, int? skip, int? take) =>
        {
            var matching = Ids.Where(id => q is null || id.Contains(q, StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList();
            var page = matching.Skip(skip ?? 0).Take(take ?? 20).Select(id =>
            {
                var versions = VersionsOf(id);
                string casing;
                lock (_gate)
                {
                    casing = _idCasing.GetValueOrDefault(id, id);
                }
                return new Dictionary<string, object>
                {
                    ["@id"] = $"{BaseUrl}/v3/registration/{id}/index.json",
                    ["@type"] = "Package",
                    ["id"] = casing,
                    ["version"] = versions[^1],
                    ["description"] = "",
                    ["totalDownloads"] = 0,
                    ["versions"] = versions.Select(v => new Dictionary<string, object> { ["version"] = v, ["downloads"] = 0, ["@id"] = $"{BaseUrl}/v3/registration/{id}/{v}.json" }).ToList(),
                };
            }).ToList();
            return Results.Json(new Dictionary<string, object> { ["totalHits"] = matching.Count, ["data"] = page });
        });
    }

    private async Task<IResult> PushAsync(HttpRequest request)
    {
        var context = request.HttpContext;
        if (!KeyAccepted(context))
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }
        var form = await context.Request.ReadFormAsync();
        var file = form.Files.FirstOrDefault();
        if (file is null)
        {
            return Results.BadRequest("no package in the request");
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer);
        var bytes = buffer.ToArray();
        using var reader = new PackageArchiveReader(new MemoryStream(bytes));
        var identity = reader.GetIdentity();
        var key = (identity.Id.ToLowerInvariant(), identity.Version.ToNormalizedString().ToLowerInvariant());
        lock (_gate)
        {
            if (!_packages.TryAdd(key, bytes))
            {
                Interlocked.Increment(ref _conflicts);
                return Results.Conflict($"{identity} already exists");
            }
            _idCasing[identity.Id] = identity.Id;
        }
        return Results.StatusCode((int)HttpStatusCode.Created);
    }

    private bool KeyAccepted(HttpContext context) => _apiKey is null || context.Request.Headers["X-NuGet-ApiKey"] == _apiKey;
}
