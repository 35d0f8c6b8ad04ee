using Gate.Core.Processes;

namespace Gate.Core.Counters;

/// <summary>Whether perf can count one event on this machine, and why not.</summary>
/// <param name="Event">The event.</param>
/// <param name="Status">Counted (supported), not counted (supported, but it did not run in the probe) or not supported.</param>
/// <param name="Reason">Why it is not supported, or null.</param>
public sealed record PerfEventSupport(PerfEvent Event, PerfCountStatus Status, string? Reason)
{
    /// <summary>True unless perf said <c>&lt;not supported&gt;</c>.</summary>
    public bool IsSupported => Status != PerfCountStatus.NotSupported;
}

/// <summary>What a probe found: each event's support, and whether perf counts user space only.</summary>
public sealed record PerfProbeResult(IReadOnlyList<PerfEventSupport> Events, bool UserSpaceOnly);

/// <summary>
/// Asks perf, before anything is measured, whether it knows and can count the events: one <c>perf stat</c> of
/// a tiny command (<c>perf --version</c> itself, which is sure to exist). Unknown events, PMUs this machine does
/// not have and a kernel that refuses are <see cref="GateException"/>s; unsupported events are reported.
/// </summary>
public static class PerfProbe
{
    /// <summary>Probes <paramref name="events"/> with <paramref name="tool"/>.</summary>
    public static async Task<PerfProbeResult> RunAsync(
        PerfTool tool, PerfOutputFormat format, IReadOnlyList<PerfEvent> events, PerfHost host, IProcessRunner runner, CancellationToken cancellationToken)
    {
        var output = Path.Combine(Path.GetTempPath(), $"benchgate-perf-probe-{Guid.NewGuid():N}.txt");
        try
        {
            var arguments = PerfTool.StatArguments(format, output, events, tool.Path, ["--version"]);
            var outcome = await runner.RunAsync(new ProcessSpec(tool.Path, arguments, Timeout: TimeSpan.FromSeconds(60)), cancellationToken).ConfigureAwait(false);
            var reading = PerfStatReader.Read(File.Exists(output) ? await File.ReadAllTextAsync(output, cancellationToken).ConfigureAwait(false) : "");
            if (!outcome.Succeeded || reading.Counts.Count == 0)
            {
                throw new GateException(GateErrorKind.Environment, PerfDiagnosis.StartFailure(outcome.Stderr, outcome.ExitCode, host));
            }
            return Interpret(events, reading, host);
        }
        finally
        {
            File.Delete(output);
        }
    }

    /// <summary>Each event's support from a probe's output.</summary>
    public static PerfProbeResult Interpret(IReadOnlyList<PerfEvent> events, PerfStatReading reading, PerfHost host)
    {
        var counts = PerfEventCounts.Match(events, reading.Counts);
        var support = new List<PerfEventSupport>();
        var userSpaceOnly = false;
        foreach (var perfEvent in events)
        {
            if (!counts.TryGetValue(perfEvent, out var count))
            {
                support.Add(new PerfEventSupport(perfEvent, PerfCountStatus.NotSupported, "perf printed no count for it"));
                continue;
            }
            userSpaceOnly |= count.AddedModifiers?.Contains('u', StringComparison.Ordinal) == true;
            var reason = count.Status == PerfCountStatus.NotSupported ? PerfDiagnosis.NotSupportedReason(perfEvent, host) : null;
            support.Add(new PerfEventSupport(perfEvent, count.Status, reason));
        }
        return new PerfProbeResult(support, userSpaceOnly);
    }
}
