namespace Gate.Core.Counters;

/// <summary>The count of one requested event in one perf run, its hybrid parts already summed.</summary>
/// <param name="Status">Counted when at least one part counted; not supported when every part is; else not counted.</param>
/// <param name="Value">Sum of the counted parts, in <paramref name="Unit"/>.</param>
/// <param name="Unit">perf's unit of the count (<c>msec</c> for times, empty for plain counts).</param>
/// <param name="PercentRunning">The lowest percentage running of the counted parts (below 100: multiplexed, scaled by perf).</param>
/// <param name="AddedModifiers">Modifiers perf added to the event (for example <c>u</c>: user space only), or null.</param>
public sealed record PerfEventCount(PerfCountStatus Status, double Value, string Unit, double PercentRunning, string? AddedModifiers)
{
    /// <summary>True when perf scaled the count because the event shared a hardware counter.</summary>
    public bool Multiplexed => Status == PerfCountStatus.Counted && PercentRunning < 100;
}

/// <summary>
/// Assigns the event lines of a perf run to the events that were asked for. perf prints an event under the
/// name it was given, perhaps with modifiers it added (<c>cycles:u</c>), and on hybrid CPUs once per core PMU
/// (<c>cpu_core/cycles/</c>, <c>cpu_atom/cycles/</c>); lines it names otherwise (an event with a <c>name=</c>
/// term) are taken in order for the events still without a line.
/// </summary>
public static class PerfEventCounts
{
    /// <summary>The count of each requested event that perf printed; an event without a line is absent.</summary>
    public static IReadOnlyDictionary<PerfEvent, PerfEventCount> Match(IReadOnlyList<PerfEvent> events, IReadOnlyList<PerfCount> counts)
    {
        var parts = events.ToDictionary(e => e, _ => new List<(PerfCount Count, string? Added)>());
        var unmatched = new List<PerfCount>();
        foreach (var count in counts)
        {
            var owner = events.Select(e => (Event: e, Match: PerfEventNames.Match(e, count.Event))).FirstOrDefault(m => m.Match.IsMatch);
            if (owner.Event is null)
            {
                unmatched.Add(count);
            }
            else
            {
                parts[owner.Event].Add((count, owner.Match.AddedModifiers));
            }
        }
        var withoutLine = events.Where(e => parts[e].Count == 0).ToList();
        for (var i = 0; i < Math.Min(withoutLine.Count, unmatched.Count); i++)
        {
            parts[withoutLine[i]].Add((unmatched[i], null));
        }
        return parts.Where(p => p.Value.Count > 0).ToDictionary(p => p.Key, p => Combine(p.Value));
    }

    private static PerfEventCount Combine(List<(PerfCount Count, string? Added)> parts)
    {
        var counted = parts.Where(p => p.Count.Status == PerfCountStatus.Counted).ToList();
        var added = parts.Select(p => p.Added).FirstOrDefault(a => a is not null);
        var unit = parts[0].Count.Unit;
        if (counted.Count > 0)
        {
            return new PerfEventCount(PerfCountStatus.Counted, counted.Sum(p => p.Count.Value), unit, counted.Min(p => p.Count.PercentRunning), added);
        }
        var status = parts.All(p => p.Count.Status == PerfCountStatus.NotSupported) ? PerfCountStatus.NotSupported : PerfCountStatus.NotCounted;
        return new PerfEventCount(status, 0, unit, 0, added);
    }
}
