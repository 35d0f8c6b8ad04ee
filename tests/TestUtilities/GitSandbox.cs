namespace Gate.TestUtilities;

/// <summary>
/// A real git work tree with a bare remote (<c>origin</c>) in a temporary directory, for tests of the pre-push check.
/// Commits are made with a fixed identity; git's global and system configuration are not read.
/// </summary>
public sealed class GitSandbox : IDisposable
{
    private readonly TempDirectory _temp = new("benchgate-git-");

    public GitSandbox()
    {
        Remote = _temp.Combine("remote.git");
        WorkTree = _temp.Combine("work");
        RunGit(_temp.Path, "init", "-q", "--bare", Remote);
        RunGit(_temp.Path, "init", "-q", "-b", "main", WorkTree);
        Git("config", "user.name", "BenchGate Test");
        Git("config", "user.email", "test@benchgate.invalid");
        Git("remote", "add", "origin", Remote);
    }

    /// <summary>The bare repository that <c>origin</c> names.</summary>
    public string Remote { get; }

    /// <summary>The work tree.</summary>
    public string WorkTree { get; }

    /// <summary>The temporary directory around both.</summary>
    public TempDirectory Temp => _temp;

    /// <summary>The environment git commands run with: no global or system configuration.</summary>
    public static IReadOnlyDictionary<string, string?> Environment { get; } = new Dictionary<string, string?>
    {
        ["GIT_CONFIG_GLOBAL"] = "/dev/null",
        ["GIT_CONFIG_NOSYSTEM"] = "1",
        ["GIT_TERMINAL_PROMPT"] = "0",
    };

    /// <summary>Runs git in the work tree; a failure fails the test. Returns stdout, trimmed.</summary>
    public string Git(params string[] arguments) => RunGit(WorkTree, arguments);

    /// <summary>Writes a file of the work tree (creating directories).</summary>
    public string Write(string relative, string content)
    {
        var path = Path.Combine(WorkTree, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Stages everything and commits; returns the new commit.</summary>
    public string Commit(string message)
    {
        Git("add", "-A");
        Git("commit", "-q", "-m", message);
        return Git("rev-parse", "HEAD");
    }

    /// <summary>The commit a ref of the remote points at, or null when it does not exist.</summary>
    public string? RemoteHead(string branch = "main")
    {
        var outcome = Tools.Processes.RunAsync(new Core.Processes.ProcessSpec("git", ["rev-parse", "--verify", "--quiet", "refs/heads/" + branch], Remote, Environment)).GetAwaiter().GetResult();
        return outcome.Succeeded ? outcome.Stdout.Trim() : null;
    }

    public void Dispose() => _temp.Dispose();

    private static string RunGit(string directory, params string[] arguments) =>
        Tools.Run("git", directory, Environment, arguments).Stdout.Trim();
}
