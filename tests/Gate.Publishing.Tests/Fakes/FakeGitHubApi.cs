using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gate.TestUtilities;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Gate.Publishing.Tests.Fakes;

/// <summary>
/// A fake GitHub REST API, served for real by Kestrel on 127.0.0.1: the endpoints Octokit calls for issue
/// comments (list with Link-header pagination, create, update) and check runs (list for a ref, create, update),
/// with GitHub's JSON field names. It requires the expected token, records every request, and answers with
/// scripted failures (<see cref="Script"/>) when told to.
/// </summary>
public sealed class FakeGitHubApi : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    private readonly WebApplication _app;
    private readonly string _token;
    private readonly object _lock = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<(string Method, string PathContains, Queue<ScriptedResponse> Responses)> _scripts = [];
    private readonly Dictionary<string, List<JsonObject>> _comments = [];
    private readonly List<JsonObject> _checkRuns = [];
    private long _nextId = 1000;

    private FakeGitHubApi(WebApplication app, string token, string pathBase)
    {
        _app = app;
        _token = token;
        PathBase = pathBase;
    }

    /// <summary>The API's base URL, ending with '/': what GITHUB_API_URL would hold.</summary>
    public Uri ApiUrl { get; private set; } = null!;

    public string PathBase { get; }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Starts the fake on a free port of 127.0.0.1, under <paramref name="pathBase"/> (GitHub Enterprise: <c>/api/v3</c>).</summary>
    public static async Task<FakeGitHubApi> StartAsync(string token, string pathBase = "")
    {
        var app = LoopbackServer.Create();
        var fake = new FakeGitHubApi(app, token, pathBase);
        app.Run(fake.HandleAsync);
        fake.ApiUrl = new Uri(await LoopbackServer.StartAsync(app) + pathBase + "/");
        return fake;
    }

    /// <summary>The next requests with <paramref name="method"/> whose path contains <paramref name="pathContains"/> get these answers, in order.</summary>
    public void Script(string method, string pathContains, params ScriptedResponse[] responses)
    {
        lock (_lock)
        {
            _scripts.Add((method, pathContains, new Queue<ScriptedResponse>(responses)));
        }
    }

    /// <summary>Adds a comment by someone else, as if it had been there before.</summary>
    public void SeedComment(string repository, int issue, string body, string login = "octocat")
    {
        lock (_lock)
        {
            CommentsOf(repository, issue).Add(NewComment(repository, issue, body, login));
        }
    }

    public IReadOnlyList<(long Id, string Body, string Login)> Comments(string repository, int issue)
    {
        lock (_lock)
        {
            return [.. CommentsOf(repository, issue).Select(c => ((long)c["id"]!, (string)c["body"]!, (string)c["user"]!["login"]!))];
        }
    }

    public IReadOnlyList<JsonObject> CheckRuns()
    {
        lock (_lock)
        {
            return [.. _checkRuns.Select(r => (JsonObject)r.DeepClone())];
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        var body = await new StreamReader(request.Body).ReadToEndAsync();
        var authorization = request.Headers.Authorization.ToString();
        var path = request.Path.Value ?? "";
        ScriptedResponse? scripted;
        lock (_lock)
        {
            _requests.Add(new RecordedRequest(request.Method, path + request.QueryString, authorization.Length == 0 ? null : authorization, body));
            scripted = NextScripted(request.Method, path);
        }
        if (scripted is { AfterApplying: false })
        {
            await WriteScriptedAsync(http, scripted, authorization);
            return;
        }
        if (!authorization.EndsWith(" " + _token, StringComparison.Ordinal))
        {
            await WriteAsync(http, 401, """{"message":"Bad credentials","documentation_url":"https://docs.github.com/rest"}""");
            return;
        }
        if (!path.StartsWith(PathBase + "/repos/", StringComparison.Ordinal))
        {
            await WriteAsync(http, 404, """{"message":"Not Found"}""");
            return;
        }
        var (status, answer, link) = Route(request.Method, path[(PathBase.Length + "/repos/".Length)..].Split('/'), request.Query, body);
        if (scripted is not null)
        {
            await WriteScriptedAsync(http, scripted, authorization);
            return;
        }
        if (link is not null)
        {
            http.Response.Headers["Link"] = link;
        }
        await WriteAsync(http, status, answer);
    }

    private ScriptedResponse? NextScripted(string method, string path)
    {
        foreach (var (scriptMethod, pathContains, responses) in _scripts)
        {
            if (responses.Count > 0 && scriptMethod == method && path.Contains(pathContains, StringComparison.Ordinal))
            {
                return responses.Dequeue();
            }
        }
        return null;
    }

    /// <summary>The API itself: <paramref name="segments"/> are the path after <c>/repos/</c>.</summary>
    private (int Status, string Body, string? Link) Route(string method, string[] segments, IQueryCollection query, string body)
    {
        lock (_lock)
        {
            switch (method, segments)
            {
                // GET /repos/{owner}/{repo}/issues/{number}/comments
                case ("GET", [var owner, var repo, "issues", var number, "comments"]):
                    return ListComments($"{owner}/{repo}", int.Parse(number, CultureInfo.InvariantCulture), query);
                // POST /repos/{owner}/{repo}/issues/{number}/comments
                case ("POST", [var owner, var repo, "issues", var number, "comments"]):
                {
                    var repository = $"{owner}/{repo}";
                    var issue = int.Parse(number, CultureInfo.InvariantCulture);
                    var comment = NewComment(repository, issue, Field(body, "body"), "github-actions[bot]");
                    CommentsOf(repository, issue).Add(comment);
                    return (201, comment.ToJsonString(Json), null);
                }
                // PATCH /repos/{owner}/{repo}/issues/comments/{id}
                case ("PATCH", [var owner, var repo, "issues", "comments", var id]):
                {
                    var comment = _comments.Where(c => c.Key.StartsWith($"{owner}/{repo}#", StringComparison.Ordinal))
                        .SelectMany(c => c.Value).FirstOrDefault(c => (long)c["id"]! == long.Parse(id, CultureInfo.InvariantCulture));
                    if (comment is null)
                    {
                        return (404, """{"message":"Not Found"}""", null);
                    }
                    comment["body"] = Field(body, "body");
                    comment["updated_at"] = Now();
                    return (200, comment.ToJsonString(Json), null);
                }
                // GET /repos/{owner}/{repo}/commits/{ref}/check-runs
                case ("GET", [_, _, "commits", var sha, "check-runs"]):
                {
                    var runs = _checkRuns.Where(r => (string)r["head_sha"]! == sha
                        && (query["check_name"].Count == 0 || (string)r["name"]! == query["check_name"].ToString())).ToList();
                    var list = new JsonObject { ["total_count"] = runs.Count, ["check_runs"] = new JsonArray([.. runs.Select(r => r.DeepClone())]) };
                    return (200, list.ToJsonString(Json), null);
                }
                // POST /repos/{owner}/{repo}/check-runs
                case ("POST", [var owner, var repo, "check-runs"]):
                {
                    var sent = JsonNode.Parse(body)!.AsObject();
                    if (sent["head_sha"] is not JsonValue sha || ((string)sha!).Length != 40)
                    {
                        return (422, """{"message":"Validation Failed","errors":[{"resource":"CheckRun","code":"invalid","field":"head_sha"}]}""", null);
                    }
                    var run = NewCheckRun($"{owner}/{repo}", sent);
                    _checkRuns.Add(run);
                    return (201, run.ToJsonString(Json), null);
                }
                // PATCH /repos/{owner}/{repo}/check-runs/{id}
                case ("PATCH", [_, _, "check-runs", var id]):
                {
                    var run = _checkRuns.FirstOrDefault(r => (long)r["id"]! == long.Parse(id, CultureInfo.InvariantCulture));
                    if (run is null)
                    {
                        return (404, """{"message":"Not Found"}""", null);
                    }
                    foreach (var (key, value) in JsonNode.Parse(body)!.AsObject())
                    {
                        run[key] = value?.DeepClone();
                    }
                    return (200, run.ToJsonString(Json), null);
                }
                default:
                    return (404, """{"message":"Not Found","documentation_url":"https://docs.github.com/rest"}""", null);
            }
        }
    }

    private (int, string, string?) ListComments(string repository, int issue, IQueryCollection query)
    {
        var perPage = Math.Clamp(query.TryGetValue("per_page", out var pp) ? int.Parse(pp.ToString(), CultureInfo.InvariantCulture) : 30, 1, 100);
        var page = query.TryGetValue("page", out var p) ? int.Parse(p.ToString(), CultureInfo.InvariantCulture) : 1;
        var all = CommentsOf(repository, issue);
        var pages = Math.Max(1, (all.Count + perPage - 1) / perPage);
        var items = new JsonArray([.. all.Skip((page - 1) * perPage).Take(perPage).Select(c => c.DeepClone())]);
        string? link = null;
        if (page < pages)
        {
            string Page(int n) => $"<{ApiUrl}repos/{repository}/issues/{issue}/comments?per_page={perPage}&page={n}>";
            link = $"{Page(page + 1)}; rel=\"next\", {Page(pages)}; rel=\"last\"";
        }
        return (200, items.ToJsonString(Json), link);
    }

    private List<JsonObject> CommentsOf(string repository, int issue)
    {
        var key = $"{repository}#{issue}";
        if (!_comments.TryGetValue(key, out var list))
        {
            _comments[key] = list = [];
        }
        return list;
    }

    private JsonObject NewComment(string repository, int issue, string body, string login)
    {
        var id = ++_nextId;
        return new JsonObject
        {
            ["id"] = id,
            ["node_id"] = $"IC_kwDO{id}",
            ["url"] = $"{ApiUrl}repos/{repository}/issues/comments/{id}",
            ["html_url"] = $"https://github.com/{repository}/pull/{issue}#issuecomment-{id}",
            ["issue_url"] = $"{ApiUrl}repos/{repository}/issues/{issue}",
            ["body"] = body,
            ["user"] = new JsonObject { ["login"] = login, ["id"] = login.Length * 1000 + 7, ["type"] = login.EndsWith("[bot]", StringComparison.Ordinal) ? "Bot" : "User" },
            ["created_at"] = Now(),
            ["updated_at"] = Now(),
            ["author_association"] = "NONE",
        };
    }

    private JsonObject NewCheckRun(string repository, JsonObject sent)
    {
        var id = ++_nextId;
        var run = new JsonObject
        {
            ["id"] = id,
            ["node_id"] = $"CR_kwDO{id}",
            ["external_id"] = "",
            ["url"] = $"{ApiUrl}repos/{repository}/check-runs/{id}",
            ["html_url"] = $"https://github.com/{repository}/runs/{id}",
            ["started_at"] = Now(),
            ["check_suite"] = new JsonObject { ["id"] = 5000 },
            ["app"] = new JsonObject { ["id"] = 15368, ["slug"] = "github-actions", ["name"] = "GitHub Actions" },
            ["pull_requests"] = new JsonArray(),
        };
        foreach (var (key, value) in sent)
        {
            run[key] = value?.DeepClone();
        }
        return run;
    }

    private static string Field(string json, string name) => JsonNode.Parse(json)![name]!.GetValue<string>();

    private static string Now() => DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static async Task WriteScriptedAsync(HttpContext http, ScriptedResponse scripted, string authorization)
    {
        foreach (var (name, value) in scripted.Headers)
        {
            http.Response.Headers[name] = value;
        }
        await WriteAsync(http, scripted.Status, scripted.Body.Replace("{authorization}", authorization, StringComparison.Ordinal), scripted.ContentType);
    }

    private static async Task WriteAsync(HttpContext http, int status, string body, string contentType = "application/json; charset=utf-8")
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = contentType;
        await http.Response.WriteAsync(body);
    }
}
