namespace Gate.Publishing;

/// <summary>The pull request a workflow run belongs to, from its event payload.</summary>
/// <param name="Number">The PR number (also its issue number, which comments use).</param>
/// <param name="BaseRepository"><c>owner/name</c> the PR merges into.</param>
/// <param name="HeadRepository"><c>owner/name</c> the PR's branch lives in; null when that repository was deleted.</param>
/// <param name="HeadSha">The PR's head commit: where a check run belongs.</param>
/// <param name="BaseSha">The base branch's commit the PR was compared with, when the payload has it.</param>
public sealed record PullRequestInfo(int Number, string BaseRepository, string? HeadRepository, string HeadSha, string? BaseSha)
{
    /// <summary>True when the PR's branch is in another repository (a fork), or that repository is gone.</summary>
    public bool IsFromFork => HeadRepository is null
        || !string.Equals(HeadRepository, BaseRepository, StringComparison.OrdinalIgnoreCase);
}
