using System.Text;
using Gate.Core.Results;

namespace Gate.Core.Counters;

/// <summary>
/// One perf event as the user names it: a symbolic name (<c>cycles</c>, <c>task-clock</c>), a cache event
/// (<c>L1-dcache-load-misses</c>), a raw event (<c>r003c</c>), a PMU-qualified event
/// (<c>cpu/event=0x3c,umask=0x00/</c>) or a tracepoint (<c>sched:sched_switch</c>), with optional modifiers
/// (<c>cycles:u</c>). The spelling is kept as given: it is what perf is asked for and what the metric is named after.
/// </summary>
/// <param name="Spec">The event as given to <c>perf stat -e</c>.</param>
public sealed record PerfEvent(string Spec)
{
    private static readonly HashSet<string> SoftwareNames = new(StringComparer.Ordinal)
    {
        "cpu-clock", "task-clock", "page-faults", "faults", "minor-faults", "major-faults", "context-switches", "cs",
        "cpu-migrations", "migrations", "alignment-faults", "emulation-faults", "dummy", "bpf-output", "cgroup-switches",
    };

    /// <summary>
    /// <c>perf-sw</c> for kernel software events and tracepoints, <c>perf-hw</c> for everything counted by a PMU
    /// (hardware and cache events, raw and PMU-qualified events).
    /// </summary>
    public MetricSource Source => IsSoftware ? MetricSource.PerfSw : MetricSource.PerfHw;

    /// <summary>True for kernel software events (task-clock, page-faults…) and tracepoints.</summary>
    public bool IsSoftware
    {
        get
        {
            if (Spec.StartsWith("software/", StringComparison.Ordinal))
            {
                return true;
            }
            var (name, modifiers) = PerfEventNames.SplitModifiers(Spec);
            return SoftwareNames.Contains(name) || (modifiers is null && name.Contains(':', StringComparison.Ordinal));
        }
    }

    /// <summary>
    /// True for events that every benchmark operation adds to (time on the CPU, instructions, cycles, branches):
    /// the run with more iterations must count more of them. When it does not, something in one of the two
    /// processes outweighed the whole window, and the difference is not a per-op figure.
    /// </summary>
    public bool GrowsWithEveryOperation => GrowingNames.Contains(PerfEventNames.SplitModifiers(Spec).Name);

    private static readonly HashSet<string> GrowingNames = new(StringComparer.Ordinal) { "task-clock", "cpu-clock", "instructions", "cycles", "ref-cycles", "branches" };

    /// <summary>
    /// The per-operation metric of this event when perf reports its count in <paramref name="unit"/>:
    /// <c>EVENT/op</c> for plain counts, <c>EVENT-sec/op</c> for times (perf reports <c>msec</c>; the value is
    /// converted to seconds), <c>EVENT-UNIT/op</c> for any other unit perf names.
    /// </summary>
    public string MetricName(string unit) => unit switch
    {
        "" => Spec + "/op",
        TimeUnit => Spec + "-sec/op",
        _ => Spec + "-" + Tidy(unit) + "/op",
    };

    /// <summary>The unit perf reports times in (task-clock, cpu-clock).</summary>
    public const string TimeUnit = "msec";

    /// <summary>The factor that turns a count in <paramref name="unit"/> into the metric's unit (msec → seconds).</summary>
    public static double Scale(string unit) => unit == TimeUnit ? 1e-3 : 1;

    /// <inheritdoc />
    public override string ToString() => Spec;

    private static string Tidy(string unit)
    {
        var tidy = new StringBuilder(unit.Length);
        foreach (var c in unit)
        {
            tidy.Append(char.IsWhiteSpace(c) ? '_' : c);
        }
        return tidy.ToString();
    }
}

/// <summary>The default perf events and the <c>--events</c> list syntax.</summary>
public static class PerfEventList
{
    /// <summary>Hardware events counted by default (source <c>perf-hw</c>).</summary>
    public static IReadOnlyList<string> DefaultHardware { get; } =
        ["instructions", "cycles", "cache-references", "cache-misses", "branches", "branch-misses"];

    /// <summary>Software events counted by default (source <c>perf-sw</c>).</summary>
    public static IReadOnlyList<string> DefaultSoftware { get; } =
        ["task-clock", "page-faults", "context-switches", "cpu-migrations"];

    /// <summary>The default set: hardware then software events.</summary>
    public static IReadOnlyList<PerfEvent> Default { get; } = [.. DefaultHardware.Concat(DefaultSoftware).Select(e => new PerfEvent(e))];

    /// <summary>
    /// The events of an <c>--events</c> value: comma-separated, where commas inside a PMU-qualified event
    /// (between its slashes, as in <c>cpu/event=0x3c,umask=0x00/</c>) belong to that event. Null or empty: the default set.
    /// Problems (an empty item, whitespace, event groups, a duplicate) are a <see cref="GateException"/> whose message
    /// names the setting as <paramref name="name"/> (<c>--events</c>, <c>BenchGateEvents</c>…).
    /// </summary>
    public static IReadOnlyList<PerfEvent> Parse(string? text, string name = "--events")
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Default;
        }
        var events = new List<PerfEvent>();
        foreach (var item in Split(text))
        {
            var spec = item.Trim();
            if (spec.Length == 0)
            {
                throw new GateException($"{name} '{text}': an event name is empty (two commas in a row, or a comma at an end)");
            }
            if (spec.Contains('{', StringComparison.Ordinal) || spec.Contains('}', StringComparison.Ordinal))
            {
                throw new GateException($"{name} '{text}': event groups {{...}} are not supported; list the events one by one");
            }
            if (spec.Any(char.IsWhiteSpace))
            {
                throw new GateException($"{name} '{text}': '{spec}' contains a space; perf event names have none");
            }
            if (spec.Count(c => c == '/') % 2 != 0)
            {
                throw new GateException($"{name} '{text}': '{spec}' has an unclosed '/' (a PMU event is written pmu/term=value,.../)");
            }
            if (events.Exists(e => e.Spec == spec))
            {
                throw new GateException($"{name} '{text}': {spec} is listed twice");
            }
            events.Add(new PerfEvent(spec));
        }
        return events;
    }

    /// <summary>Splits at commas that are not between the slashes of a PMU-qualified event.</summary>
    private static List<string> Split(string text)
    {
        var items = new List<string>();
        var insideSlashes = false;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '/')
            {
                insideSlashes = !insideSlashes;
            }
            else if (text[i] == ',' && !insideSlashes)
            {
                items.Add(text[start..i]);
                start = i + 1;
            }
        }
        items.Add(text[start..]);
        return items;
    }
}

/// <summary>How perf spells event names in its output, compared with how they were asked for.</summary>
public static class PerfEventNames
{
    private const string ModifierLetters = "ukhIGHpPSDWebRx";

    /// <summary>
    /// Splits <c>NAME:MODIFIERS</c> (<c>cycles:u</c>) into the name and the modifier letters; a tracepoint
    /// (<c>sched:sched_switch</c>) has no modifiers. PMU-qualified events keep their modifiers after the last slash.
    /// </summary>
    public static (string Name, string? Modifiers) SplitModifiers(string printed)
    {
        if (printed.EndsWith('/'))
        {
            return (printed, null);
        }
        var lastSlash = printed.LastIndexOf('/');
        if (lastSlash > 0 && printed.IndexOf('/', StringComparison.Ordinal) < lastSlash)
        {
            var tail = printed[(lastSlash + 1)..];
            return IsModifiers(tail) ? (printed[..(lastSlash + 1)], tail) : (printed, null);
        }
        var colon = printed.LastIndexOf(':');
        if (colon > 0 && IsModifiers(printed[(colon + 1)..]))
        {
            return (printed[..colon], printed[(colon + 1)..]);
        }
        return (printed, null);
    }

    /// <summary>
    /// How a name perf printed relates to the event that was asked for: the same event (perhaps with modifiers
    /// perf added, such as <c>:u</c> when the kernel allows user-space counting only), one part of a hybrid
    /// CPU's event (<c>cpu_core/instructions/</c> for <c>instructions</c>), or not this event.
    /// </summary>
    public static PerfNameMatch Match(PerfEvent requested, string printed)
    {
        if (printed == requested.Spec)
        {
            return new PerfNameMatch(true, null);
        }
        var (name, modifiers) = SplitModifiers(printed);
        var (requestedName, requestedModifiers) = SplitModifiers(requested.Spec);
        if (name == requestedName)
        {
            return new PerfNameMatch(true, Added(modifiers, requestedModifiers));
        }
        // A hybrid CPU counts an event on each core PMU: cpu_core/instructions/, cpu_atom/instructions/.
        var firstSlash = name.IndexOf('/', StringComparison.Ordinal);
        if (firstSlash > 0 && name.EndsWith('/') && name.Length > firstSlash + 2 && name[(firstSlash + 1)..^1] == requestedName)
        {
            return new PerfNameMatch(true, Added(modifiers, requestedModifiers));
        }
        return new PerfNameMatch(false, null);
    }

    private static bool IsModifiers(string text) => text.Length > 0 && text.All(c => ModifierLetters.Contains(c, StringComparison.Ordinal));

    private static string? Added(string? printed, string? requested)
    {
        if (printed is null)
        {
            return null;
        }
        var added = new string([.. printed.Where(c => requested is null || !requested.Contains(c, StringComparison.Ordinal))]);
        return added.Length == 0 ? null : added;
    }
}

/// <summary>Whether a printed event name is the requested event, and which modifiers perf added to it.</summary>
/// <param name="IsMatch">True when the printed line counts the requested event (or one hybrid part of it).</param>
/// <param name="AddedModifiers">Modifier letters perf added (for example <c>u</c>), or null.</param>
public sealed record PerfNameMatch(bool IsMatch, string? AddedModifiers);
