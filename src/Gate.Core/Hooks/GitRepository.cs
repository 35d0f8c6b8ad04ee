using Gate.Core.Running;

namespace Gate.Core.Hooks;

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
        var git = ExecutableLookup.Find("git") ?? throw new GateException("git: not found on PATH");
        var top = await runner.RunAsync(new ProcessSpec(git, ["rev-parse", "--show-toplevel"], directory), cancellationToken).ConfigureAwait(false);
        if (!top.Succeeded || top.Stdout.Trim().Length == 0)
        {
            throw new GateException($"{directory} is not in a git work tree ({top.FirstLines(1)})");
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
