using Gate.Core.Git;

namespace Gate.Core.Running;

/// <summary>A revision that an A/B measurement measures.</summary>
/// <param name="Name">As the user named it (<c>HEAD~1</c>, a SHA, a branch), or <c>working tree</c>.</param>
/// <param name="Commit">The full commit SHA (of HEAD, for the working tree).</param>
/// <param name="Uncommitted">Files with uncommitted changes (modified, added, untracked) measured with it; empty for a commit.</param>
public sealed record AbRevision(string Name, string Commit, IReadOnlyList<string> Uncommitted)
{
    /// <summary>The name <see cref="Name"/> has for the working tree.</summary>
    public const string WorkingTree = "working tree";

    /// <summary>True for the working tree (uncommitted changes included), false for a checked-out commit.</summary>
    public bool IsWorkingTree => Name == WorkingTree;

    /// <summary>The first 7 characters of the commit.</summary>
    public string ShortCommit => Commit.Length > 7 ? Commit[..7] : Commit;

    /// <summary>For reports: <c>revision HEAD~1 (1a2b3c4)</c>, or <c>working tree at 1a2b3c4, 2 uncommitted changes (measured)</c>.</summary>
    public string Describe()
    {
        if (!IsWorkingTree)
        {
            return Name == Commit || Name == ShortCommit ? $"revision {ShortCommit}" : $"revision {Name} ({ShortCommit})";
        }
        var changes = Uncommitted.Count switch
        {
            0 => "no uncommitted changes",
            1 => "1 uncommitted change (measured)",
            var n => $"{n} uncommitted changes (measured)",
        };
        return $"working tree at {ShortCommit}, {changes}";
    }

    /// <summary>The commit <paramref name="reference"/> names in <paramref name="git"/>; a revision that does not exist is a <see cref="GateException"/>.</summary>
    public static async Task<AbRevision> ResolveAsync(GitRepository git, string reference, CancellationToken cancellationToken)
    {
        if (reference.Length == 0 || reference.Any(char.IsControl))
        {
            throw new GateException($"revision '{reference}' is not a revision name");
        }
        if (await git.CommitAsync(reference, cancellationToken).ConfigureAwait(false) is { } commit)
        {
            return new AbRevision(reference, commit, []);
        }
        var hint = await git.IsShallowAsync(cancellationToken).ConfigureAwait(false)
            ? " (the clone is shallow: fetch more history, for example actions/checkout with fetch-depth: 0)"
            : "";
        throw new GateException($"revision '{reference}' does not exist in {git.TopLevel}{hint}");
    }

    /// <summary>The work tree of <paramref name="git"/> as a revision: HEAD's commit and the files with uncommitted changes (untracked ones included: go builds them).</summary>
    public static async Task<AbRevision> WorkingTreeAsync(GitRepository git, CancellationToken cancellationToken)
    {
        var head = await git.CommitAsync("HEAD", cancellationToken).ConfigureAwait(false)
            ?? throw new GateException($"{git.TopLevel}: the repository has no commit yet; there is nothing to compare with");
        return new AbRevision(WorkingTree, head, await git.UncommittedAsync(cancellationToken).ConfigureAwait(false));
    }
}

/// <summary>A temporary detached worktree of a commit (git worktree add); disposing removes it from the disk and from the repository's list.</summary>
public sealed class AbWorktree : IAsyncDisposable
{
    private readonly GitRepository _git;

    private AbWorktree(GitRepository git, string path, string mapped)
    {
        _git = git;
        Path = path;
        Mapped = mapped;
    }

    /// <summary>The worktree's root directory.</summary>
    public string Path { get; }

    /// <summary>The directory in this worktree that corresponds to the repository's opened directory.</summary>
    public string Mapped { get; }

    /// <summary>Checks <paramref name="commit"/> out into <paramref name="path"/>; <paramref name="prefix"/> is the opened directory inside the repository.</summary>
    public static async Task<AbWorktree> AddAsync(GitRepository git, string commit, string path, string prefix, CancellationToken cancellationToken)
    {
        await git.AddWorktreeAsync(commit, path, cancellationToken).ConfigureAwait(false);
        return new AbWorktree(git, path, System.IO.Path.GetFullPath(System.IO.Path.Combine(path, prefix)));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await _git.RemoveWorktreeAsync(Path).ConfigureAwait(false);
}
