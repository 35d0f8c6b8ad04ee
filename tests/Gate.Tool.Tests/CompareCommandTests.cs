using Gate.Core.Reporting;
using Gate.TestUtilities;

namespace Gate.Tool.Tests;

public class CompareCommandTests
{
    private static string Fixture(string name) => RepoPaths.Fixture("compare", name);

    private static CliResult Compare(params string[] args) => CliRunner.Run(RepoPaths.Fixture("compare"), ["compare", .. args]);

    [Fact]
    public void Compare_Regression_Exit1WithTable()
    {
        var result = Compare("old.txt", "new.txt");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Parse-2", result.Out);
        Assert.Contains(" regression", result.Out);
        Assert.EndsWith("2 regressions, 7 unchanged\n", result.Out);
        Assert.Equal("", result.Err);
    }

    [Fact]
    public void Compare_SameFile_Exit0()
    {
        var result = Compare("old.txt", "old.txt");

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain(" regression", result.Out);
    }

    [Fact]
    public void Compare_FailOnNever_Exit0DespiteRegression()
    {
        var result = Compare("old.txt", "new.txt", "--fail-on", "never");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(" regression", result.Out);
    }

    [Fact]
    public void Compare_SeveralFilesPerSide_Pooled()
    {
        var pooled = Compare("old.txt", "new-part1.txt,new-part2.txt", "--format", "json");
        var whole = Compare("old.txt", "new.txt", "--format", "json");

        Assert.Equal(1, pooled.ExitCode);
        Assert.Equal(whole.Out, pooled.Out);
    }

    [Fact]
    public void Compare_JsonAndMarkdownToFile_WrittenAndTableOnStdout()
    {
        using var temp = new TempDirectory();
        var json = Path.Combine(temp.Path, "report.json");
        var markdown = Path.Combine(temp.Path, "report.md");

        var a = Compare("old.txt", "new.txt", "--format", "json", "--out", json);
        var b = Compare("old.txt", "new.txt", "--format", "markdown", "--out", markdown);

        Assert.Equal((1, 1), (a.ExitCode, b.ExitCode));
        var document = ComparisonJson.Parse(File.ReadAllText(json));
        Assert.Equal(2, document.Counts["regression"]);
        Assert.StartsWith("### ❌ BenchGate: 2 regressions", File.ReadAllText(markdown));
        Assert.Contains("sec/op", a.Out);
        Assert.Contains("wrote the json report to", a.Err);
    }

    [Fact]
    public void Compare_ConfigRaisesThreshold_NoTimeRegression()
    {
        using var temp = new TempDirectory();
        var config = temp.Write("gate.json", """{ "thresholds": { "sec/op": "50%" } }""");

        var result = Compare("old.txt", "new.txt", "--config", config, "--format", "json");

        var document = ComparisonJson.Parse(result.Out);
        Assert.Equal(1, document.Counts["regression"]);
        Assert.Equal("allocs/op", Assert.Single(document.Comparisons, c => c.Verdict == "regression").Metric);
    }

    [Fact]
    public void Compare_ConfigInWorkingDirectory_UsedByDefault()
    {
        using var temp = new TempDirectory();
        temp.Write("benchgate.json", """{ "failOn": "never" }""");
        File.Copy(Fixture("old.txt"), temp.Combine("old.txt"));
        File.Copy(Fixture("new.txt"), temp.Combine("new.txt"));

        var result = CliRunner.Run(temp.Path, "compare", "old.txt", "new.txt");

        Assert.Equal(0, result.ExitCode);
    }

    [Theory]
    [InlineData("missing.txt", "new.txt", "missing.txt: no such file")]
    [InlineData("old.txt", "no-benchmarks.txt", "no-benchmarks.txt: no benchmark results in it")]
    [InlineData("old.txt", "nan.txt", "'NaN' is not a finite number (unit ns/op)")]
    [InlineData("old.txt", "inf.txt", "'+Inf' is not a finite number (unit ns/op)")]
    [InlineData("old.txt", "mixed-units.txt", "BenchmarkParse: one metric in mixed units (ms/op and sec/op)")]
    [InlineData("old.txt", "new.txt,other-cpu.txt", "new: its files were measured in different environments")]
    [InlineData("config", "new.txt", "cannot read")]
    public void Compare_BadInput_Exit2OneLineNoStackTrace(string old, string @new, string expected)
    {
        var result = Compare(old, @new);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Out);
        var line = Assert.Single(result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("benchgate: ", line);
        Assert.Contains(expected, line);
        Assert.DoesNotContain(" at ", line);
    }

    [Fact]
    public void Compare_InvalidResultsJson_Exit2()
    {
        using var temp = new TempDirectory();
        var broken = temp.Write("broken.json", """{ "schemaVersion": 1, "environment": { "goos": "linux" }, "benchmarks": [ { "name": NaN } ] }""");

        var result = Compare(broken, "new.txt");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("benchgate: " + broken + ": not a valid BenchGate results file", result.Err);
    }

    [Fact]
    public void Compare_BadConfig_Exit2()
    {
        using var temp = new TempDirectory();
        var config = temp.Write("gate.json", """{ "q": 2 }""");

        var result = Compare("old.txt", "new.txt", "--config", config);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("q must be between 0 and 1", result.Err);
    }

    [Fact]
    public void Compare_Help_DocumentsSidesAndFormats()
    {
        var result = Compare("--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("several files of one side joined with commas", result.Out);
        Assert.Contains("table | markdown | json", result.Out);
        Assert.Contains("--fail-on", result.Out);
    }
}
