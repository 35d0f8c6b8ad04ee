using Gate.Core.Processes;
namespace Gate.Core.Running;

/// <summary>Reads facts about this machine and the measured directory: CPU model, kernel, git revision.</summary>
public sealed class EnvironmentProbe(IProcessRunner runner)
{
    /// <summary>The CPU model from /proc/cpuinfo, or null.</summary>
    public static string? CpuModel()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/cpuinfo"))
            {
                if (line.StartsWith("model name", StringComparison.Ordinal) && line.IndexOf(':', StringComparison.Ordinal) is var colon and > 0)
                {
                    return line[(colon + 1)..].Trim();
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not Linux, or not readable: the CPU model stays unknown.
        }
        return null;
    }

    /// <summary>The kernel release, or null.</summary>
    public static string? Kernel()
    {
        try
        {
            return File.ReadAllText("/proc/sys/kernel/osrelease").Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Environment.OSVersion.VersionString;
        }
    }

    /// <summary>The commit and branch of <paramref name="directory"/> when it is inside a git work tree.</summary>
    public async Task<(string? Commit, string? Branch)> GitAsync(string directory, CancellationToken cancellationToken)
    {
        var git = ExecutableLookup.Find("git");
        if (git is null)
        {
            return (null, null);
        }
        var commit = await runner.RunAsync(new ProcessSpec(git, ["rev-parse", "HEAD"], directory), cancellationToken).ConfigureAwait(false);
        if (!commit.Succeeded)
        {
            return (null, null);
        }
        var branch = await runner.RunAsync(new ProcessSpec(git, ["symbolic-ref", "--short", "-q", "HEAD"], directory), cancellationToken).ConfigureAwait(false);
        return (commit.Stdout.Trim(), branch.Succeeded ? branch.Stdout.Trim() : null);
    }
}
