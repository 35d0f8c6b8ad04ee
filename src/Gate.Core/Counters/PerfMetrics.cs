using Gate.Core.Metrics;
using Gate.Core.Results;

namespace Gate.Core.Counters;

/// <summary>
/// The perf backend's metrics (sources <c>perf-hw</c> and <c>perf-sw</c>): per-op counts of its events, the ratios
/// derived from them, and perf's times. All are measurements of real processes, so noisy. Events chosen with
/// <c>--events</c> that are not declared here are noisy with a 5 % threshold; their times (<c>EVENT-sec/op</c>) depend
/// on the machine's speed.
/// </summary>
public static class PerfMetrics
{
    /// <summary>
    /// The default for per-op counts of rare kernel events (page faults, context switches, migrations):
    /// <c>5%|+0.01</c>, at least one more event per 100 operations. Their per-op values are differences of whole
    /// process counts, often near zero (even slightly below), where a relative change alone means nothing.
    /// </summary>
    public static Threshold RareEventThreshold { get; } = new(0.05, 0.01);

    /// <summary>The kernel's rare events, under each name perf accepts for them.</summary>
    public static IReadOnlyList<string> RareEvents { get; } =
        ["page-faults", "faults", "minor-faults", "major-faults", "context-switches", "cs", "cpu-migrations", "migrations"];

    /// <summary>The software events perf reports as times (in msec; per op in seconds).</summary>
    public static IReadOnlyList<string> TimeEvents { get; } = ["task-clock", "cpu-clock"];

    /// <summary>
    /// The declarations: the default hardware events and the ratios (IPC better higher); the CPU times, which depend
    /// on the machine's speed; the rare kernel events with <see cref="RareEventThreshold"/>.
    /// </summary>
    public static MetricDeclarations Declarations { get; } = new(
        [
            .. PerfEventList.DefaultHardware.Select(e => Count(e, MetricSource.PerfHw, Threshold.Percent(5))),
            .. PerfRatio.All.Select(r => new MetricDeclaration(r.Name, MetricDeclaration.RatioUnit, MetricSource.PerfHw, MetricNames.BetterOf(r.Name), MetricNature.Noisy, DependsOnMachineSpeed: false, Threshold.Percent(5))),
            .. TimeEvents.Select(e => new MetricDeclaration(new PerfEvent(e).MetricName(PerfEvent.TimeUnit), "sec/op", MetricSource.PerfSw, Better.Lower, MetricNature.Noisy, DependsOnMachineSpeed: true, Threshold.Percent(5))),
            .. RareEvents.Select(e => Count(e, MetricSource.PerfSw, RareEventThreshold)),
        ],
        [
            new UndeclaredMetrics(MetricSource.PerfHw, MetricNature.Noisy, Threshold.Percent(5)),
            new UndeclaredMetrics(MetricSource.PerfSw, MetricNature.Noisy, Threshold.Percent(5)),
        ]);

    /// <summary>The metric of an event's per-op value.</summary>
    public static MetricInfo Describe(PerfEvent perfEvent, string metric) => Declarations.Describe(perfEvent.Source, metric);

    private static MetricDeclaration Count(string perfEvent, MetricSource source, Threshold threshold)
    {
        var name = new PerfEvent(perfEvent).MetricName("");
        return new MetricDeclaration(name, name, source, Better.Lower, MetricNature.Noisy, DependsOnMachineSpeed: false, threshold);
    }
}
