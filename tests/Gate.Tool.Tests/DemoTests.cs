using Gate.TestUtilities;

namespace Gate.Tool.Tests;

/// <summary>The README's main job: the check that scripts/demo.sh runs, against the baseline stored in examples/.benchgate.</summary>
[Trait(Traits.Category, Traits.Slow)]
public class DemoTests
{
    [Fact]
    public void DemoCheck_StoredExamplesBaseline_NoRegressionOrAnExplainedEnvironmentMismatch()
    {
        // Given the check command line exactly as scripts/demo.sh runs it
        var script = File.ReadAllText(Path.Combine(RepoPaths.Root, "scripts", "demo.sh"));
        const string line = "check=(benchgate check --backend cachegrind --repository benchgate/examples --baseline-branch main)";
        Assert.Contains(line, script);
        string[] arguments = ["check", "--backend", "cachegrind", "--repository", "benchgate/examples", "--baseline-branch", "main"];
        using var temp = new TempDirectory();
        var examples = temp.CopyTree(RepoPaths.Examples, "examples");

        // When it runs on a copy of examples/ with the committed baseline
        var result = CliRunner.Run(examples, arguments);

        // Then on a machine like the one that stored it nothing regressed (simulated counters are deterministic);
        // on another kind of machine the store explains the mismatch instead of comparing
        if (result.ExitCode == 2)
        {
            Assert.Contains("no baseline for benchgate/examples main (cachegrind;", result.Err);
            Assert.Contains("the nearest stored baseline", result.Err);
            return;
        }
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("compared with: baseline ", result.Out);
        Assert.Matches(@"benchgate: \d+ unchanged", result.Err);
    }
}
