using System.Text.RegularExpressions;
using Gate.Core.Counters;
using Gate.TestUtilities;

namespace Gate.Core.Tests.Architecture;

/// <summary>
/// The statistics never name a metric or a backend (benchstat's benchmath never names a unit): what they need to know
/// about a metric comes from its declaration. These tests read every source file of <c>src/Gate.Core/Statistics</c>,
/// comments included.
/// </summary>
public class StatisticsVocabularyTests
{
    private static readonly string Folder = Path.Combine(RepoPaths.Root, "src", "Gate.Core", "Statistics");

    /// <summary>Every metric some backend declares, and Go's own whatever the declarations say.</summary>
    private static IEnumerable<string> MetricNames() =>
        BackendMetrics.Catalog.Declared.Select(d => d.Name).Concat(["sec/op", "allocs/op", "B/op"]).Distinct(StringComparer.Ordinal);

    /// <summary>Backend and tool names as words, in any case.</summary>
    private static readonly Regex ToolNames = new(@"\b(cachegrind|perf|valgrind)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>Source names as code spells them.</summary>
    private static readonly string[] SourceNames = ["\"go\"", "\"sim\"", "perf-hw", "perf-sw", "MetricSource."];

    private static IReadOnlyList<(string File, int Line, string Text)> Lines()
    {
        var lines = new List<(string, int, string)>();
        foreach (var file in Directory.EnumerateFiles(Folder, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllLines(file);
            for (var i = 0; i < text.Length; i++)
            {
                lines.Add((Path.GetRelativePath(RepoPaths.Root, file), i + 1, text[i]));
            }
        }
        return lines;
    }

    /// <summary>Each line that contains one of <paramref name="words"/> (case-sensitive), as <c>file:line: word</c>.</summary>
    private static IEnumerable<string> Containing(IEnumerable<string> words) =>
        from line in Lines()
        from word in words
        where line.Text.Contains(word, StringComparison.Ordinal)
        select $"{line.File}:{line.Line}: {word}";

    private static void AssertNone(IEnumerable<string> offences)
    {
        var found = offences.ToList();
        Assert.True(found.Count == 0, "the statistics name metrics or backends:\n" + string.Join("\n", found));
    }

    [Fact]
    public void Folder_HasTheStatistics()
    {
        Assert.Contains(Lines(), l => l.Text.Contains("public static class ComparisonEngine", StringComparison.Ordinal));
    }

    [Fact]
    public void Statistics_NameNoMetric()
    {
        var names = MetricNames().ToList();
        Assert.Contains("est-cycles/op", names);

        AssertNone(Containing(names));
    }

    [Fact]
    public void Statistics_NameNoBackendOrTool()
    {
        AssertNone(from line in Lines()
                   from Match match in ToolNames.Matches(line.Text)
                   select $"{line.File}:{line.Line}: {match.Value}");
    }

    [Fact]
    public void Statistics_NameNoSource()
    {
        AssertNone(Containing(SourceNames));
    }

    [Fact]
    public void Statistics_DoNotUseTheBackends()
    {
        AssertNone(Containing(["using Gate.Core.Counters"]));
    }
}
