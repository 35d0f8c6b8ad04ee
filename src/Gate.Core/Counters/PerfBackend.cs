using System.Globalization;
using Gate.Core.Measurement;
using Gate.Core.Processes;
using Gate.Core.Results;

namespace Gate.Core.Counters;

/// <summary>How the perf backend measures.</summary>
/// <param name="Events">The events to count (default: <see cref="PerfEventList.Default"/>).</param>
/// <param name="Format">perf's output form; null picks the one this perf writes best (<see cref="PerfTool.PreferredFormat"/>).</param>
/// <param name="Timeout">Kill one perf run after this long; null waits.</param>
/// <param name="SearchPath">Where to look for perf (a PATH value); null: this process's PATH.</param>
public sealed record PerfOptions(IReadOnlyList<PerfEvent> Events, PerfOutputFormat? Format = null, TimeSpan? Timeout = null, string? SearchPath = null);

/// <summary>
/// The <c>perf</c> backend: every sample runs the benchmark's test binary twice under <c>perf stat</c>, with
/// N1 and N2 iterations (<see cref="PerfWindow"/>), and takes each event's per-operation count from the
/// difference, which leaves out process start, package init, setup before <c>b.ResetTimer</c> and Go's N=1 probe.
/// Ratios (IPC, miss rates) come from the same differences. Go's own figures of the N2 run are kept too.
/// Events this machine cannot count are found before anything runs, said once, recorded in the results and
/// left out; multiplexed and not counted events are said once per run and flag their samples.
/// </summary>
public sealed class PerfBackend : IMeasurementBackend
{
    private readonly IProcessRunner _runner;
    private readonly PerfOutputFormat _format;
    private readonly TimeSpan? _timeout;
    private readonly PerfCounterHealth _health;
    private readonly IReadOnlyList<PerfEvent> _events;

    private PerfBackend(IProcessRunner runner, PerfTool tool, PerfOutputFormat format, IReadOnlyList<PerfEvent> events, PerfCounterHealth health, TimeSpan? timeout)
    {
        _runner = runner;
        Tool = tool;
        _format = format;
        _events = events;
        _health = health;
        _timeout = timeout;
    }

    /// <inheritdoc />
    public string Name => BackendKind.Perf.Name();

    /// <summary>The perf executable and version.</summary>
    public PerfTool Tool { get; }

    /// <summary>The output form perf is asked for.</summary>
    public PerfOutputFormat Format => _format;

    /// <summary>The events measured: those asked for, less the ones found unsupported (before or during the run).</summary>
    public IReadOnlyList<PerfEvent> Events => [.. _events.Where(e => !_health.IsUnsupported(e))];

    /// <summary>The events asked for that cannot be counted here, with the reason.</summary>
    public IReadOnlyList<UnsupportedEvent> UnsupportedEvents => _health.Unsupported;

    /// <summary>
    /// Finds perf, checks every event with a probe run, and says once (through <paramref name="warn"/>) which
    /// events cannot be counted here and why. perf missing, an unknown event, a refusing kernel or no countable
    /// event at all are <see cref="GateException"/>s: the run stops before anything is built or measured.
    /// </summary>
    public static async Task<PerfBackend> CreateAsync(PerfOptions options, IProcessRunner runner, Action<string>? warn, CancellationToken cancellationToken)
    {
        var tool = await PerfTool.LocateAsync(runner, options.SearchPath, cancellationToken).ConfigureAwait(false);
        var host = PerfHost.Read();
        var format = options.Format ?? tool.PreferredFormat;
        var probe = await PerfProbe.RunAsync(tool, format, options.Events, host, runner, cancellationToken).ConfigureAwait(false);
        if (probe.Events.All(e => !e.IsSupported))
        {
            throw new GateException(GateErrorKind.Environment, PerfDiagnosis.NothingToCount([.. probe.Events.Select(e => $"{e.Event.Spec}: {e.Reason}").Distinct()]));
        }
        return new PerfBackend(runner, tool, format, options.Events, new PerfCounterHealth(host, probe, warn), options.Timeout);
    }

    /// <summary>How often one sample's pair of runs is taken before a disturbed window fails the sample.</summary>
    public const int Attempts = 3;

    /// <inheritdoc />
    public async Task<SampleOutcome> MeasureAsync(BenchmarkTarget target, CancellationToken cancellationToken)
    {
        var events = Events;
        var window = PerfWindow.For(target.Iterations);
        for (var attempt = 1; ; attempt++)
        {
            var shortRun = await CountAsync(target, events, window.Short, cancellationToken).ConfigureAwait(false);
            if (shortRun.Failure is not null)
            {
                return SampleOutcome.Failed(shortRun.Failure);
            }
            var longRun = await CountAsync(target, events, window.Long, cancellationToken).ConfigureAwait(false);
            if (longRun.Failure is not null)
            {
                return SampleOutcome.Failed(longRun.Failure);
            }
            var perf = PerfSampleMetrics.Compute(events, window, shortRun.Counts, longRun.Counts);
            if (perf.Disturbed.Count == 0)
            {
                _health.Report(perf.Notes, target.Name);
                return Combine(longRun, perf);
            }
            if (attempt == Attempts)
            {
                return SampleOutcome.Failed(
                    $"the run with more iterations did not count more ({string.Join("; ", perf.Disturbed)}) in {Attempts} attempts: "
                    + "process start or setup outweighs the measured window; raise --sample-time");
            }
        }
    }

    /// <summary>One sample: Go's own figures of the long run and the perf metrics of the window.</summary>
    private static SampleOutcome Combine(PerfRun longRun, PerfSampleMetrics perf)
    {
        var go = longRun.Go.Sample!;
        var values = new Dictionary<string, double>(go.Values, StringComparer.Ordinal);
        foreach (var (metric, value) in perf.Values)
        {
            values[metric] = value;
        }
        var sample = new Sample(values, perf.Flags.Count > 0 ? perf.Flags : null);
        return new SampleOutcome(sample, [.. longRun.Go.Metrics, .. perf.Metrics], null);
    }

    /// <inheritdoc />
    public Task<RunEnvironment> DescribeAsync(RunEnvironment environment, CancellationToken cancellationToken)
    {
        var unsupported = UnsupportedEvents;
        return Task.FromResult(environment with { PerfVersion = Tool.Version, UnsupportedEvents = unsupported.Count > 0 ? unsupported : null });
    }

    /// <summary>One run of the test binary with <paramref name="iterations"/> iterations under perf stat.</summary>
    private async Task<PerfRun> CountAsync(BenchmarkTarget target, IReadOnlyList<PerfEvent> events, long iterations, CancellationToken cancellationToken)
    {
        var output = Path.Combine(Path.GetTempPath(), $"benchgate-perf-{Guid.NewGuid():N}.txt");
        try
        {
            var arguments = PerfTool.StatArguments(_format, output, events, target.TestBinary, target.BenchArguments(iterations));
            var spec = new ProcessSpec(Tool.Path, arguments, target.Package.Directory, Timeout: _timeout);
            var outcome = await _runner.RunAsync(spec, cancellationToken).ConfigureAwait(false);
            var text = File.Exists(output) ? await File.ReadAllTextAsync(output, cancellationToken).ConfigureAwait(false) : "";
            var reading = PerfStatReader.Read(text);
            var when = $"(perf stat, -test.benchtime={iterations.ToString(CultureInfo.InvariantCulture)}x)";
            if (outcome.TimedOut)
            {
                return PerfRun.Failed($"timed out after {outcome.Elapsed.TotalSeconds:0} s {when}");
            }
            if (reading.Counts.Count == 0)
            {
                return PerfRun.Failed(PerfDiagnosis.RunFailed(outcome.ExitCode, outcome.FirstLines(3)) + " " + when);
            }
            var go = GoBackend.Interpret(target, outcome);
            if (go.Failure is not null)
            {
                return PerfRun.Failed(go.Failure + " " + when);
            }
            return new PerfRun(PerfEventCounts.Match(events, reading.Counts), go, null);
        }
        finally
        {
            File.Delete(output);
        }
    }

    /// <summary>One perf run: the matched counts and Go's own figures, or why there are none.</summary>
    private sealed record PerfRun(IReadOnlyDictionary<PerfEvent, PerfEventCount> Counts, SampleOutcome Go, string? Failure)
    {
        public static PerfRun Failed(string failure) => new(new Dictionary<PerfEvent, PerfEventCount>(), SampleOutcome.Failed(failure), failure);
    }
}
