using System.Globalization;
using Gate.Publishing.Tests.Fakes;
using Gate.TestUtilities;

namespace Gate.Publishing.Tests.Publishing;

/// <summary>
/// Publishing end to end through Octokit against the fake GitHub REST API on 127.0.0.1, with realistic event
/// payloads: the sticky comment's life over several runs, forks, retries, diagnoses, check runs, annotations.
/// </summary>
public class GitHubPublisherTests
{
    private const string Repository = "benchgate/demo";
    private const int Pr = 42;

    private static PublishRequest Report(string gate, string markdown) => new(gate, markdown);

    [Fact]
    public async Task PublishAsync_ThreeRuns_CreatesUpdatesAndKeepsOneCommentPerGate()
    {
        // Given a pull request with a comment by someone else
        await using var run = await PublishHarness.StartAsync();
        run.Api.SeedComment(Repository, Pr, "Looks good to me");

        // When the gate publishes on the first push
        var first = await run.PublishAsync(Report("bench", "## BenchGate\n1 regression"));

        // Then one comment is created, marked for the gate
        Assert.Equal(PublishAction.Created, first.Comment.Action);
        var created = run.Api.Comments(Repository, Pr)[1];
        Assert.Equal("<!-- benchgate:bench -->\n## BenchGate\n1 regression", created.Body);
        Assert.Equal(created.Id, first.Comment.Id);
        Assert.Equal(new Uri($"https://github.com/{Repository}/pull/{Pr}#issuecomment-{created.Id}"), first.Comment.Url);

        // When it publishes again (the next push), Then the same comment is updated in place
        var second = await run.PublishAsync(Report("bench", "## BenchGate\nno regression"));
        Assert.Equal(PublishAction.Updated, second.Comment.Action);
        Assert.Equal(created.Id, second.Comment.Id);
        Assert.Equal(2, run.Api.Comments(Repository, Pr).Count);
        Assert.Equal("<!-- benchgate:bench -->\n## BenchGate\nno regression", run.Api.Comments(Repository, Pr)[1].Body);

        // When another gate publishes on the same PR, Then it gets its own comment, and the first stays as it was
        var other = await run.PublishAsync(Report("bench-cachegrind", "## BenchGate (cachegrind)"));
        Assert.Equal(PublishAction.Created, other.Comment.Action);
        var comments = run.Api.Comments(Repository, Pr);
        Assert.Equal(3, comments.Count);
        Assert.Equal("Looks good to me", comments[0].Body);
        Assert.Equal("<!-- benchgate:bench -->\n## BenchGate\nno regression", comments[1].Body);
        Assert.Equal("<!-- benchgate:bench-cachegrind -->\n## BenchGate (cachegrind)", comments[2].Body);

        // And the calls were list → create, list → update, list → create, all authenticated with the token
        Assert.Equal(["GET", "POST", "GET", "PATCH", "GET", "POST"], run.Api.Requests.Select(r => r.Method));
        Assert.All(run.Api.Requests, r => Assert.EndsWith(" " + PublishHarness.Token, r.Authorization));
        Assert.Equal(3, run.ErrLines.Length);
        Assert.StartsWith("benchgate: PR comment created: https://github.com/", run.ErrLines[0]);
        Assert.StartsWith("benchgate: PR comment updated: https://github.com/", run.ErrLines[1]);
    }

    [Fact]
    public async Task PublishAsync_ForkPullRequest_WritesOnlyTheSummary()
    {
        // Given a pull_request run from a fork (its token is read-only)
        await using var run = await PublishHarness.StartAsync("pull_request-fork.json");

        // When the gate publishes, with a check run requested too
        var outcome = await run.PublishAsync(Report("bench", "## BenchGate\n2 regressions") with { CheckRun = true });

        // Then the job summary is written, GitHub is never called, and stderr says why in one line each
        Assert.Equal("## BenchGate\n2 regressions\n\n", run.Summary);
        Assert.Equal(PublishAction.Appended, outcome.Summary.Action);
        Assert.Empty(run.Api.Requests);
        Assert.Equal(PublishAction.Skipped, outcome.Comment.Action);
        Assert.Equal(PublishAction.Skipped, outcome.CheckRun.Action);
        Assert.Equal(
            [
                "benchgate: no PR comment: the pull request comes from the fork contributor/demo, whose workflow token is read-only; the report is in the job summary",
                "benchgate: no check run: the pull request comes from the fork contributor/demo, whose workflow token is read-only; the report is in the job summary",
            ],
            run.ErrLines);
    }

    [Fact]
    public async Task PublishAsync_502ThenOk_RetriesAndCreatesOneComment()
    {
        // Given GitHub's edge answers the first comment creation with a 502 page
        await using var run = await PublishHarness.StartAsync();
        run.Api.Script("POST", $"/issues/{Pr}/comments", ScriptedResponse.BadGateway());

        // When the gate publishes
        var outcome = await run.PublishAsync(Report("bench", "report"));

        // Then it waited once (the first backoff), tried again, and there is one comment
        Assert.Equal(PublishAction.Created, outcome.Comment.Action);
        Assert.Equal([TimeSpan.FromSeconds(2)], run.Sleeps);
        Assert.Single(run.Api.Comments(Repository, Pr));
        Assert.Equal("benchgate: GitHub PR comment: HTTP 502; retrying in 2 s (attempt 2 of 4)", run.ErrLines[0]);
    }

    [Fact]
    public async Task PublishAsync_502AfterTheWriteHappened_UpdatesInsteadOfDuplicating()
    {
        // Given GitHub creates the comment but the answer is lost in a 502
        await using var run = await PublishHarness.StartAsync();
        run.Api.Script("POST", $"/issues/{Pr}/comments", ScriptedResponse.BadGateway() with { AfterApplying = true });

        // When the gate publishes
        var outcome = await run.PublishAsync(Report("bench", "report"));

        // Then the retry finds the comment and updates it: still exactly one
        Assert.Equal(PublishAction.Updated, outcome.Comment.Action);
        Assert.Single(run.Api.Comments(Repository, Pr));
        Assert.Equal(["GET", "POST", "GET", "PATCH"], run.Api.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task PublishAsync_403_DiagnosedInOneLineWithoutRetry()
    {
        // Given a token without write permission on pull requests
        await using var run = await PublishHarness.StartAsync();
        run.Api.Script("POST", $"/issues/{Pr}/comments", ScriptedResponse.Json(403, "Resource not accessible by integration"));

        // When the gate publishes
        var outcome = await run.PublishAsync(Report("bench", "report"));

        // Then the comment failed with one line naming the missing permission; nothing was retried
        const string Diagnosis = "the token may not comment on pull request #42 (403 Forbidden: Resource not accessible by integration): give the workflow job `permissions: pull-requests: write`";
        Assert.Equal(PublishAction.Failed, outcome.Comment.Action);
        Assert.Equal(Diagnosis, outcome.Comment.Reason);
        Assert.Equal(["benchgate: no PR comment: " + Diagnosis], run.ErrLines);
        Assert.Empty(run.Sleeps);
        Assert.Equal("report\n\n", run.Summary);
    }

    [Theory]
    [InlineData("GET", 401, "Bad credentials", "GitHub rejected the token (401 Unauthorized: Bad credentials): check the token in GITHUB_TOKEN")]
    [InlineData("GET", 404, "Not Found", "the token cannot see benchgate/demo (404 Not Found: repos/benchgate/demo/issues/42/comments was not found): use the workflow's own token for this repository, with `permissions: pull-requests: write`")]
    [InlineData("POST", 422, "Validation Failed", "GitHub rejected the request as invalid (422 Unprocessable Entity: Validation Failed)")]
    public async Task PublishAsync_ClientError_DiagnosedInOneLine(string method, int status, string message, string diagnosis)
    {
        // Given GitHub refuses the comment's call with a client error
        await using var run = await PublishHarness.StartAsync();
        run.Api.Script(method, $"/issues/{Pr}/comments", ScriptedResponse.Json(status, message));

        // When the gate publishes
        var outcome = await run.PublishAsync(Report("bench", "report"));

        // Then the diagnosis is one line, and nothing was retried
        Assert.Equal(PublishAction.Failed, outcome.Comment.Action);
        Assert.Equal(diagnosis, outcome.Comment.Reason);
        Assert.Equal(["benchgate: no PR comment: " + diagnosis], run.ErrLines);
        Assert.Empty(run.Sleeps);
    }

    [Fact]
    public async Task PublishAsync_5xxEveryTime_GivesUpAfterBoundedBackoff()
    {
        // Given GitHub answers 503 to every call
        await using var run = await PublishHarness.StartAsync();
        var unavailable = ScriptedResponse.Json(503, "Service Unavailable");
        run.Api.Script("GET", $"/issues/{Pr}/comments", unavailable, unavailable, unavailable, unavailable, unavailable);

        // When the gate publishes
        var outcome = await run.PublishAsync(Report("bench", "report"));

        // Then it called 4 times with exponential waits between, then reported
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8)], run.Sleeps);
        Assert.Equal(4, run.Api.Requests.Count);
        Assert.Equal(PublishAction.Failed, outcome.Comment.Action);
        Assert.Equal("GitHub answered 503 Service Unavailable: Service Unavailable (4 attempts)", outcome.Comment.Reason);
    }

    [Theory]
    [InlineData("primary limit used up, resets in 5 s", 5)]
    [InlineData("secondary limit, 429 with Retry-After: 7", 7)]
    public async Task PublishAsync_RateLimited_WaitsAsAskedThenSucceeds(string limit, int seconds)
    {
        // Given GitHub's rate limit answers the first call, saying when to come back
        await using var run = await PublishHarness.StartAsync();
        run.Api.Script("GET", $"/issues/{Pr}/comments", limit.StartsWith("primary", StringComparison.Ordinal)
            ? RateLimited(PublishHarness.Now.AddSeconds(seconds))
            : ScriptedResponse.Json(429, "You have exceeded a secondary rate limit.") with
            {
                Headers = new Dictionary<string, string> { ["Retry-After"] = seconds.ToString(CultureInfo.InvariantCulture) },
            });

        // When the gate publishes
        var outcome = await run.PublishAsync(Report("bench", "report"));

        // Then it waited as long as GitHub asked, and then created the comment
        Assert.Equal([TimeSpan.FromSeconds(seconds)], run.Sleeps);
        Assert.Equal(PublishAction.Created, outcome.Comment.Action);
    }

    [Fact]
    public async Task PublishAsync_RateLimitedResetLater_ReportsWithoutBlocking()
    {
        // Given the rate limit resets in an hour
        await using var run = await PublishHarness.StartAsync();
        run.Api.Script("GET", $"/issues/{Pr}/comments", RateLimited(PublishHarness.Now.AddHours(1)));

        // When the gate publishes
        var outcome = await run.PublishAsync(Report("bench", "report"));

        // Then it does not wait an hour: it reports the limit and when it resets
        Assert.Empty(run.Sleeps);
        Assert.Equal(PublishAction.Failed, outcome.Comment.Action);
        Assert.Equal("GitHub rate limit exceeded (403 Forbidden: API rate limit exceeded for installation ID 4242); it resets at 11:00:00 UTC", outcome.Comment.Reason);
    }

    [Fact]
    public async Task PublishAsync_CommentOnLaterPage_IsFoundAndUpdated()
    {
        // Given a busy PR: 150 comments by people, then the gate's comment
        await using var run = await PublishHarness.StartAsync();
        for (var i = 0; i < 150; i++)
        {
            run.Api.SeedComment(Repository, Pr, $"comment {i}");
        }
        run.Api.SeedComment(Repository, Pr, "<!-- benchgate:bench -->\nold report", "github-actions[bot]");

        // When the gate publishes
        var outcome = await run.PublishAsync(Report("bench", "new report"));

        // Then it followed the pagination to the second page and updated its comment
        Assert.Equal(PublishAction.Updated, outcome.Comment.Action);
        Assert.Equal(151, run.Api.Comments(Repository, Pr).Count);
        Assert.Equal("<!-- benchgate:bench -->\nnew report", run.Api.Comments(Repository, Pr)[150].Body);
        Assert.Contains(run.Api.Requests, r => r.Method == "GET" && r.Path.Contains("page=2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PublishAsync_EnterpriseApiUnderPath_KeepsThePath()
    {
        // Given an API served under /api/v3 (GitHub Enterprise Server's layout)
        await using var run = await PublishHarness.StartAsync(pathBase: "/api/v3");

        // When the gate publishes
        var outcome = await run.PublishAsync(Report("bench", "report"));

        // Then every call went under /api/v3, and the comment was created
        Assert.Equal(PublishAction.Created, outcome.Comment.Action);
        Assert.All(run.Api.Requests, r => Assert.StartsWith("/api/v3/repos/benchgate/demo/", r.Path));
    }

    [Fact]
    public async Task PublishAsync_CheckRun_CreatedThenUpdatedOnThePullRequestHead()
    {
        // Given a run with --check-run
        await using var run = await PublishHarness.StartAsync();
        var regressed = new PublishRequest("bench", "## 1 regression") { CheckRun = true, Comment = false, Regressions = [new("examples/codec", "BenchmarkEncode/size=64", "sec/op +12%")] };

        // When it publishes a regression, Then a failed check run is created on the PR's head commit
        var first = await run.PublishAsync(regressed);
        Assert.Equal(PublishAction.Created, first.CheckRun.Action);
        var created = Assert.Single(run.Api.CheckRuns());
        Assert.Equal("bench", (string)created["name"]!);
        Assert.Equal(PublishHarness.HeadSha, (string)created["head_sha"]!);
        Assert.Equal("completed", (string)created["status"]!);
        Assert.Equal("failure", (string)created["conclusion"]!);
        Assert.Equal("1 regression(s)", (string)created["output"]!["title"]!);
        Assert.Equal("## 1 regression", (string)created["output"]!["summary"]!);
        Assert.Equal("https://github.com/benchgate/demo/actions/runs/987654321", (string)created["details_url"]!);

        // When the job is re-run and passes, Then the same check run is updated to success
        var second = await run.PublishAsync(regressed with { Regressions = [], Markdown = "## no regression", Title = "no regression in 6 benchmarks" });
        Assert.Equal(PublishAction.Updated, second.CheckRun.Action);
        var updated = Assert.Single(run.Api.CheckRuns());
        Assert.Equal(first.CheckRun.Id, second.CheckRun.Id);
        Assert.Equal("success", (string)updated["conclusion"]!);
        Assert.Equal("no regression in 6 benchmarks", (string)updated["output"]!["title"]!);
    }

    [Fact]
    public async Task PublishAsync_CheckRunRefused_DiagnosedWithChecksPermission()
    {
        // Given a token without checks: write
        await using var run = await PublishHarness.StartAsync();
        run.Api.Script("POST", "/check-runs", ScriptedResponse.Json(403, "Resource not accessible by integration"));

        // When the gate publishes a comment and a check run
        var outcome = await run.PublishAsync(Report("bench", "report") with { CheckRun = true });

        // Then the comment is there, and the check run's failure names the permission
        Assert.Equal(PublishAction.Created, outcome.Comment.Action);
        Assert.Equal(PublishAction.Failed, outcome.CheckRun.Action);
        Assert.Equal("the token may not create check runs (403 Forbidden: Resource not accessible by integration): give the workflow job `permissions: checks: write`", outcome.CheckRun.Reason);
    }

    [Fact]
    public async Task PublishAsync_CheckRunOnInvalidSha_422Diagnosed()
    {
        // Given a push run whose GITHUB_SHA GitHub will not accept
        await using var run = await PublishHarness.StartAsync("push.json", "push");
        run.Environment["GITHUB_SHA"] = "not-a-sha";

        // When a check run is published
        var outcome = await run.PublishAsync(Report("bench", "report") with { CheckRun = true });

        // Then GitHub's validation error is quoted; the comment is skipped silently (no PR)
        Assert.Equal(PublishAction.Failed, outcome.CheckRun.Action);
        Assert.Equal("GitHub rejected the request as invalid (422 Unprocessable Entity: Validation Failed; head_sha invalid)", outcome.CheckRun.Reason);
        Assert.Equal(PublishAction.Skipped, outcome.Comment.Action);
        Assert.Equal("the run is not for a pull request (event push)", outcome.Comment.Reason);
        Assert.Equal(["benchgate: no check run: " + outcome.CheckRun.Reason], run.ErrLines);
    }

    [Fact]
    public async Task PublishAsync_LongReport_CommentCutWithPointerSummaryWhole()
    {
        // Given a report of 150,000 characters
        await using var run = await PublishHarness.StartAsync();
        var markdown = "| benchmark | change |\n|---|---|\n" + string.Concat(Enumerable.Range(0, 3000).Select(i => $"| BenchmarkLongName/case={i:D6} | +1.0% |\n"));
        Assert.True(markdown.Length > 120_000);

        // When it is published
        var outcome = await run.PublishAsync(Report("bench", markdown));

        // Then the comment fits GitHub's limit and points at the run's job summary, which has the whole report
        Assert.Equal(PublishAction.Created, outcome.Comment.Action);
        var body = Assert.Single(run.Api.Comments(Repository, Pr)).Body;
        Assert.InRange(body.Length, MarkdownTruncation.CommentLimit - 200, MarkdownTruncation.CommentLimit);
        Assert.EndsWith("The whole report is in the [job summary](https://github.com/benchgate/demo/actions/runs/987654321).\n", body);
        Assert.Equal(markdown + "\n", run.Summary);
    }

    [Fact]
    public async Task PublishAsync_NoToken_SummaryOnlyAndSaysWhy()
    {
        // Given a PR run whose step did not pass a token
        await using var run = await PublishHarness.StartAsync();
        run.Environment.Remove("GITHUB_TOKEN");

        // When the gate publishes
        var outcome = await run.PublishAsync(Report("bench", "report"));

        // Then the summary is written, GitHub is not called, and stderr says how to pass the token
        Assert.Equal("report\n\n", run.Summary);
        Assert.Empty(run.Api.Requests);
        Assert.Equal(PublishAction.Skipped, outcome.Comment.Action);
        Assert.Equal(["benchgate: no PR comment: no token: GITHUB_TOKEN is not set (the action passes its `token` input; a workflow step needs `env: GITHUB_TOKEN: ${{ github.token }}`)"], run.ErrLines);
    }

    [Fact]
    public async Task PublishAsync_NotInActions_WritesNothingAndSaysNothing()
    {
        // Given a developer's machine: no GitHub variables at all
        await using var run = await PublishHarness.StartAsync();
        run.Environment.Clear();

        // When the gate publishes
        var outcome = await run.PublishAsync(Report("bench", "report") with { Regressions = [new("examples/codec", "BenchmarkEncode", "slower")], CheckRun = true });

        // Then nothing is written anywhere, and every step says why it was skipped
        Assert.Equal("", run.Out.ToString());
        Assert.Equal("", run.Err.ToString());
        Assert.Empty(run.Api.Requests);
        Assert.Equal(0, outcome.Annotations);
        Assert.All([outcome.Summary, outcome.Comment, outcome.CheckRun, outcome.Outputs], step => Assert.Equal(PublishAction.Skipped, step.Action));
    }

    [Fact]
    public async Task PublishAsync_SummaryFileHasContent_AppendsToIt()
    {
        // Given an earlier step (or gate) already wrote to the job summary
        await using var run = await PublishHarness.StartAsync();
        await File.WriteAllTextAsync(run.SummaryPath, "# Build\nok\n");

        // When the gate publishes, Then its report is appended
        await run.PublishAsync(Report("bench", "## BenchGate"));
        Assert.Equal("# Build\nok\n## BenchGate\n\n", run.Summary);
    }

    [Fact]
    public async Task PublishAsync_SummaryFileUnwritable_FailsThatStepOnly()
    {
        // Given GITHUB_STEP_SUMMARY names a directory
        await using var run = await PublishHarness.StartAsync();
        Directory.CreateDirectory(run.SummaryPath);

        // When the gate publishes
        var outcome = await run.PublishAsync(Report("bench", "report"));

        // Then the summary step failed with one line, and the comment was still written
        Assert.Equal(PublishAction.Failed, outcome.Summary.Action);
        Assert.StartsWith($"cannot append to GITHUB_STEP_SUMMARY file {run.SummaryPath}: ", outcome.Summary.Reason);
        Assert.StartsWith("benchgate: no job summary: cannot append to GITHUB_STEP_SUMMARY file", run.ErrLines[0]);
        Assert.Equal(PublishAction.Created, outcome.Comment.Action);
    }

    [Fact]
    public async Task PublishAsync_Regressions_AnnotateTheirFuncLinesAndSetOutputs()
    {
        // Given regressions in two examples/ packages and one benchmark that no longer exists
        await using var run = await PublishHarness.StartAsync();
        var request = new PublishRequest("bench", "report")
        {
            Comment = false,
            ReportPath = "/tmp/benchgate/report.md",
            Regressions =
            [
                new(Path.Combine(RepoPaths.Examples, "codec"), "BenchmarkEncode/size=64", "sec/op +12.0% [+9.1%, +15.2%], p=0.002"),
                new("examples/textproc", "BenchmarkWordFreq", "allocs/op 166 → 170 (+2.4%)\nB/op +3%"),
                new(Path.Combine(RepoPaths.Examples, "codec"), "BenchmarkGone", "was 1.0µs"),
            ],
        };

        // When the gate publishes
        var outcome = await run.PublishAsync(request);

        // Then each regression has an ::error on stdout, on the line of its func, with workspace-relative paths
        var encodeLine = LineOf(Path.Combine(RepoPaths.Examples, "codec", "rle_test.go"), "func BenchmarkEncode(");
        var wordFreqLine = LineOf(Path.Combine(RepoPaths.Examples, "textproc", "wordfreq_test.go"), "func BenchmarkWordFreq(");
        Assert.Equal(
            [
                $"::error file=examples/codec/rle_test.go,line={encodeLine},title=BenchmarkEncode/size=64 regressed::sec/op +12.0%25 [+9.1%25, +15.2%25], p=0.002",
                $"::error file=examples/textproc/wordfreq_test.go,line={wordFreqLine},title=BenchmarkWordFreq regressed::allocs/op 166 → 170 (+2.4%25)%0AB/op +3%25",
                "::error title=BenchmarkGone regressed::was 1.0µs",
            ],
            run.Out.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(3, outcome.Annotations);
        Assert.Equal(1, outcome.AnnotationsWithoutLine);

        // And the step outputs hold the count and the report's path
        Assert.Equal("regressions=3\nreport-path=/tmp/benchgate/report.md\n", run.Outputs);
    }

    [Fact]
    public async Task PublishAsync_TokenEchoedByServerAndInReport_NeverLeavesOnAnyPath()
    {
        // Given the token in the report, in a regression message and name, and a server that echoes the
        // Authorization header into its error bodies: an HTML 502 (retried), and a JSON 403 and 422
        await using var run = await PublishHarness.StartAsync();
        const string Token = PublishHarness.Token;
        run.Api.Script("GET", $"/issues/{Pr}/comments", new ScriptedResponse(502, "<html>upstream rejected {authorization}</html>") { ContentType = "text/html" });
        run.Api.Script("GET", "/check-runs", ScriptedResponse.Json(403, "Forbidden for {authorization}"));
        var request = new PublishRequest("bench", $"## Report\nenv dump: GITHUB_TOKEN={Token}\n")
        {
            CheckRun = true,
            Title = "title " + Token,
            ReportPath = "/tmp/" + Token,
            Regressions = [new("examples/codec", $"BenchmarkEncode/{Token}", $"message {Token}")],
        };

        // When the gate publishes
        var outcome = await run.PublishAsync(request);
        run.Api.Script("POST", "/check-runs", ScriptedResponse.Json(422, "Invalid {authorization}"));
        var again = await run.PublishAsync(request with { Comment = false });

        // Then the token appears nowhere: stdout (annotations), stderr, job summary, step outputs, the comment and
        // check run bodies GitHub received, and the outcomes; the comment and summary show the mask instead
        Assert.Equal(PublishAction.Created, outcome.Comment.Action);
        Assert.Equal(PublishAction.Failed, outcome.CheckRun.Action);
        Assert.Equal(PublishAction.Failed, again.CheckRun.Action);
        Assert.Contains("Forbidden for Token ***", outcome.CheckRun.Reason);
        Assert.Contains("Invalid Token ***", again.CheckRun.Reason);
        var everything = new Dictionary<string, string>
        {
            ["stdout"] = run.Out.ToString(),
            ["stderr"] = run.Err.ToString(),
            ["summary"] = run.Summary,
            ["outputs"] = run.Outputs,
            ["comment"] = run.Api.Comments(Repository, Pr).Single().Body,
            ["requests"] = string.Join("\n", run.Api.Requests.Where(r => r.Method != "GET").Select(r => r.Body)),
            ["outcomes"] = outcome.ToString() + again.ToString(),
        };
        Assert.All(everything, output => Assert.False(output.Value.Contains(Token, StringComparison.Ordinal), $"{output.Key} leaks the token:\n{output.Value}"));
        Assert.Contains("GITHUB_TOKEN=***", everything["summary"]);
        Assert.Contains("GITHUB_TOKEN=***", everything["comment"]);
        Assert.Contains(",title=BenchmarkEncode/*** regressed::message ***", everything["stdout"]);
        Assert.Contains("retrying in 2 s", everything["stderr"]);
    }

    private static ScriptedResponse RateLimited(DateTimeOffset reset) =>
        ScriptedResponse.Json(403, "API rate limit exceeded for installation ID 4242.") with
        {
            Headers = new Dictionary<string, string>
            {
                ["X-RateLimit-Limit"] = "5000",
                ["X-RateLimit-Remaining"] = "0",
                ["X-RateLimit-Reset"] = reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            },
        };

    private static int LineOf(string file, string start) =>
        1 + Array.FindIndex(File.ReadAllLines(file), l => l.StartsWith(start, StringComparison.Ordinal));
}
