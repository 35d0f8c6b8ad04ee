using Gate.Core.Counters;
using Gate.Core.Measurement;
using Gate.Core.Processes;
using Gate.Core.Results;
using Gate.Core.Running;
using Gate.TestUtilities;

namespace Gate.Core.Tests.Counters;

[Trait(Traits.Category, Traits.Slow)]
public class PerfBackendTests
{
    private static readonly string[] SoftwareMetrics = ["task-clock-sec/op", "page-faults/op", "context-switches/op", "cpu-migrations/op"];

    private static Task<PerfBackend> Create(string? events = null, PerfOutputFormat? format = null, List<string>? said = null) =>
        PerfBackend.CreateAsync(new PerfOptions(PerfEventList.Parse(events), format, TimeSpan.FromMinutes(2)), Tools.Processes, said is null ? null : said.Add, CancellationToken.None);

    /// <summary>Builds the test binary of a fixture module's package and names one of its benchmarks as a target.</summary>
    private static BenchmarkTarget Target(TempDirectory temp, string module, string benchmark, long iterations)
    {
        var directory = RepoPaths.Fixture("gomod", module);
        var binary = temp.Combine(module + ".test");
        Tools.Run(Tools.Go, directory, "test", "-c", "-o", binary, ".");
        return new BenchmarkTarget(new GoPackage("benchgate.test/" + module, directory), binary, benchmark, 2, iterations);
    }

    [Fact]
    public async Task CreateAsync_PerfNotOnPath_SaysSoBeforeAnythingRuns()
    {
        using var empty = new TempDirectory();

        var error = await Assert.ThrowsAsync<GateException>(() =>
            PerfBackend.CreateAsync(new PerfOptions(PerfEventList.Default, SearchPath: empty.Path), Tools.Processes, null, CancellationToken.None));

        Assert.Equal(PerfDiagnosis.Missing, error.Message);
    }

    [Fact]
    public async Task CreateAsync_DefaultEvents_SaysUnsupportedEventsOnceAndRecordsThem()
    {
        var host = PerfHost.Read();
        var said = new List<string>();

        var backend = await Create(said: said);

        Assert.Equal("perf", backend.Name);
        var environment = await backend.DescribeAsync(new RunEnvironment("linux", "amd64", "perf", []), CancellationToken.None);
        Assert.Equal(backend.Tool.Version, environment.PerfVersion);
        if (host.HasCorePmu)
        {
            Assert.Equal(PerfEventList.Default, backend.Events);
            Assert.Null(environment.UnsupportedEvents);
            return;
        }
        Assert.Equal(PerfEventList.DefaultSoftware, backend.Events.Select(e => e.Spec));
        Assert.Equal(PerfEventList.DefaultHardware, environment.UnsupportedEvents!.Select(u => u.Event));
        Assert.All(environment.UnsupportedEvents!, u => Assert.Equal(PerfDiagnosis.NotSupportedReason(new PerfEvent(u.Event), host), u.Reason));
        var line = Assert.Single(said, s => s.Contains("not supported", StringComparison.Ordinal));
        Assert.StartsWith(string.Join(", ", PerfEventList.DefaultHardware) + ": not supported on this machine", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_OnlyEventsThisMachineCannotCount_RefusesToRun()
    {
        if (PerfHost.Read().HasCorePmu)
        {
            var backend = await Create("cycles,instructions");
            Assert.Equal(2, backend.Events.Count);
            return;
        }

        var error = await Assert.ThrowsAsync<GateException>(() => Create("cycles,instructions"));

        Assert.StartsWith("perf: none of the events can be counted here (cycles: not supported on this machine", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PerfOutputFormat.Csv)]
    [InlineData(PerfOutputFormat.Json)]
    public async Task MeasureAsync_SteadyBenchmark_GoAndPerfMetricsPerOp(PerfOutputFormat format)
    {
        using var temp = new TempDirectory();
        var target = Target(temp, "underperf", "BenchmarkSteady", 5_000_000); // a window of ~0.3 s: whole-process CPU time varies by 10–20 ms between runs
        var backend = await Create(format: format);

        var outcome = await backend.MeasureAsync(target, CancellationToken.None);

        Assert.Null(outcome.Failure);
        var values = outcome.Sample!.Values;
        var names = outcome.Metrics.Select(m => m.Name).ToList();
        Assert.Equal(["sec/op", "B/op", "allocs/op"], names.Take(3));
        Assert.All(SoftwareMetrics, m => Assert.Contains(m, names));
        Assert.DoesNotContain(names, n => backend.UnsupportedEvents.Any(u => n.StartsWith(u.Event + "/", StringComparison.Ordinal)));
        Assert.Equal(names.Order(), values.Keys.Order());
        Assert.All(values.Values, v => Assert.True(double.IsFinite(v)));
        Assert.InRange(values["task-clock-sec/op"], 1e-10, 1e-4);
        Assert.InRange(values["page-faults/op"], -0.01, 0.01);
        Assert.Null(outcome.Sample.Flags);
    }

    [Fact]
    public async Task MeasureAsync_BenchmarkPanicsUnderPerf_IsAFailedSampleWithThePanic()
    {
        using var temp = new TempDirectory();
        var target = Target(temp, "underperf", "BenchmarkPanicsUnderPerf", 1000);
        var backend = await Create();

        var outcome = await backend.MeasureAsync(target, CancellationToken.None);

        Assert.Null(outcome.Sample);
        Assert.StartsWith("panicked: panic: deliberate panic under perf", outcome.Failure, StringComparison.Ordinal);
        Assert.Contains("(perf stat, -test.benchtime=2x)", outcome.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MeasureAsync_PerfCannotStartTheBinary_IsAFailedSampleQuotingPerf()
    {
        using var temp = new TempDirectory();
        var notExecutable = temp.Write("broken.test", "not a program");
        var target = new BenchmarkTarget(new GoPackage("benchgate.test/broken", temp.Path), notExecutable, "BenchmarkX", 1, 100);
        var backend = await Create();

        var outcome = await backend.MeasureAsync(target, CancellationToken.None);

        Assert.Null(outcome.Sample);
        Assert.StartsWith("perf stat failed (exit code 255): Workload failed: Permission denied", outcome.Failure, StringComparison.Ordinal);
    }

    /// <summary>
    /// The per-op proof: BenchmarkSetupHeavy's setup (run in Go's N=1 probe and again in the measured run) faults
    /// 32768 pages and burns 0.3 s of CPU; its operations fault none. The benchmark reports its setup's figures and
    /// its loop's own CPU time per op (getrusage). Per-op page faults times the window must stay far below the
    /// setup's faults, and per-op task-clock must match the loop's CPU time per op: one setup left in the window
    /// would add at least twice the window's own CPU time (sample time 150 ms of wall time against 0.3 s of setup).
    /// </summary>
    [Fact]
    public async Task RunAsync_ExpensiveSetup_PerOpFiguresDoNotContainTheSetup()
    {
        var backend = await Create();
        var options = new RunOptions(RepoPaths.Fixture("gomod", "setupcost"), ["./..."], ".", 2, TimeSpan.FromMilliseconds(150), []);

        var results = await new BenchmarkRunner(Tools.Processes, backend).RunAsync(options);

        Assert.Empty(results.Failures);
        var benchmark = Assert.Single(results.Benchmarks);
        var window = PerfWindow.For(benchmark.Iterations);
        Assert.Equal(2, benchmark.Samples.Count);
        foreach (var sample in benchmark.Samples)
        {
            var values = sample.Values;
            var setupFaults = values["setup-faults"];
            var setupCpu = values["setup-cpu-sec"];
            var loopCpu = values["loop-cpu-ns/op"] * 1e-9;
            Assert.InRange(setupFaults, 30000, 40000);
            Assert.InRange(setupCpu, 0.29, 5);
            Assert.True(setupCpu > window.Operations * loopCpu, "the setup costs more CPU than the whole window");
            // One setup left in the difference would add 32768 faults and 0.3 s of CPU to the window.
            Assert.InRange(values["page-faults/op"] * window.Operations, -setupFaults / 10, setupFaults / 10);
            Assert.InRange(values["task-clock-sec/op"] / loopCpu, 0.5, 2);
        }
        Assert.Equal(backend.Tool.Version, results.Environment.PerfVersion);
        Assert.Equal("perf", results.Environment.Backend);
    }

    [Fact]
    public async Task MeasureAsync_ShortRunDisturbedOnce_TakesThePairAgain()
    {
        // Given a window of about 10 ms and a first short run whose init burns 300 ms of CPU
        using var temp = new TempDirectory();
        var target = Target(temp, "underperf", "BenchmarkSteady", 200_000);
        var runner = new ShortRunBurner(Tools.Processes, burnedRuns: 1);
        var backend = await PerfBackend.CreateAsync(new PerfOptions(PerfEventList.Parse("task-clock,page-faults")), runner, null, CancellationToken.None);

        // When one sample is measured
        var outcome = await backend.MeasureAsync(target, CancellationToken.None);

        // Then the disturbed pair was taken again, and the sample is the second pair's
        Assert.Null(outcome.Failure);
        Assert.Equal(4, runner.Runs);
        Assert.InRange(outcome.Sample!.Values["task-clock-sec/op"], 1e-10, 1e-5);
    }

    [Fact]
    public async Task MeasureAsync_ShortRunAlwaysDisturbed_FailsTheSampleSayingWhyInsteadOfANegativeFigure()
    {
        using var temp = new TempDirectory();
        var target = Target(temp, "underperf", "BenchmarkSteady", 200_000);
        var runner = new ShortRunBurner(Tools.Processes, burnedRuns: int.MaxValue);
        var backend = await PerfBackend.CreateAsync(new PerfOptions(PerfEventList.Parse("task-clock,page-faults")), runner, null, CancellationToken.None);

        var outcome = await backend.MeasureAsync(target, CancellationToken.None);

        Assert.Null(outcome.Sample);
        Assert.Equal(2 * PerfBackend.Attempts, runner.Runs);
        Assert.Matches(@"^the run with more iterations did not count more \(task-clock: [0-9.]+ msec with 2 iterations, [0-9.]+ msec with 200000\) in 3 attempts: process start or setup outweighs the measured window; raise --sample-time$", outcome.Failure);
    }

    /// <summary>Runs perf as asked, setting BENCHGATE_TEST_BURN_INIT=300ms in the first <paramref name="burnedRuns"/> short (2-iteration) runs.</summary>
    private sealed class ShortRunBurner(IProcessRunner inner, int burnedRuns) : IProcessRunner
    {
        private int _burned;

        public int Runs { get; private set; }

        public Task<ProcessOutcome> RunAsync(ProcessSpec spec, CancellationToken cancellationToken = default)
        {
            if (!spec.Arguments.Any(a => a.StartsWith("-test.benchtime=", StringComparison.Ordinal)))
            {
                return inner.RunAsync(spec, cancellationToken); // the backend's own probe
            }
            Runs++;
            if (spec.Arguments.Contains("-test.benchtime=2x") && _burned < burnedRuns)
            {
                _burned++;
                spec = spec with { Environment = new Dictionary<string, string?> { ["BENCHGATE_TEST_BURN_INIT"] = "300ms" } };
            }
            return inner.RunAsync(spec, cancellationToken);
        }
    }
}
