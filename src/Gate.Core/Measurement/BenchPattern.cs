using System.Text;

namespace Gate.Core.Measurement;

/// <summary>
/// The <c>-bench</c> regular expression as Go's testing package reads it: one regular expression per level
/// of the benchmark name, separated by slashes outside brackets and parentheses.
/// </summary>
public static class BenchPattern
{
    /// <summary>
    /// Splits a <c>-bench</c> pattern as Go's testing package does: into alternatives at top-level <c>|</c>,
    /// each a list of per-level parts split at top-level <c>/</c> (outside brackets and parentheses).
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> Alternatives(string pattern)
    {
        var alternatives = new List<IReadOnlyList<string>>();
        var parts = new List<string>();
        var depthParen = 0;
        var depthBracket = 0;
        var start = 0;
        for (var i = 0; i < pattern.Length; i++)
        {
            switch (pattern[i])
            {
                case '[':
                    depthBracket++;
                    break;
                case ']':
                    depthBracket = Math.Max(0, depthBracket - 1);
                    break;
                case '(' when depthBracket == 0:
                    depthParen++;
                    break;
                case ')' when depthBracket == 0:
                    depthParen--;
                    break;
                case '\\':
                    i++;
                    break;
                case '/' or '|' when depthParen == 0 && depthBracket == 0:
                    parts.Add(pattern[start..i]);
                    start = i + 1;
                    if (pattern[i] == '|')
                    {
                        alternatives.Add(parts);
                        parts = [];
                    }
                    break;
            }
        }
        parts.Add(pattern[start..]);
        alternatives.Add(parts);
        return alternatives;
    }

    /// <summary>A pattern that selects exactly the benchmark named <paramref name="name"/> (all its levels anchored).</summary>
    public static string Exact(string name) => string.Join('/', name.Split('/').Select(level => "^" + QuoteMeta(level) + "$"));

    /// <summary>
    /// The pattern that runs the top-level benchmark <paramref name="topLevel"/> with the sub-benchmark levels of
    /// those <paramref name="alternatives"/> whose first level selected it (as Go evaluated it).
    /// </summary>
    public static string ForTopLevel(string topLevel, IEnumerable<IReadOnlyList<string>> alternatives)
    {
        var anchored = "^" + QuoteMeta(topLevel) + "$";
        var chosen = alternatives.Select(parts => string.Join('/', new[] { anchored }.Concat(parts.Skip(1)))).Distinct().ToList();
        return chosen.Contains(anchored) ? anchored : string.Join('|', chosen);
    }

    /// <summary>Escapes RE2 meta characters, as Go's regexp.QuoteMeta does.</summary>
    public static string QuoteMeta(string text)
    {
        var quoted = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (@"\.+*?()|[]{}^$".Contains(c, StringComparison.Ordinal))
            {
                quoted.Append('\\');
            }
            quoted.Append(c);
        }
        return quoted.ToString();
    }
}
