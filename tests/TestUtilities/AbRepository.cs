namespace Gate.TestUtilities;

/// <summary>
/// A real git repository in a temporary directory, for A/B tests: by default tests/Fixtures/ab/module committed in the
/// folder <c>mod/</c> (commit 1), then the same with tests/Fixtures/ab/planted/encode.go (commit 2, HEAD: one planted
/// allocation per op in BenchmarkEncode; the other four benchmarks unchanged); or any directory, committed once.
/// </summary>
public sealed class AbRepository : IDisposable
{
    private static readonly Dictionary<string, string?> Identity = new()
    {
        ["GIT_AUTHOR_NAME"] = "BenchGate Tests",
        ["GIT_AUTHOR_EMAIL"] = "tests@benchgate.invalid",
        ["GIT_COMMITTER_NAME"] = "BenchGate Tests",
        ["GIT_COMMITTER_EMAIL"] = "tests@benchgate.invalid",
        ["GIT_DIR"] = null,
        ["GIT_WORK_TREE"] = null,
    };

    private readonly TempDirectory _temp = new("benchgate-abrepo-");

    public AbRepository(bool planted = true)
        : this(RepoPaths.Fixture("ab", "module"), "mod")
    {
        if (planted)
        {
            Plant();
            Commit("v2: Encode allocates");
        }
    }

    /// <summary>A repository with one commit: a copy of <paramref name="source"/> in the folder <paramref name="folder"/>.</summary>
    public AbRepository(string source, string folder)
    {
        Root = _temp.Combine("repo");
        Module = Path.Combine(Root, folder);
        _temp.CopyTree(source, Path.Combine("repo", folder));
        Git("init", "-q", "-b", "main");
        Commit("v1: the module");
    }

    /// <summary>The repository's root.</summary>
    public string Root { get; }

    /// <summary>The Go module's directory (<c>mod/</c>).</summary>
    public string Module { get; }

    /// <summary>Writes the planted encode.go into the working tree (uncommitted).</summary>
    public void Plant() => File.Copy(RepoPaths.Fixture("ab", "planted", "encode.go"), Path.Combine(Module, "encode.go"), overwrite: true);

    /// <summary>Commits everything in the working tree.</summary>
    public void Commit(string message)
    {
        Git("add", "-A");
        Git("commit", "-q", "-m", message);
    }

    /// <summary>Runs git in the repository's root; its standard output, trimmed.</summary>
    public string Git(params string[] arguments) => Tools.Run("git", Root, Identity, arguments).Stdout.Trim();

    public void Dispose() => _temp.Dispose();
}
