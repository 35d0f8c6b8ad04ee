using Gate.Core.Checking;
using Gate.Core.Reporting;

namespace Gate.Publishing;

/// <summary>
/// Publishes a check's outcome to GitHub through <see cref="GitHubPublisher"/>: in GitHub Actions (or with a token),
/// the job summary, the error annotation of each regression, the step outputs, the sticky PR comment and, when asked,
/// a check run; when nothing could be compared, a job summary that says why (no comment).
/// </summary>
/// <param name="github">The run's GitHub context.</param>
/// <param name="stdout">Annotations go here.</param>
/// <param name="stderr">What could not be published, one line each.</param>
/// <param name="workingDirectory">Relative package directories are relative to it.</param>
public sealed class GitHubCheckPublisher(GitHubContext github, TextWriter stdout, TextWriter stderr, string workingDirectory) : ICheckPublisher
{
    /// <inheritdoc />
    public async Task PublishAsync(CheckResult result, PublishWishes wishes, CancellationToken cancellationToken)
    {
        var publisher = new GitHubPublisher(github, stdout, stderr, workingDirectory: workingDirectory);
        if (result.Comparison is not { } outcome)
        {
            if (github.StepSummaryPath is not null)
            {
                var why = result.Missing?.Explanation ?? "nothing to compare";
                await publisher.PublishAsync(new PublishRequest(wishes.GateName, $"### ⚠️ {MarkdownText.Escape(wishes.GateName)}: nothing compared\n\n{MarkdownText.Escape(why)}\n") { Comment = false }, cancellationToken).ConfigureAwait(false);
            }
            return;
        }
        if (!github.InActions && github.Token is null)
        {
            return;
        }
        await publisher.PublishAsync(
            new PublishRequest(wishes.GateName, CheckReport.Markdown(outcome, wishes.GateName))
            {
                Regressions = [.. result.Regressions.Select(r => new RegressedBenchmark(r.Source.PackageDirectory ?? workingDirectory, r.Comparison.Benchmark, $"{ComparisonCells.Movement(r.Comparison)}: {r.Comparison.Reason}"))],
                Comment = wishes.Comment,
                CheckRun = wishes.CheckRun,
                Title = outcome.Headline(wishes.GateName),
                ReportPath = result.ReportPath,
            },
            cancellationToken).ConfigureAwait(false);
    }
}
