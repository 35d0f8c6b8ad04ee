using Gate.Core.GoBench;
using Gate.Core.Results;
using Gate.TestUtilities;

namespace Gate.Tool.Tests;

/// <summary><c>benchgate run</c> on real Go modules, with real go and real benchmarks.</summary>
public class RunCommandTests
{
    private static readonly string[] Quick = ["--samples", "2", "--sample-time", "20ms"];

    [Fact]
    [Trait(Traits.Category, Traits.Slow)]
    public void Run_ExamplesWithOutFile_WritesEverySampleOfEveryBenchmark()
    {
        using var temp = new TempDirectory();
        var examples = temp.CopyTree(RepoPaths.Examples, "examples");

        var result = CliRunner.Run(examples, "run", "./...", "--samples", "5", "--out", "r.json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var results = ResultsJson.ReadFile(Path.Combine(examples, "r.json"));
        Assert.Equal(
            ["BenchmarkClassify", "BenchmarkPointerChase", "BenchmarkSequentialSum", "BenchmarkEncode/size=64", "BenchmarkEncode/size=4096", "BenchmarkWordFreq"],
            results.Benchmarks.Select(b => b.Name));
        Assert.All(results.Benchmarks, b =>
        {
            Assert.Equal(5, b.Samples.Count);
            Assert.All(b.Samples, s => Assert.True(s.Values.ContainsKey("sec/op") && s.Values.ContainsKey("B/op") && s.Values.ContainsKey("allocs/op")));
            Assert.All(b.Metrics, m => Assert.Equal(MetricSource.Go, m.Source));
            Assert.True(b.Iterations > 1);
        });
        var encode = results.Benchmarks.Single(b => b.Name == "BenchmarkEncode/size=64");
        Assert.Equal(["sec/op", "MB/s", "ratio", "B/op", "allocs/op"], encode.Metrics.Select(m => m.Name));
        Assert.All(encode.ValuesOf("ratio"), v => Assert.Equal(0.3125, v));
        Assert.Equal(Better.Higher, encode.Metrics.Single(m => m.Name == "MB/s").Better);
        Assert.All(results.Benchmarks.Single(b => b.Name == "BenchmarkWordFreq").ValuesOf("allocs/op"), v => Assert.True(v >= 100));
        Assert.Equal("benchgate.example/examples", results.Environment.Module);
        Assert.Equal("go", results.Environment.Backend);
        Assert.StartsWith("go1.", results.Environment.GoVersion);
        Assert.Empty(results.Failures);
        Assert.Contains("WordFreq", result.Out);
        Assert.Contains("benchgate: measure [", result.Err);
        Assert.Contains("ETA", result.Err);
    }

    [Fact]
    [Trait(Traits.Category, Traits.Slow)]
    public void Run_DirFromElsewhereAsGobench_ReaderReadsEveryMetricBack()
    {
        using var temp = new TempDirectory();
        var examples = temp.CopyTree(RepoPaths.Examples, "examples");
        var elsewhere = Directory.CreateDirectory(temp.Combine("elsewhere")).FullName;

        var result = CliRunner.Run(elsewhere, ["run", "--dir", examples, "./...", "--bench", "Encode|WordFreq", "--format", "gobench", "--out", "out.txt", .. Quick]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var file = GoBenchReader.ReadFile(Path.Combine(elsewhere, "out.txt"));
        Assert.Empty(file.Errors);
        var byName = file.Results.GroupBy(r => r.Name).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(["BenchmarkEncode/size=4096", "BenchmarkEncode/size=64", "BenchmarkWordFreq"], byName.Keys.Order(StringComparer.Ordinal));
        Assert.All(byName.Values, lines => Assert.Equal(2, lines.Count));
        Assert.All(byName["BenchmarkEncode/size=64"], l => Assert.Equal(["sec/op", "MB/s", "ratio", "B/op", "allocs/op"], l.Values.Select(v => v.Unit)));
        Assert.All(file.Results, l => Assert.Equal("linux", l.Config.Get("goos")));
        Assert.Equal("benchgate.example/examples/codec", byName["BenchmarkEncode/size=64"][0].Package);
    }

    [Fact]
    [Trait(Traits.Category, Traits.Slow)]
    public void Run_DirectoryPatternOutsideTheModule_RunsInThatModule()
    {
        using var temp = new TempDirectory();
        temp.CopyTree(RepoPaths.Examples, "examples");

        var result = CliRunner.Run(temp.Path, ["run", "examples/codec", .. Quick]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("pkg: benchgate.example/examples/codec", result.Out);
        Assert.Contains("Encode/size=4096", result.Out);
    }

    [Fact]
    [Trait(Traits.Category, Traits.Slow)]
    public void Run_FailingAndPanickingBenchmarks_ReportedByNameOthersMeasuredExit2()
    {
        using var temp = new TempDirectory();
        var module = temp.CopyTree(RepoPaths.Fixture("gomod", "failing"), "failing");

        var result = CliRunner.Run(module, ["run", "./...", "--out", "r.json", .. Quick]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("BenchmarkFails", result.Err);
        Assert.Contains("deliberate failure for BenchGate's tests", result.Err);
        Assert.Contains("BenchmarkPanics", result.Err);
        Assert.Contains("panic: deliberate panic", result.Err);
        Assert.DoesNotContain("   at ", result.Err);
        var results = ResultsJson.ReadFile(Path.Combine(module, "r.json"));
        Assert.Equal(["BenchmarkAlpha", "BenchmarkZulu"], results.Benchmarks.Select(b => b.Name));
        Assert.All(results.Benchmarks, b => Assert.Equal(2, b.Samples.Count));
        Assert.Equal(["BenchmarkFails", "BenchmarkPanics"], results.Failures.Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Run_NoGoOnPath_Exit2WithOneLine()
    {
        using var temp = new TempDirectory();
        var examples = temp.CopyTree(RepoPaths.Examples, "examples");

        var result = ToolProcess.Run(examples, new Dictionary<string, string?> { ["PATH"] = temp.Path }, "run", "./...");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("benchgate: go: not found on PATH; install Go 1.21 or newer (on Debian: scripts/install-prereqs.sh) or add its bin directory to PATH", result.Err.Trim());
        Assert.Empty(result.Out);
    }

    [Fact]
    [Trait(Traits.Category, Traits.Slow)]
    public void Run_PackageWithoutBenchmarks_Exit2()
    {
        using var temp = new TempDirectory();
        var module = temp.CopyTree(RepoPaths.Fixture("gomod", "nobench"), "nobench");

        var result = CliRunner.Run(module, "run", "./...", "--out", "r.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("benchgate: no benchmarks: the packages matching ./... define no Benchmark functions", result.Err);
        Assert.False(File.Exists(Path.Combine(module, "r.json")));
    }

    [Fact]
    public void Run_PackageWithoutTestFiles_Exit2()
    {
        using var temp = new TempDirectory();
        var examples = temp.CopyTree(RepoPaths.Examples, "examples");
        File.Delete(Path.Combine(examples, "codec", "rle_test.go"));

        var result = CliRunner.Run(examples, "run", "./codec");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("benchgate: no benchmarks: no package matching ./codec has test files", result.Err);
    }

    [Fact]
    [Trait(Traits.Category, Traits.Slow)]
    public void Run_RegexMatchesNothing_Exit2BeforeMeasuring()
    {
        using var temp = new TempDirectory();
        var examples = temp.CopyTree(RepoPaths.Examples, "examples");

        var result = CliRunner.Run(examples, "run", "./...", "--bench", "NoSuchBenchmark", "--out", "r.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("benchgate: -bench 'NoSuchBenchmark' matches no benchmark in ./...", result.Err);
        Assert.DoesNotContain("measure [", result.Err);
        Assert.False(File.Exists(Path.Combine(examples, "r.json")));
    }

    [Fact]
    [Trait(Traits.Category, Traits.Slow)]
    public void Run_SubBenchmarkRegexMatchesNothing_Exit2()
    {
        using var temp = new TempDirectory();
        var examples = temp.CopyTree(RepoPaths.Examples, "examples");

        var result = CliRunner.Run(examples, "run", "./codec", "--bench", "Encode/size=7$");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("matches no benchmark", result.Err);
    }

    [Fact]
    [Trait(Traits.Category, Traits.Slow)]
    public void Run_SubBenchmarkRegex_SelectsOnlyThatLevel()
    {
        using var temp = new TempDirectory();
        var examples = temp.CopyTree(RepoPaths.Examples, "examples");

        var result = CliRunner.Run(examples, ["run", "./...", "--bench", "Encode/size=64$|Classify", "--format", "json", .. Quick]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var results = ResultsJson.Parse(result.Out, "stdout");
        Assert.Equal(["BenchmarkClassify", "BenchmarkEncode/size=64"], results.Benchmarks.Select(b => b.Name));
    }

    [Fact]
    public void Run_InvalidRegex_Exit2WithGoMessage()
    {
        using var temp = new TempDirectory();
        var examples = temp.CopyTree(RepoPaths.Examples, "examples");

        var result = CliRunner.Run(examples, "run", "./codec", "--bench", "Encode(");

        Assert.Equal(2, result.ExitCode);
        var error = Assert.Single(result.Err.Split('\n'), l => l.StartsWith("benchgate: -bench", StringComparison.Ordinal));
        Assert.StartsWith("benchgate: -bench 'Encode(': benchgate.example/examples/codec: testing: invalid regexp", error);
        Assert.DoesNotContain("   at ", result.Err);
    }

    [Theory]
    [InlineData("no-such-directory/r.json", "directory")]
    [InlineData(".", "it is a directory")]
    public void Run_UnwritableOut_Exit2BeforeAnythingRuns(string outPath, string expected)
    {
        using var temp = new TempDirectory();
        var examples = temp.CopyTree(RepoPaths.Examples, "examples");

        var result = CliRunner.Run(examples, "run", "./...", "--out", outPath);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("benchgate: cannot write " + outPath, result.Err);
        Assert.Contains(expected, result.Err);
        Assert.DoesNotContain("build [", result.Err);
    }

    [Fact]
    public void Run_UnknownPackagePattern_Exit2WithGoListMessage()
    {
        using var temp = new TempDirectory();
        var examples = temp.CopyTree(RepoPaths.Examples, "examples");

        var result = CliRunner.Run(examples, "run", "./nosuch");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("benchgate: go list ./nosuch:", result.Err);
        Assert.Single(result.Err.Trim().Split('\n'));
    }

    [Theory]
    [InlineData("--samples", "0", "--samples must be at least 1")]
    [InlineData("--sample-time", "fast", "--sample-time 'fast' is not a positive Go duration")]
    [InlineData("--sample-time", "0s", "is not a positive Go duration")]
    [InlineData("--backend", "stopwatch", "stopwatch")]
    [InlineData("--samples", "many", "many")]
    [InlineData("--format", "xml", "xml")]
    public void Run_BadOptions_Exit2(string option, string value, string expected)
    {
        using var temp = new TempDirectory();

        var result = CliRunner.Run(temp.Path, "run", option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Err);
        Assert.StartsWith("benchgate: ", result.Err);
        Assert.DoesNotContain("   at ", result.Err);
    }

    [Fact]
    public void Run_DirThatDoesNotExist_Exit2()
    {
        using var temp = new TempDirectory();

        var result = CliRunner.Run(temp.Path, "run", "--dir", "missing");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("missing: no such directory", result.Err);
    }
}
