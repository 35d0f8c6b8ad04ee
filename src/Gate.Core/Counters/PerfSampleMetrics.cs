using System.Globalization;
using Gate.Core.Results;

namespace Gate.Core.Counters;

/// <summary>A ratio of two event counts taken over the same window, for example IPC = instructions / cycles.</summary>
/// <param name="Name">The metric name (<c>IPC</c>, <c>cache-miss-rate</c>, <c>branch-miss-rate</c>).</param>
/// <param name="Numerator">Event name of the numerator.</param>
/// <param name="Denominator">Event name of the denominator.</param>
public sealed record PerfRatio(string Name, string Numerator, string Denominator)
{
    /// <summary>The ratios BenchGate derives when both of their events are measured.</summary>
    public static IReadOnlyList<PerfRatio> All { get; } =
    [
        new("IPC", "instructions", "cycles"),
        new("cache-miss-rate", "cache-misses", "cache-references"),
        new("branch-miss-rate", "branch-misses", "branches"),
    ];

    /// <summary>The metric description: source <c>perf-hw</c>; IPC is better higher, the miss rates lower.</summary>
    public MetricInfo Metric => PerfMetrics.Declarations.Describe(MetricSource.PerfHw, Name);
}

/// <summary>Why an event has no clean per-op value in a sample.</summary>
public enum PerfNoteKind
{
    /// <summary>perf printed <c>&lt;not supported&gt;</c>: the event cannot be counted here.</summary>
    NotSupported,

    /// <summary>perf printed <c>&lt;not counted&gt;</c>: the event never ran in one of the two runs.</summary>
    NotCounted,

    /// <summary>The event was multiplexed in one of the two runs: its count is perf's scaled estimate.</summary>
    Multiplexed,

    /// <summary>perf counted user space only (it added the <c>u</c> modifier: kernel.perf_event_paranoid restricts this user).</summary>
    UserSpaceOnly,

    /// <summary>perf printed no line for the event at all.</summary>
    Missing,
}

/// <summary>Something to tell the user about one event in one sample.</summary>
/// <param name="Event">The event.</param>
/// <param name="Kind">What happened.</param>
/// <param name="PercentRunning">For <see cref="PerfNoteKind.Multiplexed"/>: the lower percentage running of the two runs.</param>
public sealed record PerfNote(PerfEvent Event, PerfNoteKind Kind, double PercentRunning = 100);

/// <summary>The perf part of one sample: per-op values and ratios, their descriptions, flags and notes.</summary>
/// <param name="Values">Metric name to per-operation value (ratios are plain ratios).</param>
/// <param name="Metrics">The metrics in <paramref name="Values"/>, events in the order asked for, then ratios.</param>
/// <param name="Flags">Sample flags: <c>multiplexed</c>, <c>not-counted</c>.</param>
/// <param name="Notes">Per-event notes, for a run-level diagnosis.</param>
/// <param name="Disturbed">
/// Events that grow with every operation (<see cref="PerfEvent.GrowsWithEveryOperation"/>) but did not grow from
/// the short run to the long one, each as <c>event: N1 count → N2 count</c>; when any is listed, the sample is
/// not a measurement and must be taken again.
/// </param>
public sealed record PerfSampleMetrics(
    IReadOnlyDictionary<string, double> Values,
    IReadOnlyList<MetricInfo> Metrics,
    IReadOnlyList<string> Flags,
    IReadOnlyList<PerfNote> Notes,
    IReadOnlyList<string> Disturbed)
{
    /// <summary>Flag of a sample in which perf scaled at least one count (the event was multiplexed).</summary>
    public const string MultiplexedFlag = "multiplexed";

    /// <summary>Flag of a sample in which at least one event was <c>&lt;not counted&gt;</c> (its metric is absent).</summary>
    public const string NotCountedFlag = "not-counted";

    /// <summary>
    /// The per-op metrics of one sample from the counts of its two runs (N1 and N2 iterations). An event is a
    /// metric only when both runs counted it; a not supported or not counted event is absent, never zero.
    /// Ratios use the two events' differences over the same window.
    /// </summary>
    public static PerfSampleMetrics Compute(
        IReadOnlyList<PerfEvent> events,
        PerfWindow window,
        IReadOnlyDictionary<PerfEvent, PerfEventCount> shortRun,
        IReadOnlyDictionary<PerfEvent, PerfEventCount> longRun)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        var metrics = new List<MetricInfo>();
        var flags = new SortedSet<string>(StringComparer.Ordinal);
        var notes = new List<PerfNote>();
        var differences = new Dictionary<PerfEvent, double>();
        var disturbed = new List<string>();
        foreach (var perfEvent in events)
        {
            if (!shortRun.TryGetValue(perfEvent, out var first) || !longRun.TryGetValue(perfEvent, out var second))
            {
                notes.Add(new PerfNote(perfEvent, PerfNoteKind.Missing));
                continue;
            }
            if (first.Status == PerfCountStatus.NotSupported || second.Status == PerfCountStatus.NotSupported)
            {
                notes.Add(new PerfNote(perfEvent, PerfNoteKind.NotSupported));
                continue;
            }
            if (first.Status == PerfCountStatus.NotCounted || second.Status == PerfCountStatus.NotCounted)
            {
                notes.Add(new PerfNote(perfEvent, PerfNoteKind.NotCounted));
                flags.Add(NotCountedFlag);
                continue;
            }
            if (first.Multiplexed || second.Multiplexed)
            {
                notes.Add(new PerfNote(perfEvent, PerfNoteKind.Multiplexed, Math.Min(first.PercentRunning, second.PercentRunning)));
                flags.Add(MultiplexedFlag);
            }
            if ((first.AddedModifiers ?? second.AddedModifiers) is { } added && added.Contains('u', StringComparison.Ordinal))
            {
                notes.Add(new PerfNote(perfEvent, PerfNoteKind.UserSpaceOnly));
            }
            var scale = PerfEvent.Scale(second.Unit);
            var name = perfEvent.MetricName(second.Unit);
            differences[perfEvent] = second.Value - first.Value;
            if (perfEvent.GrowsWithEveryOperation && !(second.Value > first.Value))
            {
                disturbed.Add($"{perfEvent.Spec}: {Quantity(first)} with {window.Short} iterations, {Quantity(second)} with {window.Long}");
            }
            values[name] = window.PerOperation(first.Value * scale, second.Value * scale);
            metrics.Add(PerfMetrics.Describe(perfEvent, name));
        }
        foreach (var ratio in PerfRatio.All)
        {
            if (Pair(differences, ratio) is ({ } numerator, { } denominator) && denominator > 0)
            {
                values[ratio.Name] = numerator / denominator;
                metrics.Add(ratio.Metric);
            }
        }
        return new PerfSampleMetrics(values, metrics, [.. flags], notes, disturbed);
    }

    /// <summary>A count as perf printed it, with its unit when it has one: <c>41.5 msec</c>, <c>9000000</c>.</summary>
    private static string Quantity(PerfEventCount count)
    {
        var value = count.Value.ToString("0.###", CultureInfo.InvariantCulture);
        return count.Unit.Length == 0 ? value : value + " " + count.Unit;
    }

    /// <summary>The differences of the ratio's two events, the first pair measured with the same modifiers.</summary>
    private static (double? Numerator, double? Denominator) Pair(Dictionary<PerfEvent, double> differences, PerfRatio ratio)
    {
        foreach (var (numeratorEvent, numerator) in differences)
        {
            var (name, modifiers) = PerfEventNames.SplitModifiers(numeratorEvent.Spec);
            if (name != ratio.Numerator)
            {
                continue;
            }
            foreach (var (denominatorEvent, denominator) in differences)
            {
                if (PerfEventNames.SplitModifiers(denominatorEvent.Spec) == (ratio.Denominator, modifiers))
                {
                    return (numerator, denominator);
                }
            }
        }
        return (null, null);
    }
}
