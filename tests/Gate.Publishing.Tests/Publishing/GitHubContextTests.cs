using System.Text.Json.Nodes;
using Gate.Core;
using Gate.TestUtilities;

namespace Gate.Publishing.Tests.Publishing;

public class GitHubContextTests
{
    private static readonly string PullRequestEvent = RepoPaths.Fixture("github", "events", "pull_request.json");
    private static readonly string ForkEvent = RepoPaths.Fixture("github", "events", "pull_request-fork.json");
    private static readonly string PushEvent = RepoPaths.Fixture("github", "events", "push.json");

    private static Dictionary<string, string?> Actions(string eventName, string eventPath) => new()
    {
        ["GITHUB_ACTIONS"] = "true",
        ["GITHUB_REPOSITORY"] = "benchgate/demo",
        ["GITHUB_EVENT_NAME"] = eventName,
        ["GITHUB_EVENT_PATH"] = eventPath,
        ["GITHUB_SHA"] = "5f0c6b1a2d3e4f5061728394a5b6c7d8e9f0a1b2",
        ["GITHUB_REF"] = "refs/pull/42/merge",
        ["GITHUB_SERVER_URL"] = "https://github.com",
        ["GITHUB_RUN_ID"] = "123456789",
        ["GITHUB_RUN_ATTEMPT"] = "1",
        ["GITHUB_STEP_SUMMARY"] = "/tmp/summary.md",
        ["GITHUB_TOKEN"] = "ghs_contextTestToken0123456789",
    };

    [Fact]
    public void FromEnvironment_PullRequestEvent_ReadsPullRequestAndRun()
    {
        // Given a pull_request run of a branch in the same repository
        var environment = Actions("pull_request", PullRequestEvent);

        // When the context is read
        var context = GitHubContext.FromEnvironment(environment);

        // Then the PR, its head, the run's page and the token are known, and the token may write
        Assert.True(context.InActions);
        Assert.Equal(new PullRequestInfo(42, "benchgate/demo", "benchgate/demo", "9b2f1e0c8d7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c", "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d"), context.PullRequest);
        Assert.False(context.TokenIsReadOnly);
        Assert.Equal("9b2f1e0c8d7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c", context.HeadSha);
        Assert.Equal(new Uri("https://github.com/benchgate/demo/actions/runs/123456789"), context.RunUrl);
        Assert.Equal(GitHubContext.DefaultApiUrl, context.ApiUrl);
        Assert.Equal(("benchgate", "demo"), context.RepositoryParts());
        Assert.NotNull(context.Token);
    }

    [Fact]
    public void FromEnvironment_ForkPullRequest_TokenIsReadOnly()
    {
        // Given a pull_request run of a fork's branch
        var context = GitHubContext.FromEnvironment(Actions("pull_request", ForkEvent));

        // Then the context knows GitHub gave it a read-only token
        Assert.True(context.PullRequest!.IsFromFork);
        Assert.Equal("contributor/demo", context.PullRequest.HeadRepository);
        Assert.True(context.TokenIsReadOnly);
    }

    [Fact]
    public void FromEnvironment_ForkPullRequestTarget_TokenMayWrite()
    {
        // Given the same fork payload, run by pull_request_target (which runs with the base repository's token)
        var context = GitHubContext.FromEnvironment(Actions("pull_request_target", ForkEvent));

        // Then the token is not read-only
        Assert.True(context.PullRequest!.IsFromFork);
        Assert.False(context.TokenIsReadOnly);
    }

    [Fact]
    public void FromEnvironment_PushEvent_HasNoPullRequest()
    {
        // Given a push run
        var context = GitHubContext.FromEnvironment(Actions("push", PushEvent));

        // Then there is no PR, and a check run would go on GITHUB_SHA
        Assert.Null(context.PullRequest);
        Assert.Equal("5f0c6b1a2d3e4f5061728394a5b6c7d8e9f0a1b2", context.HeadSha);
    }

    [Fact]
    public void FromEnvironment_DeletedForkRepository_IsFromFork()
    {
        // Given a PR payload whose head repository was deleted (head.repo is null)
        using var temp = new TempDirectory();
        var payload = JsonNode.Parse(File.ReadAllText(ForkEvent))!;
        payload["pull_request"]!["head"]!["repo"] = null;
        var environment = Actions("pull_request", temp.Write("event.json", payload.ToJsonString()));

        // When it is read
        var context = GitHubContext.FromEnvironment(environment);

        // Then it counts as a fork
        Assert.Null(context.PullRequest!.HeadRepository);
        Assert.True(context.TokenIsReadOnly);
    }

    [Fact]
    public void FromEnvironment_TokenEnvNamed_ReadsThatVariable()
    {
        // Given the token in another variable, named by --token-env
        var environment = Actions("pull_request", PullRequestEvent);
        environment.Remove("GITHUB_TOKEN");
        environment["BENCH_TOKEN"] = "ghp_fromAnotherVariable01234";

        // When the context is read with that name
        var context = GitHubContext.FromEnvironment(environment, "BENCH_TOKEN");

        // Then the token is read from it, and the context remembers where it came from
        Assert.NotNull(context.Token);
        Assert.Equal("BENCH_TOKEN", context.TokenVariable);
    }

    [Fact]
    public void FromEnvironment_TokenEnvNamedButUnset_ThrowsOneLine()
    {
        // Given --token-env naming a variable that is not set
        var environment = Actions("pull_request", PullRequestEvent);

        // When the context is read, Then that is a clear environment error
        var error = Assert.Throws<GateException>(() => GitHubContext.FromEnvironment(environment, "MISSING_TOKEN"));
        Assert.Equal("--token-env MISSING_TOKEN: the environment variable MISSING_TOKEN is not set", error.Message);
    }

    [Fact]
    public void FromEnvironment_DefaultTokenUnset_HasNoToken()
    {
        // Given no GITHUB_TOKEN (a workflow step that did not pass it)
        var environment = Actions("pull_request", PullRequestEvent);
        environment.Remove("GITHUB_TOKEN");

        // Then the context has no token (publishing will say so), and no error
        Assert.Null(GitHubContext.FromEnvironment(environment).Token);
    }

    [Theory]
    [InlineData("https://ghe.example.com/api/v3", "https://ghe.example.com/api/v3/")]
    [InlineData("https://ghe.example.com/api/v3/", "https://ghe.example.com/api/v3/")]
    [InlineData("https://api.github.com", "https://api.github.com/")]
    public void FromEnvironment_ApiUrl_EndsWithSlashAndKeepsItsPath(string variable, string expected)
    {
        // Given GITHUB_API_URL with or without a path (GitHub Enterprise Server has /api/v3)
        var environment = Actions("push", PushEvent);
        environment["GITHUB_API_URL"] = variable;

        // Then the base URL keeps its path and ends with '/', so relative API paths resolve under it
        var context = GitHubContext.FromEnvironment(environment);
        Assert.Equal(new Uri(expected), context.ApiUrl);
        Assert.Equal(new Uri(expected + "repos/o/r/issues/1/comments"), new Uri(context.ApiUrl, "repos/o/r/issues/1/comments"));
    }

    [Theory]
    [InlineData("GITHUB_REPOSITORY", "just-a-name", "GITHUB_REPOSITORY 'just-a-name' is not OWNER/NAME")]
    [InlineData("GITHUB_API_URL", "ftp://example.com", "GITHUB_API_URL 'ftp://example.com' is not an http(s) URL")]
    public void FromEnvironment_MalformedVariable_ThrowsOneLine(string variable, string value, string message)
    {
        // Given a malformed variable
        var environment = Actions("push", PushEvent);
        environment[variable] = value;

        // Then reading the context is an environment error that names it
        Assert.Equal(message, Assert.Throws<GateException>(() => GitHubContext.FromEnvironment(environment)).Message);
    }

    [Fact]
    public void FromEnvironment_EventPayloadNotJson_ThrowsOneLine()
    {
        // Given an event file that is not JSON
        using var temp = new TempDirectory();
        var path = temp.Write("event.json", "{ not json");

        // Then the error names the file
        var error = Assert.Throws<GateException>(() => GitHubContext.FromEnvironment(Actions("pull_request", path)));
        Assert.StartsWith(path + ": the event payload is not valid JSON", error.Message);
    }

    [Fact]
    public void FromEnvironment_NotInActions_IsEmpty()
    {
        // Given a developer's shell: no GitHub variables
        var context = GitHubContext.FromEnvironment(new Dictionary<string, string?>());

        // Then nothing is known and nothing fails
        Assert.False(context.InActions);
        Assert.Null(context.PullRequest);
        Assert.Null(context.StepSummaryPath);
        Assert.Null(context.Token);
    }

    [Fact]
    public void ToString_ContextWithToken_ShowsMaskOnly()
    {
        // Given a context with a token
        var context = GitHubContext.FromEnvironment(Actions("pull_request", PullRequestEvent));

        // When it is printed (records print all their properties)
        var text = context.ToString();

        // Then the token is masked
        Assert.DoesNotContain("ghs_contextTestToken0123456789", text);
        Assert.Contains("Token = ***", text);
    }
}
