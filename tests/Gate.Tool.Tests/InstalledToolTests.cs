using Gate.Core.Results;
using Gate.TestUtilities;

namespace Gate.Tool.Tests;

/// <summary>The README's set-up path for real: pack and install the dotnet tool, then call it by its command name.</summary>
[Trait(Traits.Category, Traits.Slow)]
public class InstalledToolTests
{
    [Fact]
    public void InstalledTool_RunOnExamples_WritesResults()
    {
        using var temp = new TempDirectory();
        var toolPath = temp.Combine("tools");
        Tools.Run("bash", RepoPaths.Root, Path.Combine(RepoPaths.Root, "scripts", "install-tool.sh"), "--tool-path", toolPath, "--feed", temp.Combine("feed"));
        var examples = temp.CopyTree(RepoPaths.Examples, "examples");

        var outcome = Tools.Run(Path.Combine(toolPath, "benchgate"), examples, "run", "./...", "--samples", "5", "--out", "r.json");

        var results = ResultsJson.ReadFile(Path.Combine(examples, "r.json"));
        Assert.Equal(6, results.Benchmarks.Count);
        Assert.All(results.Benchmarks, b => Assert.Equal(5, b.Samples.Count));
        Assert.Contains("pkg: benchgate.example/examples/codec", outcome.Stdout);
        Assert.Contains("wrote 6 benchmarks to r.json", outcome.Stderr);
    }
}
