using Gate.Core.Processes;

namespace Gate.Baselines.Keys;

/// <summary>
/// Names the repository a baseline belongs to: GITHUB_REPOSITORY when set, else the <c>origin</c> remote's
/// last two path segments (<c>owner/name</c>, without <c>.git</c> and without any credentials in the URL),
/// else the name of the work tree's (or the directory's) folder.
/// </summary>
public sealed class RepositoryIdentity(IProcessRunner runner, Func<string, string?> environment)
{
    /// <summary>The repository name for <paramref name="directory"/>.</summary>
    public async Task<string> DetectAsync(string directory, CancellationToken cancellationToken)
    {
        if (environment("GITHUB_REPOSITORY") is { Length: > 0 } github)
        {
            return github.Trim();
        }
        var git = ExecutableLookup.Find("git");
        if (git is not null && Directory.Exists(directory))
        {
            var remote = await runner.RunAsync(new ProcessSpec(git, ["remote", "get-url", "origin"], directory), cancellationToken).ConfigureAwait(false);
            if (remote.Succeeded && FromRemoteUrl(remote.Stdout.Trim()) is { } fromRemote)
            {
                return fromRemote;
            }
            var top = await runner.RunAsync(new ProcessSpec(git, ["rev-parse", "--show-toplevel"], directory), cancellationToken).ConfigureAwait(false);
            if (top.Succeeded && top.Stdout.Trim().Length > 0)
            {
                return SafeName(Path.GetFileName(top.Stdout.Trim()));
            }
        }
        return SafeName(Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory))));
    }

    /// <summary>
    /// <c>owner/name</c> from a remote URL: <c>https://host/owner/name.git</c>, <c>git@host:owner/name.git</c>,
    /// <c>ssh://git@host:22/owner/name</c> or a local path; null when there is no name in it.
    /// </summary>
    public static string? FromRemoteUrl(string url)
    {
        var path = url;
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "ssh" or "git" or "file")
        {
            path = uri.AbsolutePath;
        }
        else if (url.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 && !url.StartsWith('/'))
        {
            path = url[(colon + 1)..];
        }
        var segments = path.Split(['/', '\\'], StringSplitOptions.RemoveEmptyEntries)
            .Select(s => s.EndsWith(".git", StringComparison.Ordinal) ? s[..^4] : s)
            .Select(SafeName)
            .Where(s => s.Length > 0 && s is not "." and not "..")
            .ToList();
        return segments.Count switch
        {
            0 => null,
            1 => segments[0],
            _ => segments[^2] + "/" + segments[^1],
        };
    }

    private static string SafeName(string name)
    {
        var safe = new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '-')]).Trim('.');
        return safe.Length == 0 ? "repository" : safe;
    }
}
