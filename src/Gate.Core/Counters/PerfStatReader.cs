using System.Globalization;
using System.Text.Json;

namespace Gate.Core.Counters;

/// <summary>What perf said about one event's count.</summary>
public enum PerfCountStatus
{
    /// <summary>A count (scaled by perf when the event was multiplexed).</summary>
    Counted,

    /// <summary><c>&lt;not counted&gt;</c>: the event exists but never ran (it could not be scheduled, or its CPU was never used).</summary>
    NotCounted,

    /// <summary><c>&lt;not supported&gt;</c>: the kernel or the PMU cannot count this event here.</summary>
    NotSupported,
}

/// <summary>One event line of <c>perf stat</c> machine-readable output.</summary>
/// <param name="Event">The event name as perf printed it (it may carry modifiers perf added, such as <c>:u</c>).</param>
/// <param name="Status">Counted, not counted or not supported.</param>
/// <param name="Value">The count in <paramref name="Unit"/>; 0 unless <see cref="PerfCountStatus.Counted"/>.</param>
/// <param name="Unit">The count's unit (<c>msec</c> for task-clock), empty for plain counts.</param>
/// <param name="RunTime">Nanoseconds the counter ran, when perf printed it.</param>
/// <param name="PercentRunning">Percentage of the time the counter was running; below 100 it was multiplexed and perf scaled the count.</param>
public sealed record PerfCount(string Event, PerfCountStatus Status, double Value, string Unit, long? RunTime, double PercentRunning)
{
    /// <summary>True when the event shared a counter with others and perf scaled its count up from a part of the run.</summary>
    public bool Multiplexed => Status == PerfCountStatus.Counted && PercentRunning < 100;
}

/// <summary>The event lines of one <c>perf stat</c> output and the lines that could not be read.</summary>
public sealed record PerfStatReading(IReadOnlyList<PerfCount> Counts, IReadOnlyList<string> Problems);

/// <summary>The two machine-readable forms of <c>perf stat</c> output.</summary>
public enum PerfOutputFormat
{
    /// <summary><c>-x,</c>: <c>value,unit,event,run-time,pct-running,metric-value,metric-unit</c>.</summary>
    Csv,

    /// <summary><c>-j</c>: one JSON object per event (perf 5.19 and later).</summary>
    Json,
}

/// <summary>
/// Reads <c>perf stat</c> output in its machine-readable forms (never the human table): CSV (<c>-x,</c>) and
/// JSON (<c>-j</c>). Lines perf adds for derived metrics (no event name), comments (<c># started on…</c>) and
/// blank lines are skipped; an unreadable line is reported in <see cref="PerfStatReading.Problems"/>.
/// </summary>
public static class PerfStatReader
{
    private const string NotSupported = "<not supported>";
    private const string NotCounted = "<not counted>";

    /// <summary>Reads CSV or JSON output, whichever <paramref name="text"/> is.</summary>
    public static PerfStatReading Read(string text) => DetectFormat(text) == PerfOutputFormat.Json ? ReadJson(text) : ReadCsv(text);

    /// <summary>JSON when the first line that is not blank or a comment starts with <c>{</c>, else CSV.</summary>
    public static PerfOutputFormat DetectFormat(string text)
    {
        foreach (var line in Lines(text))
        {
            return line.StartsWith('{') ? PerfOutputFormat.Json : PerfOutputFormat.Csv;
        }
        return PerfOutputFormat.Csv;
    }

    /// <summary>
    /// Reads <c>-x</c> output with field separator <paramref name="separator"/>. The fields are counter value,
    /// unit, event, run time and percentage running, then optional metric fields; a PMU-qualified event whose
    /// terms contain the separator (<c>cpu/event=0x3c,umask=0x00/</c>) is joined back together.
    /// </summary>
    public static PerfStatReading ReadCsv(string text, char separator = ',')
    {
        var counts = new List<PerfCount>();
        var problems = new List<string>();
        foreach (var line in Lines(text))
        {
            var fields = line.Split(separator);
            if (fields.Length < 3)
            {
                problems.Add($"not a perf stat CSV line: {line}");
                continue;
            }
            var next = 2;
            var eventName = fields[next++];
            while (eventName.Count(c => c == '/') % 2 != 0 && next < fields.Length)
            {
                eventName += separator + fields[next++];
            }
            if (eventName.Length == 0)
            {
                continue; // a further derived metric of the previous event
            }
            var runTime = next < fields.Length && long.TryParse(fields[next], NumberStyles.None, CultureInfo.InvariantCulture, out var run) ? run : (long?)null;
            next++;
            var percent = next < fields.Length && TryNumber(fields[next], out var pct) ? pct : 100;
            var count = ToCount(fields[0], fields[1], eventName, runTime, percent);
            if (count is null)
            {
                problems.Add($"unreadable counter value '{fields[0]}' in: {line}");
                continue;
            }
            counts.Add(count);
        }
        return new PerfStatReading(counts, problems);
    }

    /// <summary>
    /// Reads <c>-j</c> output: one object per line with <c>counter-value</c> (a string), <c>unit</c>,
    /// <c>event</c>, <c>event-runtime</c> and <c>pcnt-running</c>. Objects without <c>event</c> carry further
    /// derived metrics and are skipped.
    /// </summary>
    public static PerfStatReading ReadJson(string text)
    {
        var counts = new List<PerfCount>();
        var problems = new List<string>();
        foreach (var line in Lines(text))
        {
            try
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    problems.Add($"not a perf stat JSON object: {line}");
                    continue;
                }
                if (!root.TryGetProperty("event", out var eventElement) || eventElement.GetString() is not { Length: > 0 } eventName)
                {
                    continue; // a further derived metric of the previous event
                }
                var value = root.TryGetProperty("counter-value", out var v) ? Text(v) : "";
                var unit = root.TryGetProperty("unit", out var u) ? Text(u) : "";
                long? runTime = root.TryGetProperty("event-runtime", out var r) && r.ValueKind == JsonValueKind.Number && r.TryGetInt64(out var run) ? run : null;
                var percent = root.TryGetProperty("pcnt-running", out var p) && TryNumber(Text(p), out var pct) ? pct : 100;
                var count = ToCount(value, unit, eventName, runTime, percent);
                if (count is null)
                {
                    problems.Add($"unreadable counter value '{value}' in: {line}");
                    continue;
                }
                counts.Add(count);
            }
            catch (JsonException e)
            {
                problems.Add($"not valid JSON ({e.Message.Split('.')[0]}): {line}");
            }
        }
        return new PerfStatReading(counts, problems);
    }

    private static PerfCount? ToCount(string value, string unit, string eventName, long? runTime, double percent)
    {
        value = value.Trim();
        if (value == NotSupported)
        {
            return new PerfCount(eventName, PerfCountStatus.NotSupported, 0, unit, runTime, percent);
        }
        if (value == NotCounted)
        {
            return new PerfCount(eventName, PerfCountStatus.NotCounted, 0, unit, runTime, percent);
        }
        return TryNumber(value, out var number) ? new PerfCount(eventName, PerfCountStatus.Counted, number, unit, runTime, percent) : null;
    }

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private static string Text(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString() ?? "",
        JsonValueKind.Number => element.GetRawText(),
        _ => "",
    };

    private static IEnumerable<string> Lines(string text)
    {
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                yield return line;
            }
        }
    }
}
