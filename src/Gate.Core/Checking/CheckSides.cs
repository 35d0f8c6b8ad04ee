using Gate.Core.Results;
using Gate.Core.Statistics;

namespace Gate.Core.Checking;

/// <summary>
/// The two sides a check compares: the candidate just measured, and the reference it is compared with — a stored
/// baseline, or another revision measured in the same job.
/// </summary>
/// <param name="New">The candidate's results.</param>
/// <param name="Old">The reference results, or null when there is none to compare with.</param>
/// <param name="OldDescription">Where the reference came from; when <paramref name="Old"/> is null, why there is none.</param>
/// <param name="Thresholds">Thresholds for this pair of sides (for example from the baseline's history); null: the configured ones.</param>
public sealed record CheckSides(RunResults New, RunResults? Old, string OldDescription, IThresholdProvider? Thresholds = null)
{
    /// <summary>Lines the report adds about how the sides were measured (an A/B measurement: revisions, benchmarks not compared, samples taken).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>
    /// These sides with the reference narrowed to the packages the candidate measured, less the benchmarks it reports
    /// as not measured or failed (those are reported as such): a check of some packages (the pre-push hook's changed
    /// ones) does not call the benchmarks of the others "missing".
    /// </summary>
    public CheckSides RestrictedToCandidate()
    {
        if (Old is null)
        {
            return this;
        }
        var packages = New.Benchmarks.Select(b => b.Package).Concat(New.Failures.Select(f => f.Package)).ToHashSet(StringComparer.Ordinal);
        var kept = Old.Benchmarks
            .Where(b => packages.Contains(b.Package) && !New.Failures.Any(f => Covers(f, b)))
            .ToList();
        return this with { Old = Old with { Benchmarks = kept } };
    }

    /// <summary>True when <paramref name="failure"/> is about <paramref name="benchmark"/>: its package, its top-level benchmark or itself.</summary>
    private static bool Covers(BenchmarkFailure failure, BenchmarkResult benchmark) =>
        failure.Package == benchmark.Package
        && (failure.Name.Length == 0 || failure.Name == benchmark.Name || benchmark.Name.StartsWith(failure.Name + "/", StringComparison.Ordinal));
}
