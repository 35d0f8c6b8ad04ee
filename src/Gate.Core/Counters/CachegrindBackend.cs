using System.Collections.Concurrent;
using Gate.Core.Measurement;
using Gate.Core.Processes;
using Gate.Core.Results;

namespace Gate.Core.Counters;

/// <summary>Settings of the cachegrind backend.</summary>
public sealed record CachegrindOptions
{
    /// <summary>The simulated cache geometry.</summary>
    public CacheModel CacheModel { get; init; } = CacheModel.Default;

    /// <summary>How the iteration window is chosen.</summary>
    public CachegrindWindowSettings Window { get; init; } = CachegrindWindowSettings.Default;

    /// <summary>The calibration's sample time: a target's native iteration count ran about this long.</summary>
    public required TimeSpan NativeSampleTime { get; init; }

    /// <summary>One valgrind run is killed after this long.</summary>
    public TimeSpan RunTimeout { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>The GODEBUG of the environment, kept under BenchGate's settings; null reads this process's.</summary>
    public string? InheritedGoDebug { get; init; } = Environment.GetEnvironmentVariable("GODEBUG");
}

/// <summary>
/// The <c>cachegrind</c> backend: simulated, deterministic counters. Each sample runs the benchmark's test binary
/// under <c>valgrind --tool=cachegrind --cache-sim=yes --branch-sim=yes</c> twice, with N1 and N2 iterations, and
/// divides the difference of the whole-run counts by N2 − N1: process start, package init, setup and Go's N=1
/// probe are in both runs and cancel. The first sample of a benchmark also chooses the window
/// (<see cref="CachegrindWindowPlanner"/>); later samples reuse it. Thread-safe: samples of different
/// benchmarks may run in parallel.
/// </summary>
public sealed class CachegrindBackend : IMeasurementBackend
{
    private readonly IProcessRunner _runner;
    private readonly string _valgrind;
    private readonly CachegrindOptions _options;
    private readonly CachegrindWindowPlanner _planner;
    private readonly ConcurrentDictionary<string, BenchmarkState> _benchmarks = new(StringComparer.Ordinal);

    private CachegrindBackend(IProcessRunner runner, string valgrind, CachegrindOptions options)
    {
        _runner = runner;
        _valgrind = valgrind;
        _options = options;
        _planner = new CachegrindWindowPlanner(options.Window);
    }

    /// <inheritdoc />
    public string Name => BackendKind.Cachegrind.Name();

    /// <summary>Full path of the valgrind executable.</summary>
    public string ValgrindPath => _valgrind;

    /// <summary>
    /// The backend, with valgrind found on <paramref name="searchPath"/> (default: this process's PATH). A missing
    /// valgrind is a <see cref="GateException"/>: nothing can be measured without it.
    /// </summary>
    public static CachegrindBackend Create(IProcessRunner runner, CachegrindOptions options, string? searchPath = null)
    {
        var valgrind = ExecutableLookup.Find("valgrind", searchPath) ?? throw new GateException(GateErrorKind.Environment, CachegrindProbe.NotFoundMessage);
        return new CachegrindBackend(runner, valgrind, options);
    }

    /// <inheritdoc />
    public async Task<SampleOutcome> MeasureAsync(BenchmarkTarget target, CancellationToken cancellationToken)
    {
        // Keyed by the binary too: an A/B measurement measures the same benchmark of two builds with one backend.
        var state = _benchmarks.GetOrAdd(
            target.TestBinary + " " + target.Name,
            _ => new BenchmarkState(new Lazy<Task<WindowChoice>>(() => ChooseWindowAsync(target, cancellationToken))));
        var first = Interlocked.Increment(ref state.Samples) == 1;
        var choice = await state.Choice.Value.ConfigureAwait(false);
        if (choice.Failure is not null)
        {
            return SampleOutcome.Failed(choice.Failure);
        }
        if (first)
        {
            return Outcome(choice, choice.PerOp!);
        }
        var start = await RunAsync(target, choice.Range.N1, cancellationToken).ConfigureAwait(false);
        var end = start.Failure is null ? await RunAsync(target, choice.Range.N2, cancellationToken).ConfigureAwait(false) : start;
        if (end.Failure is not null)
        {
            return SampleOutcome.Failed(end.Failure);
        }
        return Outcome(choice, CachegrindMetrics.PerOp(end.Counts! - start.Counts!, choice.Range.Operations));
    }

    /// <summary>The valgrind version and the cache model, added to the results' environment.</summary>
    public async Task<RunEnvironment> DescribeAsync(RunEnvironment environment, CancellationToken cancellationToken)
    {
        var version = await CachegrindProbe.VersionAsync(_runner, _valgrind, cancellationToken).ConfigureAwait(false);
        return environment with { ValgrindVersion = version, CacheModel = _options.CacheModel.ToString() };
    }

    private SampleOutcome Outcome(WindowChoice choice, IReadOnlyDictionary<string, double> perOp)
    {
        var sample = new Sample(perOp, choice.Stable ? null : ["unstable-window"]);
        return new SampleOutcome(sample, CachegrindMetrics.Descriptions, null)
        {
            Window = new IterationWindow(choice.Range.N1, choice.Range.N2, choice.Rule),
            Procs = 1,
        };
    }

    private async Task<WindowChoice> ChooseWindowAsync(BenchmarkTarget target, CancellationToken cancellationToken)
    {
        var known = new Dictionary<long, CachegrindCounts>();
        async Task<string?> MeasureAtAsync(params long[] iterations)
        {
            foreach (var n in iterations.Where(n => !known.ContainsKey(n)))
            {
                var run = await RunAsync(target, n, cancellationToken).ConfigureAwait(false);
                if (run.Failure is not null)
                {
                    return run.Failure;
                }
                known[n] = run.Counts!;
            }
            return null;
        }

        var probe = _planner.Probe(_options.NativeSampleTime.TotalSeconds / Math.Max(1, target.Iterations));
        if (await MeasureAtAsync(probe.N1, probe.N2).ConfigureAwait(false) is { } probeFailure)
        {
            return WindowChoice.Failed(probeFailure);
        }
        var decision = _planner.AfterProbe(probe, known[probe.N1], known[probe.N2]);
        var steps = new List<string>();
        for (var attempt = 1; decision.Failure is null; attempt++)
        {
            steps.Add(decision.Note);
            var range = decision.Next!;
            if (await MeasureAtAsync(range.N1, range.Middle, range.N2).ConfigureAwait(false) is { } failure)
            {
                return WindowChoice.Failed(failure);
            }
            var measured = new WindowCounts(range, known[range.N1], known[range.Middle], known[range.N2]);
            decision = _planner.Judge(measured, attempt);
            if (decision.Accepted)
            {
                steps.Add(decision.Note);
                return new WindowChoice(range, _planner.Rule(steps), decision.Stable, CachegrindMetrics.PerOp(measured.Whole, range.Operations), null);
            }
        }
        return WindowChoice.Failed(decision.Failure);
    }

    /// <summary>One valgrind run of <paramref name="target"/> with <paramref name="iterations"/> iterations.</summary>
    private async Task<CachegrindRunResult> RunAsync(BenchmarkTarget target, long iterations, CancellationToken cancellationToken)
    {
        using var scratch = new CachegrindScratch();
        var spec = CachegrindInvocation.Spec(_valgrind, target, iterations, scratch.OutFile, _options.CacheModel, _options.InheritedGoDebug, _options.RunTimeout);
        var outcome = await _runner.RunAsync(spec, cancellationToken).ConfigureAwait(false);
        return CachegrindRunInterpreter.Interpret(target, iterations, outcome, scratch.ReadOutput(), _options.CacheModel);
    }

    private sealed class BenchmarkState(Lazy<Task<WindowChoice>> choice)
    {
        public int Samples;

        public Lazy<Task<WindowChoice>> Choice { get; } = choice;
    }

    private sealed record WindowChoice(WindowRange Range, string Rule, bool Stable, IReadOnlyDictionary<string, double>? PerOp, string? Failure)
    {
        public static WindowChoice Failed(string failure) => new(new WindowRange(0, 0), "", false, null, failure);
    }
}
