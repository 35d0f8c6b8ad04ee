using System.Text.RegularExpressions;
using Gate.TestUtilities;

namespace Gate.Core.Tests.Architecture;

/// <summary>
/// The folders of Gate.Core (one namespace each) form layers: which folder's code names which other folder, read from
/// the sources (<c>using Gate.Core.X;</c>, <c>Gate.Core.X.</c> and <c>X.</c> qualifications). No cycle is allowed — in
/// particular none between Running, Counters and Hooks — and the projects reference what the design says.
/// </summary>
public sealed partial class LayeringTests
{
    private static readonly string Core = Path.Combine(RepoPaths.Root, "src", "Gate.Core");

    /// <summary>The top-level folders of Gate.Core that hold code (a nested folder such as Running/Canary belongs to its parent).</summary>
    private static IReadOnlyList<string> Folders() =>
        [.. Directory.EnumerateDirectories(Core)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => name is not ("bin" or "obj") && Directory.EnumerateFiles(Path.Combine(Core, name), "*.cs", SearchOption.AllDirectories).Any())
            .Order(StringComparer.Ordinal)];

    /// <summary>The code of a folder's files, comments removed.</summary>
    private static IEnumerable<string> Code(string folder) =>
        Directory.EnumerateFiles(Path.Combine(Core, folder), "*.cs", SearchOption.AllDirectories).Select(f => Comments().Replace(File.ReadAllText(f), ""));

    /// <summary>
    /// Folder → the other folders its code names: by a using directive, by a full qualification, or by a partial one
    /// (<c>Statistics.FailOn</c>) of a type that folder declares.
    /// </summary>
    private static Dictionary<string, HashSet<string>> Graph()
    {
        var folders = Folders();
        var types = folders.ToDictionary(f => f, f => string.Join('|', Code(f).SelectMany(c => Declared().Matches(c)).Select(m => m.Groups[1].Value).Distinct()), StringComparer.Ordinal);
        var graph = folders.ToDictionary(f => f, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            foreach (var code in Code(folder))
            {
                foreach (var other in folders.Where(o => o != folder))
                {
                    var partial = types[other].Length == 0 ? "" : $@"|((?<![\w.]){other}\.({types[other]})\b)";
                    if (Regex.IsMatch(code, $@"(^using Gate\.Core\.{other}(\.\w+)*;)|(\bGate\.Core\.{other}\.){partial}", RegexOptions.Multiline))
                    {
                        graph[folder].Add(other);
                    }
                }
            }
        }
        return graph;
    }

    /// <summary>A cycle through <paramref name="graph"/>, as the folders on it, or null.</summary>
    private static List<string>? Cycle(Dictionary<string, HashSet<string>> graph)
    {
        var state = graph.Keys.ToDictionary(k => k, _ => 0, StringComparer.Ordinal);
        var path = new List<string>();
        List<string>? Visit(string node)
        {
            state[node] = 1;
            path.Add(node);
            foreach (var next in graph[node].Order(StringComparer.Ordinal))
            {
                if (state[next] == 1)
                {
                    return [.. path.SkipWhile(n => n != next), next];
                }
                if (state[next] == 0 && Visit(next) is { } found)
                {
                    return found;
                }
            }
            path.RemoveAt(path.Count - 1);
            state[node] = 2;
            return null;
        }
        return graph.Keys.Order(StringComparer.Ordinal).Where(k => state[k] == 0).Select(Visit).FirstOrDefault(c => c is not null);
    }

    [Fact]
    public void Folders_OfGateCore_NameEachOtherWithoutACycle()
    {
        var graph = Graph();

        var cycle = Cycle(graph);

        Assert.True(cycle is null, "namespace cycle: " + string.Join(" → ", cycle ?? []) + "\n" + string.Join("\n", graph.Select(g => $"{g.Key} → {string.Join(", ", g.Value.Order(StringComparer.Ordinal))}")));
    }

    [Fact]
    public void Cycle_OfAGraphWithOne_IsFound()
    {
        // The detector itself: Running → Counters → Running is a cycle, Running → Counters → Measurement is not.
        var cyclic = new Dictionary<string, HashSet<string>> { ["Running"] = ["Counters"], ["Counters"] = ["Running"] };
        var layered = new Dictionary<string, HashSet<string>> { ["Running"] = ["Counters", "Measurement"], ["Counters"] = ["Measurement"], ["Measurement"] = [] };

        Assert.Equal(["Counters", "Running", "Counters"], Cycle(cyclic));
        Assert.Null(Cycle(layered));
    }

    [Theory]
    [InlineData("Running", "Hooks")]
    [InlineData("Counters", "Running")]
    [InlineData("Counters", "Hooks")]
    [InlineData("Statistics", "Counters")]
    [InlineData("Statistics", "Running")]
    [InlineData("Results", "Running")]
    [InlineData("Measurement", "Running")]
    [InlineData("Measurement", "Counters")]
    public void Folder_BelowAnother_DoesNotNameIt(string lower, string higher)
    {
        Assert.DoesNotContain(higher, Graph()[lower]);
    }

    [Fact]
    public void Projects_PublishingReferencedByTheToolOnly_CoreWithoutOctokit()
    {
        string Project(string path) => File.ReadAllText(Path.Combine(RepoPaths.Root, path));

        Assert.DoesNotContain("Octokit", Project("src/Gate.Core/Gate.Core.csproj"), StringComparison.Ordinal);
        Assert.DoesNotContain("Gate.Publishing", Project("src/Gate.Tasks/Gate.Tasks.csproj"), StringComparison.Ordinal);
        Assert.DoesNotContain("Gate.Publishing", Project("src/Baselines/Baselines.csproj"), StringComparison.Ordinal);
        Assert.Contains("Gate.Publishing", Project("src/Gate.Tool/Gate.Tool.csproj"), StringComparison.Ordinal);
        Assert.Contains("Octokit", Project("src/Gate.Publishing/Gate.Publishing.csproj"), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comments();

    [GeneratedRegex(@"^\s*(?:public|internal)\s+(?:(?:sealed|static|abstract|readonly|partial)\s+)*(?:class|record|interface|enum|struct|delegate\s+\S+)\s+(?:struct\s+)?([A-Z]\w*)", RegexOptions.Multiline)]
    private static partial Regex Declared();
}
