using Gate.Core.Counters;
using Gate.Core.Processes;
using Gate.Core.Results;
using Gate.TestUtilities;

namespace Gate.Tool.Tests;

/// <summary><c>benchgate run --backend perf</c> end to end: real go, real perf, the in-process CLI.</summary>
[Trait(Traits.Category, Traits.Slow)]
public class PerfRunTests
{
    private static readonly string[] SoftwareMetrics = ["task-clock-sec/op", "page-faults/op", "context-switches/op", "cpu-migrations/op"];

    [Fact]
    public void Run_ExamplesWithPerf_SoftwareMetricsPerOpAndUnsupportedEventsSaidOnce()
    {
        using var temp = new TempDirectory();
        var host = PerfHost.Read();

        var result = CliRunner.Run(RepoPaths.Examples, "run", "./codec", "./branchy", "--backend", "perf", "--samples", "2", "--sample-time", "20ms", "--out", temp.Combine("perf.json"));

        Assert.True(result.ExitCode == 0, result.ToString());
        var results = ResultsJson.ReadFile(temp.Combine("perf.json"));
        Assert.Equal("perf", results.Environment.Backend);
        Assert.Equal(Tools.Run("perf", temp.Path, "--version").Stdout.Trim(), "perf version " + results.Environment.PerfVersion);
        Assert.Equal(["BenchmarkClassify", "BenchmarkEncode/size=4096", "BenchmarkEncode/size=64"], results.Benchmarks.Select(b => b.Name).Order(StringComparer.Ordinal));
        foreach (var benchmark in results.Benchmarks)
        {
            var names = benchmark.Metrics.Select(m => m.Name).ToList();
            Assert.Contains("sec/op", names);
            Assert.All(SoftwareMetrics, m => Assert.Contains(m, names));
            Assert.All(benchmark.Metrics.Where(m => SoftwareMetrics.Contains(m.Name)), m => Assert.Equal(MetricSource.PerfSw, m.Source));
            Assert.Equal(2, benchmark.Samples.Count);
            Assert.All(benchmark.Samples, s => Assert.All(SoftwareMetrics, m => Assert.True(double.IsFinite(s.Values[m]))));
            Assert.All(benchmark.ValuesOf("task-clock-sec/op"), v => Assert.InRange(v, 1e-10, 1e-3));
        }
        Assert.Contains("task-clock-sec/op", result.Out, StringComparison.Ordinal);
        if (host.HasCorePmu)
        {
            Assert.Null(results.Environment.UnsupportedEvents);
            Assert.All(results.Benchmarks, b => Assert.Contains(b.Metrics, m => m.Name == "instructions/op"));
            return;
        }
        Assert.Equal(PerfEventList.DefaultHardware, results.Environment.UnsupportedEvents!.Select(u => u.Event));
        Assert.All(results.Benchmarks, b => Assert.DoesNotContain(b.Metrics, m => m.Source == MetricSource.PerfHw));
        var said = result.Err.Split('\n').Where(l => l.Contains("not supported", StringComparison.Ordinal)).ToList();
        var line = Assert.Single(said);
        Assert.Equal(
            "benchgate: instructions, cycles, cache-references, cache-misses, branches, branch-misses: not supported on this machine ("
            + (host.IsVirtualMachine ? "virtual machine without a PMU" : "no hardware PMU")
            + "); use --backend cachegrind for simulated counters, or a self-hosted runner",
            line);
        Assert.True(result.Err.IndexOf(line, StringComparison.Ordinal) < result.Err.IndexOf("benchgate: build", StringComparison.Ordinal), "said before building");
    }

    [Fact]
    public void Run_UnknownEvent_Exit2BeforeAnythingRuns()
    {
        var result = CliRunner.Run(RepoPaths.Examples, "run", "./codec", "--backend", "perf", "--events", "task-clock,bogus-event");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("benchgate: --events: perf does not know the event 'bogus-event' (parser error); 'perf list' shows the events of this machine\n", result.Err);
        Assert.Empty(result.Out);
    }

    [Fact]
    public void Run_EventOfAMissingPmu_Exit2NamingThePmu()
    {
        var result = CliRunner.Run(RepoPaths.Examples, "run", "./codec", "--backend", "perf", "--events", "task-clock,nosuchpmu/event=0x3c,umask=0x00/");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("benchgate: --events: nosuchpmu/event=0x3c,umask=0x00/: this machine has no PMU 'nosuchpmu'", result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("build", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_EventsWithGoBackend_Exit2()
    {
        var result = CliRunner.Run(RepoPaths.Examples, "run", "./codec", "--events", "cycles");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("benchgate: --events chooses perf events: it needs --backend perf (not go)\n", result.Err);
    }

    [Fact]
    public async Task Run_PerfNotOnPath_Exit2BeforeAnythingRuns()
    {
        using var emptyPath = new TempDirectory();
        var dotnet = ExecutableLookup.Find("dotnet") ?? throw new InvalidOperationException("dotnet is not on PATH");
        var tool = Path.Combine(AppContext.BaseDirectory, "benchgate.dll");
        var environment = new Dictionary<string, string?> { ["PATH"] = emptyPath.Path };

        var outcome = await Tools.Processes.RunAsync(new ProcessSpec(dotnet, [tool, "run", "--backend", "perf", "--dir", RepoPaths.Examples], RepoPaths.Examples, environment, TimeSpan.FromMinutes(2)));

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal("benchgate: " + PerfDiagnosis.Missing + "\n", outcome.Stderr);
        Assert.Empty(outcome.Stdout);
    }

    [Fact]
    public void Run_BenchmarkPanicsUnderPerf_ClearMessageAndTheOtherIsMeasured()
    {
        var result = CliRunner.Run(RepoPaths.Fixture("gomod", "underperf"), "run", "--backend", "perf", "--samples", "2", "--sample-time", "10ms", "--format", "json");

        Assert.Equal(2, result.ExitCode);
        var results = ResultsJson.Parse(result.Out, "stdout");
        var steady = Assert.Single(results.Benchmarks);
        Assert.Equal("BenchmarkSteady", steady.Name);
        Assert.All(SoftwareMetrics, m => Assert.Equal(2, steady.ValuesOf(m).Length));
        var failure = Assert.Single(results.Failures);
        Assert.Equal("BenchmarkPanicsUnderPerf", failure.Name);
        Assert.StartsWith("panicked: panic: deliberate panic under perf", failure.Message, StringComparison.Ordinal);
        Assert.Contains("benchgate: BenchmarkPanicsUnderPerf (benchgate.test/underperf) panicked: panic: deliberate panic under perf", result.Err, StringComparison.Ordinal);
        Assert.Contains("benchgate: 1 benchmark(s) failed; the other 1 were measured", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_FailingModuleWithPerf_FailuresReportedAndTheOthersMeasured()
    {
        var result = CliRunner.Run(RepoPaths.Fixture("gomod", "failing"), "run", "--backend", "perf", "--samples", "1", "--sample-time", "10ms", "--format", "json");

        Assert.Equal(2, result.ExitCode);
        var results = ResultsJson.Parse(result.Out, "stdout");
        Assert.Equal(["BenchmarkAlpha", "BenchmarkZulu"], results.Benchmarks.Select(b => b.Name));
        Assert.All(results.Benchmarks, b => Assert.Single(b.ValuesOf("task-clock-sec/op")));
        Assert.Equal(["BenchmarkFails", "BenchmarkPanics"], results.Failures.Select(f => f.Name).Order(StringComparer.Ordinal));
    }
}
