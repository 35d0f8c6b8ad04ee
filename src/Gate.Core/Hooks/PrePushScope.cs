using Gate.Core.Git;
namespace Gate.Core.Hooks;

/// <summary>
/// What a pre-push check measures: the Go packages that the pushed commits change, compared with what the remote
/// has (for a branch new on the remote: with the merge base of its upstream), and a note for every ref it does not
/// check and why.
/// </summary>
/// <param name="Packages">Package patterns relative to the module directory; empty when there is nothing to measure.</param>
/// <param name="Notes">One line per decision worth telling (what each pushed ref was compared with, or why it was skipped).</param>
public sealed record PrePushScope(IReadOnlyList<string> Packages, IReadOnlyList<string> Notes)
{
    /// <summary>Decides the scope of a push of <paramref name="updates"/> to <paramref name="remote"/>.</summary>
    /// <param name="git">The work tree being pushed from.</param>
    /// <param name="remote">The remote's name as git passes it to the hook (or its URL when pushing to a URL).</param>
    /// <param name="updates">The hook's standard input.</param>
    /// <param name="moduleDirectory">The Go module measured.</param>
    /// <param name="cancellationToken">Cancels the git commands.</param>
    public static async Task<PrePushScope> FindAsync(
        GitRepository git, string remote, IReadOnlyList<PushUpdate> updates, string moduleDirectory, CancellationToken cancellationToken)
    {
        var notes = new List<string>();
        var changed = new List<string>();
        foreach (var update in updates)
        {
            var name = update.RemoteRef;
            if (update.IsDeletion)
            {
                notes.Add($"{name}: deleted on {remote}, nothing to check");
                continue;
            }
            if (!update.IsBranch)
            {
                notes.Add($"{name}: not a branch, not checked");
                continue;
            }
            var (baseCommit, note) = await BaseAsync(git, remote, update, cancellationToken).ConfigureAwait(false);
            notes.Add(note);
            if (baseCommit is not null)
            {
                changed.AddRange(await git.ChangedFilesAsync(baseCommit, update.LocalSha, cancellationToken).ConfigureAwait(false));
            }
        }
        var packages = ChangedPackages.Find(git.TopLevel, moduleDirectory, changed);
        if (packages.Count == 0 && changed.Count > 0)
        {
            notes.Add($"no Go package with benchmarks changed in {Path.GetRelativePath(git.TopLevel, Path.GetFullPath(moduleDirectory))} ({changed.Count} file(s) changed)");
        }
        return new PrePushScope(packages, notes);
    }

    /// <summary>The commit the pushed one is compared with, and how it was chosen (or why there is none).</summary>
    private static async Task<(string? Commit, string Note)> BaseAsync(GitRepository git, string remote, PushUpdate update, CancellationToken cancellationToken)
    {
        var name = update.RemoteRef;
        if (!update.CreatesRemoteRef && await git.CommitAsync(update.RemoteSha, cancellationToken).ConfigureAwait(false) is { } remoteCommit)
        {
            var common = await git.MergeBaseAsync(remoteCommit, update.LocalSha, cancellationToken).ConfigureAwait(false);
            return common is null
                ? (null, $"{name}: shares no history with {remote}'s {Short(remoteCommit)}, not checked")
                : (common, $"{name}: changes since {remote}'s {Short(common)}");
        }
        var why = update.CreatesRemoteRef ? "new on " + remote : $"{remote}'s {Short(update.RemoteSha)} is not in this repository (fetch first)";
        foreach (var upstream in Upstreams(remote, update.LocalRef))
        {
            if (await git.CommitAsync(upstream, cancellationToken).ConfigureAwait(false) is not { } upstreamCommit)
            {
                continue;
            }
            var common = await git.MergeBaseAsync(upstreamCommit, update.LocalSha, cancellationToken).ConfigureAwait(false);
            if (common is not null)
            {
                return (common, $"{name}: {why}; changes since its merge base with {upstream} ({Short(common)})");
            }
        }
        return (null, $"{name}: {why} and no upstream to compare with ({string.Join(", ", Upstreams(remote, update.LocalRef))} not found), not checked");
    }

    /// <summary>Where a branch new on the remote comes from: its configured upstream, else the remote's default branch, main or master.</summary>
    private static IEnumerable<string> Upstreams(string remote, string localRef)
    {
        if (localRef.StartsWith("refs/heads/", StringComparison.Ordinal))
        {
            yield return localRef["refs/heads/".Length..] + "@{upstream}";
        }
        yield return $"refs/remotes/{remote}/HEAD";
        yield return $"refs/remotes/{remote}/main";
        yield return $"refs/remotes/{remote}/master";
    }

    private static string Short(string sha) => sha.Length > 7 ? sha[..7] : sha;
}
