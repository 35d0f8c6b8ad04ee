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
}
