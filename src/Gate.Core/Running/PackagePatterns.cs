namespace Gate.Core.Running;

/// <summary>Package patterns that go list runs together, and the directory it runs them in.</summary>
public sealed record PatternGroup(string Directory, IReadOnlyList<string> Patterns);

/// <summary>
/// Groups package patterns by the Go module they name. A pattern that is a directory path (<c>examples/...</c>,
/// <c>./sub</c>, <c>/abs/dir</c>) runs in the root of the module that contains it, rewritten relative to that root,
/// so that <c>benchgate run examples/...</c> works from outside the module. Import paths (<c>strconv</c>,
/// <c>example.com/m/...</c>) and <c>./...</c> run in the given directory, as go test would.
/// </summary>
public static class PackagePatterns
{
    /// <summary>Groups <paramref name="patterns"/>, relative to <paramref name="directory"/>, in first-seen order.</summary>
    public static IReadOnlyList<PatternGroup> Group(string directory, IReadOnlyList<string> patterns)
    {
        var order = new List<string>();
        var groups = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var pattern in patterns)
        {
            var (runIn, rewritten) = Resolve(directory, pattern);
            if (!groups.TryGetValue(runIn, out var list))
            {
                groups[runIn] = list = [];
                order.Add(runIn);
            }
            list.Add(rewritten);
        }
        return [.. order.Select(d => new PatternGroup(d, groups[d]))];
    }

    private static (string Directory, string Pattern) Resolve(string directory, string pattern)
    {
        var recursive = pattern.EndsWith("/...", StringComparison.Ordinal) || pattern == "...";
        var path = pattern == "..." ? "." : recursive ? pattern[..^4] : pattern;
        if (path.Length == 0 || !LooksLikePath(path))
        {
            return (directory, pattern);
        }
        var full = Path.GetFullPath(path, directory);
        if (!Directory.Exists(full))
        {
            return (directory, pattern);
        }
        var module = ModuleRoot(full);
        if (module is null || IsInside(directory, module))
        {
            // Inside the module already (or no module at all): go resolves the pattern itself.
            return (directory, pattern);
        }
        var relative = Path.GetRelativePath(module, full).Replace(Path.DirectorySeparatorChar, '/');
        var rewritten = relative == "." ? "." : "./" + relative;
        return (module, recursive ? rewritten + "/..." : rewritten);
    }

    private static bool LooksLikePath(string path) =>
        path.StartsWith('.') || path.StartsWith('/') || !path.Split('/')[0].Contains('.', StringComparison.Ordinal);

    private static string? ModuleRoot(string directory)
    {
        for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            if (File.Exists(Path.Combine(current.FullName, "go.mod")))
            {
                return current.FullName;
            }
        }
        return null;
    }

    private static bool IsInside(string directory, string module)
    {
        var relative = Path.GetRelativePath(module, Path.GetFullPath(directory));
        return relative == "." || (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative));
    }
}
