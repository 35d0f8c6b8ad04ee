using Gate.Publishing.Tests.Fakes;
using Gate.TestUtilities;

namespace Gate.Publishing.Tests.Publishing;

/// <summary>A clock that stands still, for rate-limit reset times.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>
/// One workflow run against the fake GitHub API: the Actions environment (event payload from tests/Fixtures/github,
/// summary and output files in a temporary directory, the repository root as workspace), captured stdout and
/// stderr, and a retry policy that records its waits instead of sleeping.
/// </summary>
public sealed class PublishHarness : IAsyncDisposable
{
    public const string Token = "ghs_FakeInstallationToken0123456789abcdXYZ";
    public const string HeadSha = "9b2f1e0c8d7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c";
    public static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    private PublishHarness(FakeGitHubApi api, TempDirectory temp, Dictionary<string, string?> environment)
    {
        Api = api;
        Temp = temp;
        Environment = environment;
    }

    public FakeGitHubApi Api { get; }

    public TempDirectory Temp { get; }

    public Dictionary<string, string?> Environment { get; }

    public List<TimeSpan> Sleeps { get; } = [];

    public StringWriter Out { get; } = new();

    public StringWriter Err { get; } = new();

    public string SummaryPath => Temp.Combine("step_summary.md");

    public string OutputPath => Temp.Combine("output.txt");

    public string Summary => File.Exists(SummaryPath) ? File.ReadAllText(SummaryPath) : "";

    public string Outputs => File.Exists(OutputPath) ? File.ReadAllText(OutputPath) : "";

    public string[] ErrLines => Err.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public RetryPolicy Retry => RetryPolicy.Default with
    {
        Sleep = (delay, _) =>
        {
            Sleeps.Add(delay);
            return Task.CompletedTask;
        },
        Clock = new FixedClock(Now),
    };

    /// <summary>A run of <paramref name="eventName"/> with the payload fixture <paramref name="eventFixture"/>.</summary>
    public static async Task<PublishHarness> StartAsync(string eventFixture = "pull_request.json", string eventName = "pull_request", string pathBase = "")
    {
        var api = await FakeGitHubApi.StartAsync(Token, pathBase);
        var temp = new TempDirectory();
        var environment = new Dictionary<string, string?>
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_REPOSITORY"] = "benchgate/demo",
            ["GITHUB_API_URL"] = api.ApiUrl.ToString(),
            ["GITHUB_SERVER_URL"] = "https://github.com",
            ["GITHUB_RUN_ID"] = "987654321",
            ["GITHUB_EVENT_NAME"] = eventName,
            ["GITHUB_EVENT_PATH"] = RepoPaths.Fixture("github", "events", eventFixture),
            ["GITHUB_SHA"] = "5f0c6b1a2d3e4f5061728394a5b6c7d8e9f0a1b2",
            ["GITHUB_REF"] = "refs/pull/42/merge",
            ["GITHUB_WORKSPACE"] = RepoPaths.Root,
            ["GITHUB_TOKEN"] = Token,
        };
        var harness = new PublishHarness(api, temp, environment);
        environment["GITHUB_STEP_SUMMARY"] = harness.SummaryPath;
        environment["GITHUB_OUTPUT"] = harness.OutputPath;
        return harness;
    }

    public Task<PublishOutcome> PublishAsync(PublishRequest request) =>
        new GitHubPublisher(GitHubContext.FromEnvironment(Environment), Out, Err, Retry, RepoPaths.Root).PublishAsync(request);

    public async ValueTask DisposeAsync()
    {
        await Api.DisposeAsync();
        Temp.Dispose();
        Out.Dispose();
        Err.Dispose();
    }
}
