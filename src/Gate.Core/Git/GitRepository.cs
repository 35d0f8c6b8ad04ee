using Gate.Core.Processes;

namespace Gate.Core.Git;

/// <summary>The few git questions the pre-push check asks, answered by the real <c>git</c> in a work tree.</summary>
public sealed class GitRepository
{
    private readonly IProcessRunner _runner;
    private readonly string _git;

    private GitRepository(IProcessRunner runner, string git, string directory, string topLevel)
    {
        _runner = runner;
        _git = git;
        Directory = directory;
        TopLevel = topLevel;
    }

    /// <summary>The directory git commands run in.</summary>
    public string Directory { get; }

    /// <summary>The root of the work tree (<c>git rev-parse --show-toplevel</c>).</summary>
    public string TopLevel { get; }

    /// <summary>The work tree <paramref name="directory"/> is in; no git, or not a work tree, is a <see cref="GateException"/>.</summary>
    public static async Task<GitRepository> OpenAsync(IProcessRunner runner, string directory, CancellationToken cancellationToken)
    {
        var git = ExecutableLookup.Find("git") ?? throw new GateException(GateErrorKind.Environment, "git: not found on PATH");
        var top = await runner.RunAsync(new ProcessSpec(git, ["rev-parse", "--show-toplevel"], directory), cancellationToken).ConfigureAwait(false);
        if (!top.Succeeded || top.Stdout.Trim().Length == 0)
        {
            throw new GateException(GateErrorKind.Environment, $"{directory} is not in a git work tree ({top.FirstLines(1)})");
        }
        return new GitRepository(runner, git, directory, Path.GetFullPath(top.Stdout.Trim()));
    }

    /// <summary>The hooks directory, absolute (<c>git rev-parse --git-path hooks</c>: honours core.hooksPath and worktrees).</summary>
    public async Task<string> HooksDirectoryAsync(CancellationToken cancellationToken) =>
        Path.GetFullPath(await RequiredAsync(["rev-parse", "--git-path", "hooks"], cancellationToken).ConfigureAwait(false), Directory);

    /// <summary>The commit <paramref name="revision"/> names, or null when it names none here.</summary>
    public async Task<string?> CommitAsync(string revision, CancellationToken cancellationToken)
    {
        var outcome = await RunAsync(["rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}"], cancellationToken).ConfigureAwait(false);
        return outcome.Succeeded && outcome.Stdout.Trim().Length > 0 ? outcome.Stdout.Trim() : null;
    }

    /// <summary>The best common ancestor of two commits, or null when they share no history.</summary>
    public async Task<string?> MergeBaseAsync(string first, string second, CancellationToken cancellationToken)
    {
        var outcome = await RunAsync(["merge-base", first, second], cancellationToken).ConfigureAwait(false);
        return outcome.Succeeded && outcome.Stdout.Trim().Length > 0 ? outcome.Stdout.Trim() : null;
    }

    /// <summary>Paths (relative to <see cref="TopLevel"/>, with <c>/</c>) that differ between two commits; a rename is its old and new path.</summary>
    public async Task<IReadOnlyList<string>> ChangedFilesAsync(string from, string to, CancellationToken cancellationToken)
    {
        var output = await RequiredAsync(["diff", "--name-only", "--no-renames", "-z", from, to, "--"], cancellationToken).ConfigureAwait(false);
        return output.Split('\0', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>The opened directory relative to <see cref="TopLevel"/> (<c>examples/</c>, or empty at the root).</summary>
    public Task<string> PrefixAsync(CancellationToken cancellationToken) => RequiredAsync(["rev-parse", "--show-prefix"], cancellationToken);

    /// <summary>True when the clone is shallow (older commits are missing).</summary>
    public async Task<bool> IsShallowAsync(CancellationToken cancellationToken) =>
        (await RunAsync(["rev-parse", "--is-shallow-repository"], cancellationToken).ConfigureAwait(false)).Stdout.Trim() == "true";

    /// <summary>Files with uncommitted changes in the work tree (modified, added, deleted, untracked), relative to <see cref="TopLevel"/>.</summary>
    public async Task<IReadOnlyList<string>> UncommittedAsync(CancellationToken cancellationToken)
    {
        var entries = (await RequiredAsync(["status", "--porcelain=v1", "-z", "--untracked-files=all"], cancellationToken).ConfigureAwait(false))
            .Split('\0', StringSplitOptions.RemoveEmptyEntries);
        var files = new List<string>();
        for (var i = 0; i < entries.Length; i++)
        {
            if (entries[i].Length > 3)
            {
                files.Add(entries[i][3..]);
            }
            if (entries[i][0] is 'R' or 'C')
            {
                i++; // a rename's or copy's source path follows
            }
        }
        return files;
    }

    /// <summary>Checks <paramref name="commit"/> out, detached, into the new directory <paramref name="path"/>, without running the repository's hooks.</summary>
    public Task AddWorktreeAsync(string commit, string path, CancellationToken cancellationToken) =>
        RequiredAsync(["-c", "core.hooksPath=/dev/null", "worktree", "add", "--detach", "--quiet", path, commit], cancellationToken);

    /// <summary>Removes a worktree from the disk and from the repository's list; what cannot be removed is pruned.</summary>
    public async Task RemoveWorktreeAsync(string path)
    {
        var removed = await RunAsync(["worktree", "remove", "--force", path], CancellationToken.None).ConfigureAwait(false);
        if (!removed.Succeeded)
        {
            try
            {
                System.IO.Directory.Delete(path, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // git worktree prune below forgets it once it is gone; a leftover temporary directory is harmless.
            }
            await RunAsync(["worktree", "prune"], CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task<string> RequiredAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var outcome = await RunAsync(arguments, cancellationToken).ConfigureAwait(false);
        if (!outcome.Succeeded)
        {
            throw new GateException($"git {string.Join(' ', arguments)}: {outcome.FirstLines(1)}");
        }
        return outcome.Stdout.TrimEnd('\n');
    }

    private Task<ProcessOutcome> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        _runner.RunAsync(new ProcessSpec(_git, arguments, Directory), cancellationToken);
}
