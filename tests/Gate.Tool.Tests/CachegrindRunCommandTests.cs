using System.Text.Json;
using Gate.Core.Counters;
using Gate.Core.Processes;
using Gate.Core.Results;
using Gate.TestUtilities;

namespace Gate.Tool.Tests;

public class CachegrindRunCommandTests
{
    [Fact]
    [Trait(Traits.Category, Traits.Slow)]
    public void Run_BackendCachegrind_WritesSimulatedPerOpFiguresWithTheirWindow()
    {
        // Given the planted module's two cheapest benchmarks
        using var temp = new TempDirectory();
        var module = RepoPaths.Fixture("gomod", "planted-v1");

        // When they are measured with the defaults of the cachegrind backend
        var result = CliRunner.Run(module, "run", "--backend", "cachegrind", "--bench", "Work|Checksum", "--out", temp.Combine("results.json"));

        // Then the run succeeds and the file says how it measured: valgrind version, cache model, a window per benchmark
        Assert.True(result.ExitCode == 0, result.ToString());
        var results = ResultsJson.ReadFile(temp.Combine("results.json"));
        Assert.Equal("cachegrind", results.Environment.Backend);
        Assert.Equal("I1=32768,8,64 D1=32768,8,64 LL=33554432,16,64", results.Environment.CacheModel);
        Assert.Matches(@"^\d+\.\d+", results.Environment.ValgrindVersion);
        Assert.Equal(["BenchmarkChecksum", "BenchmarkWork"], results.Benchmarks.Select(b => b.Name).Order());
        Assert.All(results.Benchmarks, b =>
        {
            Assert.Equal(2, b.Samples.Count);
            Assert.Equal(1, b.Procs);
            Assert.All(b.Metrics, m => Assert.Equal(MetricSource.Sim, m.Source));
            Assert.StartsWith("auto: >= 50,000,000 instructions", b.Window!.Rule, StringComparison.Ordinal);
            Assert.Equal(b.Window.N2 - b.Window.N1, b.Iterations);
        });

        // And the two samples of a benchmark agree as simulated counts do
        var work = results.Benchmarks.Single(b => b.Name == "BenchmarkWork").ValuesOf("instructions/op");
        Assert.InRange(work[0] / work[1], 0.995, 1.005);

        // And the table on stdout shows the simulated metrics
        Assert.Contains("instructions/op", result.Out, StringComparison.Ordinal);
        Assert.Contains("est-IPC", result.Out, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(temp.Combine("results.json")));
        Assert.Equal(JsonValueKind.Object, json.RootElement.GetProperty("benchmarks")[0].GetProperty("window").ValueKind);
    }

    [Fact]
    [Trait(Traits.Category, Traits.Slow)]
    public async Task Run_ValgrindNotOnPath_ExitsTwoWithAClearMessageAndWritesNothing()
    {
        // Given a PATH that holds go but not valgrind, and the real benchgate in its own process
        using var temp = new TempDirectory();
        var bin = Directory.CreateDirectory(temp.Combine("bin")).FullName;
        File.CreateSymbolicLink(Path.Combine(bin, "go"), Tools.Go);
        var dotnet = Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : ExecutableLookup.Find("dotnet")!;
        var tool = Path.Combine(AppContext.BaseDirectory, "benchgate.dll");
        var output = temp.Combine("results.json");

        // When it is asked for the cachegrind backend
        var outcome = await Tools.Processes.RunAsync(new ProcessSpec(
            dotnet,
            [tool, "run", "--backend", "cachegrind", "--dir", RepoPaths.Examples, "--out", output],
            temp.Path,
            new Dictionary<string, string?> { ["PATH"] = bin },
            TimeSpan.FromMinutes(2)));

        // Then it stops before building anything: exit code 2, one line naming the missing tool, no file
        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal("benchgate: " + CachegrindProbe.NotFoundMessage + "\n", outcome.Stderr);
        Assert.False(File.Exists(output));
    }

    [Theory]
    [InlineData("--cache-model", "LL=3000000,16,64", "--cache-model 'LL=3000000,16,64': size / (associativity × line size)")]
    [InlineData("--cache-model", "L3=1,1,1", "--cache-model 'L3=1,1,1': expected I1=, D1= or LL=")]
    [InlineData("--jobs", "0", "--jobs must be at least 1 (got 0)")]
    public void Run_BadCachegrindOption_ExitsTwoWithTheReason(string option, string value, string expected)
    {
        using var temp = new TempDirectory();

        var result = CliRunner.Run(temp.Path, "run", "--backend", "cachegrind", option, value, "--dir", temp.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("benchgate: " + expected, result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_CacheModelWithTheGoBackend_ExitsTwo()
    {
        using var temp = new TempDirectory();

        var result = CliRunner.Run(temp.Path, "run", "--backend", "go", "--cache-model", "LL=8388608,16,64", "--dir", temp.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("benchgate: --cache-model applies to --backend cachegrind only (not go)\n", result.Err);
    }
}
