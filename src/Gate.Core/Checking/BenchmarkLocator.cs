using System.Text.RegularExpressions;

namespace Gate.Core.Checking;

/// <summary>A line in a source file.</summary>
/// <param name="File">Full path of the file.</param>
/// <param name="Line">1-based line number.</param>
public sealed record SourceLocation(string File, int Line);

/// <summary>
/// Finds the Go source line that defines a benchmark: <c>func BenchmarkX(b *testing.B)</c> in the <c>_test.go</c>
/// files of its package directory. A sub-benchmark (<c>BenchmarkX/size=64</c>) maps to its top-level function.
/// Each directory is read once per locator.
/// </summary>
public sealed partial class BenchmarkLocator
{
    private readonly Dictionary<string, IReadOnlyDictionary<string, SourceLocation>> _byDirectory = new(StringComparer.Ordinal);

    /// <summary>Where <paramref name="benchmarkName"/> is defined in <paramref name="packageDirectory"/>, or null when it is not found.</summary>
    /// <param name="packageDirectory">The Go package's directory.</param>
    /// <param name="benchmarkName">As Go prints it, with or without the <c>Benchmark</c> prefix, sub-benchmark path and <c>-P</c> suffix.</param>
    public SourceLocation? Find(string packageDirectory, string benchmarkName)
    {
        var functions = Functions(Path.GetFullPath(packageDirectory));
        var top = TopLevelFunction(benchmarkName);
        return functions.GetValueOrDefault(top) ?? functions.GetValueOrDefault("Benchmark" + top);
    }

    /// <summary>
    /// The top-level benchmark function of a name: the part before the first <c>/</c>, without a <c>-P</c>
    /// GOMAXPROCS suffix (Go function names cannot contain <c>-</c>).
    /// </summary>
    public static string TopLevelFunction(string benchmarkName)
    {
        var slash = benchmarkName.IndexOf('/', StringComparison.Ordinal);
        var top = slash < 0 ? benchmarkName : benchmarkName[..slash];
        var dash = top.IndexOf('-', StringComparison.Ordinal);
        return dash < 0 ? top : top[..dash];
    }

    private IReadOnlyDictionary<string, SourceLocation> Functions(string directory)
    {
        if (_byDirectory.TryGetValue(directory, out var known))
        {
            return known;
        }
        var found = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        if (Directory.Exists(directory))
        {
            foreach (var file in Directory.EnumerateFiles(directory, "*_test.go").Order(StringComparer.Ordinal))
            {
                string text;
                try
                {
                    text = File.ReadAllText(file);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    continue; // An unreadable file only costs the annotation its line.
                }
                foreach (Match match in BenchmarkFunction().Matches(text))
                {
                    var line = 1 + text.AsSpan(0, match.Index).Count('\n');
                    found.TryAdd(match.Groups["name"].Value, new SourceLocation(file, line));
                }
            }
        }
        _byDirectory[directory] = found;
        return found;
    }

    // func BenchmarkX(b *testing.B) — parameter name optional, package qualifier optional (dot import), a
    // trailing comma and line breaks allowed as gofmt keeps them.
    [GeneratedRegex(@"^func[ \t]+(?<name>Benchmark[\p{L}\p{N}_]*)[ \t]*\(\s*(?:[\p{L}\p{N}_]+\s+)?\*\s*(?:[\p{L}\p{N}_]+\s*\.\s*)?B\s*,?\s*\)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex BenchmarkFunction();
}
