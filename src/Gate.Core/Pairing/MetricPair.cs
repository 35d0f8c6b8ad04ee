using System.Collections.Immutable;
using Gate.Core.Results;

namespace Gate.Core.Pairing;

/// <summary>A metric of a benchmark as each side records it, matched by name.</summary>
/// <param name="Name">The metric name.</param>
/// <param name="Old">The old side's record of it; null when the old side lacks the benchmark or the metric.</param>
/// <param name="New">The new side's record of it; null when the new side lacks the benchmark or the metric.</param>
public sealed record MatchedMetric(string Name, MetricInfo? Old, MetricInfo? New);

/// <summary>One metric of one benchmark on both sides, with its samples: what a comparison row is about.</summary>
/// <param name="Package">Go import path.</param>
/// <param name="Benchmark">Full benchmark name without <c>-P</c>.</param>
/// <param name="Procs">GOMAXPROCS.</param>
/// <param name="Old">The old side's record of the metric; null when it lacks it.</param>
/// <param name="New">The new side's record of the metric; null when it lacks it.</param>
/// <param name="OldValues">The old side's values, ascending; empty when it has none.</param>
/// <param name="NewValues">The new side's values, ascending; empty when it has none.</param>
/// <param name="Incomparable">
/// Why the sides cannot be compared (<c>only in new</c>, <c>missing in old</c>, <c>sources differ: …</c>,
/// <c>environments differ: …</c>); null when they can.
/// </param>
public sealed record MetricPair(
    string Package,
    string Benchmark,
    int Procs,
    MetricInfo? Old,
    MetricInfo? New,
    ImmutableArray<double> OldValues,
    ImmutableArray<double> NewValues,
    string? Incomparable)
{
    /// <summary>The metric of the row: the new side's record when it has one, else the old side's.</summary>
    public MetricInfo Metric => New ?? Old!;

    /// <summary>True when both sides have values (the sides may still be incomparable).</summary>
    public bool HasBothSides => OldValues.Length > 0 && NewValues.Length > 0;
}

/// <summary>Two runs paired: whether their environments are compatible, and every metric of every benchmark.</summary>
/// <param name="Environment">The environment check.</param>
/// <param name="Metrics">The pairs, benchmarks in the old run's order (then those only in the new), metrics in first-seen order.</param>
public sealed record PairedRuns(EnvironmentCheck Environment, IReadOnlyList<MetricPair> Metrics);
