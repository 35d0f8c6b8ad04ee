namespace Gate.Core.Hooks;

/// <summary>
/// Maps the files a push changes to the Go packages worth measuring: the package directories of changed <c>.go</c>
/// and assembly files and of changed <c>testdata</c>, inside the measured module (not in a nested module, vendor,
/// or a directory Go ignores), that still exist and define benchmarks. A changed <c>go.mod</c> or <c>go.sum</c>
/// of the module changes what every package is built from: then it is the whole module, <c>./...</c>.
/// </summary>
public static class ChangedPackages
{
    /// <summary>The pattern for the whole module.</summary>
    public const string WholeModule = "./...";

    /// <summary>Package patterns relative to <paramref name="moduleDirectory"/> (<c>.</c>, <c>./sub</c>), sorted; empty when no package with benchmarks changed.</summary>
    /// <param name="topLevel">The work tree's root; <paramref name="changedPaths"/> are relative to it.</param>
    /// <param name="moduleDirectory">The Go module measured (the directory of its go.mod).</param>
    /// <param name="changedPaths">Changed paths with <c>/</c> separators, as git prints them.</param>
    public static IReadOnlyList<string> Find(string topLevel, string moduleDirectory, IEnumerable<string> changedPaths)
    {
        var module = Path.GetFullPath(moduleDirectory);
        var packages = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in changedPaths)
        {
            var relative = Path.GetRelativePath(module, Path.GetFullPath(Path.Combine(topLevel, path)));
            if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
            {
                continue;
            }
            var segments = relative.Split(Path.DirectorySeparatorChar);
            if (segments is ["go.mod"] or ["go.sum"])
            {
                return [WholeModule];
            }
            var testdata = Array.IndexOf(segments, "testdata");
            var directory = testdata >= 0 ? segments[..testdata] : segments[..^1];
            var counts = testdata >= 0 || Path.GetExtension(relative) is ".go" or ".s";
            if (counts && !directory.Any(Ignored) && HasBenchmarks(module, directory))
            {
                packages.Add(directory.Length == 0 ? "." : "./" + string.Join('/', directory));
            }
        }
        return [.. packages];
    }

    // Directories the go command skips in ./... patterns, and vendored code.
    private static bool Ignored(string segment) => segment.StartsWith('.') || segment.StartsWith('_') || segment == "vendor";

    private static bool HasBenchmarks(string module, string[] directory)
    {
        var full = Path.Combine([module, .. directory]);
        if (!Directory.Exists(full))
        {
            return false; // Deleted: nothing left to measure.
        }
        for (var i = directory.Length; i > 0; i--)
        {
            if (File.Exists(Path.Combine([module, .. directory[..i], "go.mod"])))
            {
                return false; // A nested module: not this module's package.
            }
        }
        return Directory.EnumerateFiles(full, "*_test.go").Any(file => File.ReadAllText(file).Contains("func Benchmark", StringComparison.Ordinal));
    }
}
