using Gate.Core;
using Gate.Core.IO;

namespace Gate.Publishing;

/// <summary>
/// Where a run happens, as GitHub Actions describes it in the standard environment variables: the repository,
/// the API, the pull request (from the event payload), the files for the job summary and step outputs, and the token.
/// </summary>
public sealed record GitHubContext
{
    /// <summary>The variable the token is read from unless the caller names another (<c>--token-env NAME</c>).</summary>
    public const string DefaultTokenVariable = "GITHUB_TOKEN";

    /// <summary>The public GitHub API, used when GITHUB_API_URL is not set.</summary>
    public static readonly Uri DefaultApiUrl = new("https://api.github.com/");

    /// <summary>GITHUB_ACTIONS is <c>true</c>.</summary>
    public bool InActions { get; init; }

    /// <summary>GITHUB_REPOSITORY: <c>owner/name</c>.</summary>
    public string? Repository { get; init; }

    /// <summary>GITHUB_API_URL, ending with <c>/</c> so that relative API paths keep its path (GitHub Enterprise: <c>/api/v3/</c>).</summary>
    public Uri ApiUrl { get; init; } = DefaultApiUrl;

    /// <summary>GITHUB_SERVER_URL and GITHUB_RUN_ID (and GITHUB_RUN_ATTEMPT) make the run's page, where the job summary is.</summary>
    public Uri? RunUrl { get; init; }

    /// <summary>GITHUB_EVENT_NAME, for example <c>pull_request</c>.</summary>
    public string? EventName { get; init; }

    /// <summary>GITHUB_SHA: the commit the run is for (for a pull_request event, a merge commit).</summary>
    public string? Sha { get; init; }

    /// <summary>GITHUB_REF, for example <c>refs/pull/7/merge</c>.</summary>
    public string? Ref { get; init; }

    /// <summary>GITHUB_STEP_SUMMARY: the file the job summary Markdown is appended to.</summary>
    public string? StepSummaryPath { get; init; }

    /// <summary>GITHUB_OUTPUT: the file step outputs are appended to.</summary>
    public string? OutputPath { get; init; }

    /// <summary>GITHUB_WORKSPACE: annotation paths are relative to it.</summary>
    public string? Workspace { get; init; }

    /// <summary>The pull request of the event payload, when the run is for one.</summary>
    public PullRequestInfo? PullRequest { get; init; }

    /// <summary>The token, when its variable is set.</summary>
    public GitHubToken? Token { get; init; }

    /// <summary>The variable the token was read from.</summary>
    public string TokenVariable { get; init; } = DefaultTokenVariable;

    /// <summary>
    /// A pull request from a fork, run by the <c>pull_request</c> event (not <c>pull_request_target</c>): GitHub gives
    /// such runs a read-only token, so comments and check runs cannot be written.
    /// </summary>
    public bool TokenIsReadOnly => PullRequest is { IsFromFork: true } && EventName != "pull_request_target";

    /// <summary>The commit a check run belongs to: the PR's head, else GITHUB_SHA.</summary>
    public string? HeadSha => PullRequest?.HeadSha ?? Sha;

    /// <summary>
    /// Reads the context from environment variables (and the event payload file GITHUB_EVENT_PATH names).
    /// </summary>
    /// <param name="variable">The environment: a variable's value or null.</param>
    /// <param name="tokenVariable">The variable holding the token (<c>--token-env</c>); default GITHUB_TOKEN.</param>
    /// <exception cref="GateException">A named token variable is unset, or a variable or the payload is malformed.</exception>
    public static GitHubContext FromEnvironment(Func<string, string?> variable, string? tokenVariable = null)
    {
        string? Get(string name) => variable(name) is { Length: > 0 } value ? value : null;

        var tokenName = tokenVariable ?? DefaultTokenVariable;
        var token = Get(tokenName);
        if (token is null && tokenVariable is not null)
        {
            throw new GateException($"--token-env {tokenVariable}: the environment variable {tokenVariable} is not set");
        }
        var repository = Get("GITHUB_REPOSITORY");
        if (repository is not null && repository.Split('/') is not [{ Length: > 0 }, { Length: > 0 }])
        {
            throw new GateException($"GITHUB_REPOSITORY '{repository}' is not OWNER/NAME");
        }
        var eventPath = Get("GITHUB_EVENT_PATH");
        return new GitHubContext
        {
            InActions = Get("GITHUB_ACTIONS") == "true",
            Repository = repository,
            ApiUrl = Get("GITHUB_API_URL") is { } api ? ParseUrl(api, "GITHUB_API_URL") : DefaultApiUrl,
            RunUrl = MakeRunUrl(Get("GITHUB_SERVER_URL"), repository, Get("GITHUB_RUN_ID"), Get("GITHUB_RUN_ATTEMPT")),
            EventName = Get("GITHUB_EVENT_NAME"),
            Sha = Get("GITHUB_SHA"),
            Ref = Get("GITHUB_REF"),
            StepSummaryPath = Get("GITHUB_STEP_SUMMARY"),
            OutputPath = Get("GITHUB_OUTPUT"),
            Workspace = Get("GITHUB_WORKSPACE"),
            PullRequest = eventPath is null ? null : GitHubEvent.ReadPullRequest(FileText.Read(eventPath), eventPath),
            Token = token is null ? null : new GitHubToken(token),
            TokenVariable = tokenName,
        };
    }

    /// <summary>Reads the context from a dictionary of environment variables.</summary>
    public static GitHubContext FromEnvironment(IReadOnlyDictionary<string, string?> environment, string? tokenVariable = null) =>
        FromEnvironment(name => environment.GetValueOrDefault(name), tokenVariable);

    /// <summary>The repository's owner and name.</summary>
    /// <exception cref="InvalidOperationException">GITHUB_REPOSITORY was not set.</exception>
    public (string Owner, string Name) RepositoryParts()
    {
        var parts = (Repository ?? throw new InvalidOperationException("GITHUB_REPOSITORY is not set")).Split('/');
        return (parts[0], parts[1]);
    }

    private static Uri ParseUrl(string value, string variable)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw new GateException($"{variable} '{value}' is not an http(s) URL");
        }
        // Relative API paths resolve against the base: without a trailing slash its last segment (v3) would be lost.
        return url.AbsolutePath.EndsWith('/') ? url : new Uri(url.GetLeftPart(UriPartial.Path) + "/");
    }

    private static Uri? MakeRunUrl(string? server, string? repository, string? runId, string? attempt)
    {
        if (server is null || repository is null || runId is null || !Uri.TryCreate(server, UriKind.Absolute, out var serverUrl))
        {
            return null;
        }
        var path = $"{repository}/actions/runs/{Uri.EscapeDataString(runId)}" + (attempt is null or "1" ? "" : $"/attempts/{Uri.EscapeDataString(attempt)}");
        return new Uri(new Uri(serverUrl.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/"), path);
    }
}
