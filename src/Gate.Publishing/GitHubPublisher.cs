using System.Globalization;
using System.Reflection;
using Gate.Core;
using Octokit;
using BenchmarkLocator = Gate.Core.Checking.BenchmarkLocator;

namespace Gate.Publishing;

/// <summary>
/// Publishes a gate's report to GitHub: appends the job summary (always, when the run has one), writes an error
/// annotation on the source line of each regressed benchmark, sets the step outputs, creates or updates the one
/// sticky PR comment of the gate, and optionally a check run. GitHub failures never throw: each step reports what
/// happened in the <see cref="PublishOutcome"/> and one line on stderr, and the caller exits by the verdict.
/// Every text that leaves (stdout, stderr, summary, comment, check run, annotations) has the token redacted.
/// </summary>
public sealed class GitHubPublisher
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    private readonly GitHubContext _context;
    private readonly TextWriter _out;
    private readonly TextWriter _err;
    private readonly RetryPolicy _retry;
    private readonly SecretRedactor _redactor;
    private readonly string _workingDirectory;
    private IGitHubClient? _client;

    /// <summary>A publisher for one run.</summary>
    /// <param name="context">The run's GitHub context (<see cref="GitHubContext.FromEnvironment(Func{string, string?}, string?)"/>).</param>
    /// <param name="stdout">Annotations (workflow commands) go here.</param>
    /// <param name="stderr">One line per skipped, failed or retried step goes here.</param>
    /// <param name="retry">Retries of transient GitHub failures; default <see cref="RetryPolicy.Default"/>.</param>
    /// <param name="workingDirectory">What relative package directories are relative to; default the current directory.</param>
    public GitHubPublisher(GitHubContext context, TextWriter stdout, TextWriter stderr, RetryPolicy? retry = null, string? workingDirectory = null)
    {
        _workingDirectory = workingDirectory ?? Environment.CurrentDirectory;
        _context = context;
        _redactor = SecretRedactor.For(context.Token);
        _out = new RedactingTextWriter(stdout, _redactor);
        _err = new RedactingTextWriter(stderr, _redactor);
        _retry = retry ?? RetryPolicy.Default;
    }

    /// <summary>Publishes <paramref name="request"/>; see the class summary.</summary>
    /// <exception cref="GateException">The gate name is invalid (check it early with <see cref="StickyComment.ValidateGateName"/>).</exception>
    public async Task<PublishOutcome> PublishAsync(PublishRequest request, CancellationToken cancellationToken = default)
    {
        StickyComment.ValidateGateName(request.GateName);
        var markdown = _redactor.Redact(request.Markdown);
        try
        {
            var summary = await AppendAsync("no job summary", () => WriteSummary(markdown)).ConfigureAwait(false);
            var (annotations, withoutLine) = await WriteAnnotationsAsync(request.Regressions).ConfigureAwait(false);
            var outputs = await AppendAsync("no step outputs", () => WriteOutputs(request)).ConfigureAwait(false);
            var comment = await PublishCommentAsync(request, markdown, cancellationToken).ConfigureAwait(false);
            var checkRun = await PublishCheckRunAsync(request, markdown, cancellationToken).ConfigureAwait(false);
            return new PublishOutcome(summary, comment, checkRun, outputs, annotations, withoutLine);
        }
        finally
        {
            await _out.FlushAsync().ConfigureAwait(false);
            await _err.FlushAsync().ConfigureAwait(false);
        }
    }

    /// <summary>A file the runner gave that cannot be written fails only its step: the verdict still decides the exit code.</summary>
    private async Task<PublishStep> AppendAsync(string headline, Func<PublishStep> append)
    {
        try
        {
            return append();
        }
        catch (GateException e)
        {
            var reason = _redactor.Redact(e.Message);
            await _err.WriteLineAsync($"benchgate: {headline}: {reason}").ConfigureAwait(false);
            return new PublishStep(PublishAction.Failed, reason);
        }
    }

    private PublishStep WriteSummary(string markdown)
    {
        if (_context.StepSummaryPath is not { } path)
        {
            return new PublishStep(PublishAction.Skipped, "GITHUB_STEP_SUMMARY is not set (not running in GitHub Actions)");
        }
        WorkflowFiles.AppendSummary(path, markdown);
        return new PublishStep(PublishAction.Appended, "job summary written");
    }

    private async Task<(int Written, int WithoutLine)> WriteAnnotationsAsync(IReadOnlyList<RegressedBenchmark> regressions)
    {
        if (!_context.InActions)
        {
            return (0, 0);
        }
        var locator = new BenchmarkLocator();
        var withoutLine = 0;
        foreach (var regression in regressions)
        {
            var location = locator.Find(Path.GetFullPath(regression.PackageDirectory, _workingDirectory), regression.Name);
            withoutLine += location is null ? 1 : 0;
            var command = WorkflowCommand.Error(
                _redactor.Redact(regression.Message),
                location is null ? null : AnnotationPath(location.File),
                location?.Line,
                _redactor.Redact($"{regression.Name} regressed"));
            await _out.WriteLineAsync(command).ConfigureAwait(false);
        }
        return (regressions.Count, withoutLine);
    }

    /// <summary>Annotation paths are relative to the workspace (the repository root), with forward slashes.</summary>
    private string AnnotationPath(string file)
    {
        var path = file;
        if (_context.Workspace is { } workspace)
        {
            var relative = Path.GetRelativePath(Path.GetFullPath(workspace), file);
            if (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative))
            {
                path = relative;
            }
        }
        return path.Replace('\\', '/');
    }

    private PublishStep WriteOutputs(PublishRequest request)
    {
        if (_context.OutputPath is not { } path)
        {
            return new PublishStep(PublishAction.Skipped, "GITHUB_OUTPUT is not set (not running in GitHub Actions)");
        }
        var outputs = new List<KeyValuePair<string, string>>
        {
            new("regressions", request.Regressions.Count.ToString(CultureInfo.InvariantCulture)),
        };
        if (request.ReportPath is { } reportPath)
        {
            outputs.Add(new("report-path", _redactor.Redact(reportPath)));
        }
        WorkflowFiles.AppendOutputs(path, outputs);
        return new PublishStep(PublishAction.Appended, string.Join(", ", outputs.Select(o => o.Key)));
    }

    private async Task<PublishStep> PublishCommentAsync(PublishRequest request, string markdown, CancellationToken cancellationToken)
    {
        if (!request.Comment)
        {
            return new PublishStep(PublishAction.Skipped, "PR comment not requested");
        }
        if (WhyNotWritable(GitHubOperation.Comment) is { } reason)
        {
            return await SkippedAsync("no PR comment", reason).ConfigureAwait(false);
        }
        var (owner, name) = _context.RepositoryParts();
        var number = _context.PullRequest!.Number;
        var body = StickyComment.Body(request.GateName, markdown, _context.RunUrl);
        // Find and write as one unit: a retry after a 5xx looks again, so a comment GitHub created before
        // failing to answer is updated, not duplicated.
        return await WriteAsync(GitHubOperation.Comment, async client =>
        {
            var comments = await client.Issue.Comment.GetAllForIssue(owner, name, number, new ApiOptions { PageSize = 100 }).ConfigureAwait(false);
            var existing = comments.FirstOrDefault(c => StickyComment.IsFor(c.Body, request.GateName));
            var written = existing is null
                ? await client.Issue.Comment.Create(owner, name, number, body).ConfigureAwait(false)
                : await client.Issue.Comment.Update(owner, name, existing.Id, body).ConfigureAwait(false);
            return (existing is null, written.Id, written.HtmlUrl);
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<PublishStep> PublishCheckRunAsync(PublishRequest request, string markdown, CancellationToken cancellationToken)
    {
        if (!request.CheckRun)
        {
            return new PublishStep(PublishAction.Skipped, "check run not requested");
        }
        if ((WhyNotWritable(GitHubOperation.CheckRun) ?? (_context.HeadSha is null ? "GITHUB_SHA is not set" : null)) is { } reason)
        {
            return await SkippedAsync("no check run", reason).ConfigureAwait(false);
        }
        var (owner, name) = _context.RepositoryParts();
        var sha = _context.HeadSha!;
        var regressed = request.Regressions.Count > 0;
        var title = _redactor.Redact(request.Title ?? (regressed ? $"{request.Regressions.Count} regression(s)" : "no regression"));
        var note = "**Truncated:** a check run summary is limited to 65,535 characters; the whole report is in the job summary"
            + (_context.RunUrl is null ? "." : $" of [this run]({_context.RunUrl}).");
        var completion = new CheckRunUpdate
        {
            Status = CheckStatus.Completed,
            Conclusion = regressed ? CheckConclusion.Failure : CheckConclusion.Success,
            DetailsUrl = _context.RunUrl?.ToString(),
            Output = new NewCheckRunOutput(title, MarkdownTruncation.Fit(markdown, MarkdownTruncation.CheckRunSummaryLimit, note)),
        };
        // The gate's check run on this commit (a re-run of the job) is completed again; else one is created and completed.
        return await WriteAsync(GitHubOperation.CheckRun, async client =>
        {
            var runs = await client.Check.Run.GetAllForReference(owner, name, sha, new CheckRunRequest { CheckName = request.GateName }).ConfigureAwait(false);
            var existing = runs.CheckRuns.FirstOrDefault(r => r.Name == request.GateName)
                ?? await client.Check.Run.Create(owner, name, new NewCheckRun(request.GateName, sha) { Status = CheckStatus.InProgress }).ConfigureAwait(false);
            completion.CompletedAt = _retry.Clock.GetUtcNow();
            var written = await client.Check.Run.Update(owner, name, existing.Id, completion).ConfigureAwait(false);
            return (runs.CheckRuns.All(r => r.Id != existing.Id), written.Id, written.HtmlUrl);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs one GitHub write with retries; reports it as created or updated, or as failed with a one-line diagnosis.
    /// </summary>
    private async Task<PublishStep> WriteAsync(
        GitHubOperation operation,
        Func<IGitHubClient, Task<(bool Created, long Id, string? HtmlUrl)>> write,
        CancellationToken cancellationToken)
    {
        var what = operation == GitHubOperation.Comment ? "PR comment" : "check run";
        var retrier = new GitHubRetrier(_retry, _err, what);
        try
        {
            var client = _client ??= CreateClient();
            var (created, id, htmlUrl) = await retrier.RunAsync(() => write(client), cancellationToken).ConfigureAwait(false);
            var url = Uri.TryCreate(htmlUrl, UriKind.Absolute, out var parsed) ? parsed : null;
            var verb = created ? "created" : "updated";
            await _err.WriteLineAsync($"benchgate: {what} {verb}{(url is null ? "" : ": " + url)}").ConfigureAwait(false);
            return new PublishStep(created ? PublishAction.Created : PublishAction.Updated, $"{what} {verb}") { Id = id, Url = url };
        }
        catch (Exception e) when (GitHubFailure.IsGitHubFailure(e) && !cancellationToken.IsCancellationRequested)
        {
            var diagnosis = _redactor.Redact(GitHubFailure.Diagnose(e, operation, _context, retrier.Attempts));
            await _err.WriteLineAsync($"benchgate: no {what}: {diagnosis}").ConfigureAwait(false);
            return new PublishStep(PublishAction.Failed, diagnosis);
        }
    }

    /// <summary>Why the run cannot write to GitHub, or null when it can.</summary>
    private string? WhyNotWritable(GitHubOperation operation)
    {
        if (!_context.InActions)
        {
            return "not running in GitHub Actions";
        }
        if (_context.Repository is null)
        {
            return "GITHUB_REPOSITORY is not set";
        }
        if (operation == GitHubOperation.Comment && _context.PullRequest is null)
        {
            return $"the run is not for a pull request (event {_context.EventName ?? "unknown"})";
        }
        if (_context.TokenIsReadOnly)
        {
            return $"the pull request comes from the fork {_context.PullRequest!.HeadRepository ?? "(deleted)"}, whose workflow token is read-only; the report is in the job summary";
        }
        if (_context.Token is null)
        {
            return $"no token: {_context.TokenVariable} is not set (the action passes its `token` input; a workflow step needs `env: GITHUB_TOKEN: ${{{{ github.token }}}}`)";
        }
        return null;
    }

    private IGitHubClient CreateClient()
    {
        var version = typeof(GitHubPublisher).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0";
        var connection = new Connection(
            new ProductHeaderValue("BenchGate", version),
            _context.ApiUrl,
            new Octokit.Internal.InMemoryCredentialStore(new Credentials(_context.Token!.Value)));
        connection.SetRequestTimeout(RequestTimeout);
        return new GitHubClient(connection);
    }

    private async Task<PublishStep> SkippedAsync(string headline, string reason)
    {
        // Outside Actions, or on a run that is not for a PR, a missing comment is expected: say nothing.
        if (_context.InActions && _context.PullRequest is not null)
        {
            await _err.WriteLineAsync($"benchgate: {headline}: {reason}").ConfigureAwait(false);
        }
        return new PublishStep(PublishAction.Skipped, reason);
    }
}
