using Gate.Publishing.Tests.Fakes;
using Gate.TestUtilities;

namespace Gate.Tool.Tests;

/// <summary>
/// <c>benchgate check</c> end to end: real go benchmarks of a copy of examples/, a baseline stored by
/// <c>baseline update</c>, a planted regression (one more allocation per op in WordFreq: deterministic), and, in
/// Actions, the fake GitHub REST API on 127.0.0.1.
/// </summary>
[Trait(Traits.Category, Traits.Slow)]
public sealed class CheckCommandTests : IDisposable
{
    private const string Token = "ghs_CheckCommandTestToken0123456789abcdef";
    private static readonly string[] Measure = ["./textproc", "--bench", "WordFreq", "--samples", "3", "--sample-time", "20ms", "--repository", "benchgate/demo"];
    private readonly TempDirectory _temp = new();
    private readonly string _module;

    public CheckCommandTests()
    {
        _module = _temp.CopyTree(RepoPaths.Examples, "examples");
        // examples/.benchgate holds the demo's cachegrind baseline: these tests start from an empty store.
        Directory.Delete(Path.Combine(_module, ".benchgate"), recursive: true);
        // Wall time on this machine flips between two speeds; the planted regression is an allocation, judged exactly.
        File.WriteAllText(Path.Combine(_module, "benchgate.json"), """{ "thresholds": { "sec/op": "300%", "MB/s": "300%" } }""");
    }

    public void Dispose() => _temp.Dispose();

    private CliResult StoreBaseline()
    {
        var stored = CliRunner.Run(_module, ["baseline", "update", "--branch", "main", .. Measure]);
        Assert.True(stored.ExitCode == 0, stored.ToString());
        return stored;
    }

    private void PlantAllocation()
    {
        var source = Path.Combine(_module, "textproc", "wordfreq.go");
        File.WriteAllText(source, File.ReadAllText(source)
            .Replace("func TopWords(text string, n int) []WordCount {", "var Scratch []byte\n\nfunc TopWords(text string, n int) []WordCount {\n\tScratch = make([]byte, 64)", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_NoBaseline_Exit2WithTheStoresExplanation()
    {
        var result = CliRunner.Run(_module, ["check", .. Measure]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("benchgate: no baseline for benchgate/demo main (go;", result.Err);
        Assert.Contains("the store is empty; run 'benchgate baseline update' on the target branch first", result.Err);
    }

    [Fact]
    public void Check_OnlyABaselineOfAnotherBackend_Exit2NamesTheNearestAndTheDifference()
    {
        // Given the store holds a cachegrind baseline of the same repository and branch (the demo's, copied back)
        using var committed = new TempDirectory();
        var store = committed.CopyTree(Path.Combine(RepoPaths.Examples, ".benchgate"), "store");

        // When a go-backend check looks for its baseline there
        var result = CliRunner.Run(_module, ["check", "./textproc", "--bench", "WordFreq", "--samples", "3", "--sample-time", "20ms", "--repository", "benchgate/examples", "--store", "dir:" + store]);

        // Then it does not compare across backends: it names the nearest baseline and how it differs
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("benchgate: no baseline for benchgate/examples main (go;", result.Err);
        Assert.Contains("differs in backend: baseline 'cachegrind', this run 'go'", result.Err);
    }

    [Fact]
    public void Check_SameCode_PassesWithExit0()
    {
        StoreBaseline();

        var result = CliRunner.Run(_module, ["check", "--out", "report.md", .. Measure]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("compared with: baseline ", result.Out);
        Assert.Contains("WordFreq", result.Out);
        Assert.DoesNotContain("regression", File.ReadAllText(Path.Combine(_module, "report.md")).Split("<details>")[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Check_PlantedAllocation_Exit1AndTheReportNamesIt()
    {
        StoreBaseline();
        PlantAllocation();

        var result = CliRunner.Run(_module, ["check", "--out", "report.md", .. Measure]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("benchgate: 1 regression", result.Err);
        var report = File.ReadAllText(Path.Combine(_module, "report.md"));
        Assert.StartsWith("### ❌ benchgate: 1 regression", report);
        Assert.Contains("worst change: WordFreq", report);
        Assert.Contains("| benchgate.example/examples/textproc WordFreq", report);
        Assert.Contains("allocs/op", report.Split("#### Regressions")[1].Split("<details>")[0]);
    }

    [Fact]
    public async Task Check_InActions_StickyCommentCreatedUpdatedAndOnePerGateName()
    {
        StoreBaseline();
        PlantAllocation();
        await using var api = await FakeGitHubApi.StartAsync(Token);
        var environment = Actions(api, "pull_request.json");

        var first = Check(environment);
        var second = Check(environment);
        var other = Check(environment, "--gate-name", "cachegrind-gate");

        Assert.Equal([1, 1, 1], new[] { first.ExitCode, second.ExitCode, other.ExitCode });
        var comments = api.Comments("benchgate/demo", 42);
        Assert.Equal(2, comments.Count);
        Assert.StartsWith("<!-- benchgate:benchgate -->\n### ❌ benchgate: 1 regression", comments[0].Body);
        Assert.StartsWith("<!-- benchgate:cachegrind-gate -->\n### ❌ cachegrind-gate: 1 regression", comments[1].Body);
        Assert.Contains("PR comment created", first.Err);
        Assert.Contains("PR comment updated", second.Err);
        Assert.Contains("PR comment created", other.Err);
        var summary = File.ReadAllText(environment["GITHUB_STEP_SUMMARY"]!);
        Assert.Equal(3, summary.Split("### ❌").Length - 1);
        var wordFreqLine = File.ReadAllLines(Path.Combine(_module, "textproc", "wordfreq_test.go")).ToList().FindIndex(l => l.StartsWith("func BenchmarkWordFreq(", StringComparison.Ordinal)) + 1;
        Assert.Contains($"::error file={Path.Combine(_module, "textproc", "wordfreq_test.go")},line={wordFreqLine}", first.Out);
        foreach (var result in new[] { first, second, other })
        {
            Assert.DoesNotContain(Token, result.Out + result.Err);
        }
        Assert.DoesNotContain(Token, summary);
    }

    [Fact]
    public async Task Check_ForkPullRequest_WritesTheSummaryOnlyAndExitsByTheVerdict()
    {
        StoreBaseline();
        PlantAllocation();
        await using var api = await FakeGitHubApi.StartAsync(Token);
        var environment = Actions(api, "pull_request-fork.json");

        var result = Check(environment);

        Assert.Equal(1, result.ExitCode);
        Assert.Empty(api.Requests);
        Assert.Contains("no PR comment: the pull request comes from the fork", result.Err);
        Assert.StartsWith("### ❌ benchgate: 1 regression", File.ReadAllText(environment["GITHUB_STEP_SUMMARY"]!));
    }

    [Fact]
    public async Task Check_BadGatewayThenOk_RetriedAndCommented_ForbiddenDiagnosed()
    {
        StoreBaseline();
        await using var api = await FakeGitHubApi.StartAsync(Token);
        var environment = Actions(api, "pull_request.json");
        api.Script("POST", "/comments", ScriptedResponse.BadGateway());

        var retried = Check(environment);

        Assert.True(retried.ExitCode == 0, retried.ToString());
        Assert.Single(api.Comments("benchgate/demo", 42));
        Assert.Contains("PR comment created", retried.Err);

        api.Script("PATCH", "/comments", ScriptedResponse.Json(403, "Resource not accessible by integration: {authorization}"));
        var forbidden = Check(environment);

        Assert.True(forbidden.ExitCode == 0, forbidden.ToString());
        Assert.Contains("pull-requests: write", forbidden.Err);
        Assert.DoesNotContain(Token, forbidden.Out + forbidden.Err);
    }

    private CliResult Check(Dictionary<string, string?> environment, params string[] extra)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, ErrIsTerminal: false, _module, CancellationToken.None)
        {
            Processes = Tools.Processes,
            Environment = name => environment.TryGetValue(name, out var value) ? value : null,
        };
        var code = Cli.RunAsync(context, ["check", .. Measure, .. extra]).GetAwaiter().GetResult();
        return new CliResult(code, output.ToString(), error.ToString());
    }

    private Dictionary<string, string?> Actions(FakeGitHubApi api, string eventFixture) => new()
    {
        ["GITHUB_ACTIONS"] = "true",
        ["GITHUB_REPOSITORY"] = "benchgate/demo",
        ["GITHUB_API_URL"] = api.ApiUrl.ToString(),
        ["GITHUB_SERVER_URL"] = "https://github.com",
        ["GITHUB_RUN_ID"] = "987654321",
        ["GITHUB_EVENT_NAME"] = "pull_request",
        ["GITHUB_EVENT_PATH"] = RepoPaths.Fixture("github", "events", eventFixture),
        ["GITHUB_SHA"] = "5f0c6b1a2d3e4f5061728394a5b6c7d8e9f0a1b2",
        ["GITHUB_REF"] = "refs/pull/42/merge",
        ["GITHUB_BASE_REF"] = "main",
        ["GITHUB_STEP_SUMMARY"] = _temp.Combine("summary.md"),
        ["GITHUB_TOKEN"] = Token,
    };
}
