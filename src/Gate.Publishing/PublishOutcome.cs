namespace Gate.Publishing;

/// <summary>What happened to one published thing.</summary>
public enum PublishAction
{
    /// <summary>Created anew (a comment, a check run).</summary>
    Created,

    /// <summary>An existing one was updated in place.</summary>
    Updated,

    /// <summary>Appended to a file (the job summary, the step outputs).</summary>
    Appended,

    /// <summary>Not attempted, for the reason given (not a PR, a fork's read-only token, no token, not requested…).</summary>
    Skipped,

    /// <summary>Attempted and failed; the reason is a one-line diagnosis.</summary>
    Failed,
}

/// <summary>The result of one publishing step.</summary>
/// <param name="Action">What happened.</param>
/// <param name="Reason">Why it was skipped or failed, or what was written; one line, secrets redacted.</param>
public sealed record PublishStep(PublishAction Action, string Reason)
{
    /// <summary>The comment's or check run's id, when one was created or updated.</summary>
    public long? Id { get; init; }

    /// <summary>Its web address, when GitHub gave one.</summary>
    public Uri? Url { get; init; }
}

/// <summary>What <see cref="GitHubPublisher.PublishAsync"/> did.</summary>
/// <param name="Summary">The job summary (GITHUB_STEP_SUMMARY).</param>
/// <param name="Comment">The sticky PR comment.</param>
/// <param name="CheckRun">The check run.</param>
/// <param name="Outputs">The step outputs (GITHUB_OUTPUT): <c>regressions</c>, <c>report-path</c>.</param>
/// <param name="Annotations">Error annotations written; <see cref="AnnotationsWithoutLine"/> of them name no source line.</param>
/// <param name="AnnotationsWithoutLine">Annotations whose benchmark function was not found in its package's <c>_test.go</c> files.</param>
public sealed record PublishOutcome(
    PublishStep Summary,
    PublishStep Comment,
    PublishStep CheckRun,
    PublishStep Outputs,
    int Annotations,
    int AnnotationsWithoutLine);
