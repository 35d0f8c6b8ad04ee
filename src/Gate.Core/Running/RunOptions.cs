using Gate.Core.Results;
namespace Gate.Core.Running;

/// <summary>What <c>benchgate run</c> measures and how.</summary>
/// <param name="Directory">Directory the go commands run in (the module, or a directory inside it).</param>
/// <param name="Packages">Package patterns, as for go test (default <c>./...</c>).</param>
/// <param name="Bench">The <c>-bench</c> regular expression (Go syntax, per name level).</param>
/// <param name="Samples">Samples per benchmark.</param>
/// <param name="SampleTime">Target duration of one sample, used to calibrate the iteration count.</param>
/// <param name="CommandLine">The command line, recorded in the results.</param>
public sealed record RunOptions(
    string Directory,
    IReadOnlyList<string> Packages,
    string Bench,
    int Samples,
    TimeSpan SampleTime,
    IReadOnlyList<string> CommandLine)
{
    /// <summary>Measure only this share of the benchmarks (top-level benchmarks with their sub-benchmarks); null for all.</summary>
    public Shard? Shard { get; init; }

    /// <summary>Seconds per top-level benchmark in an earlier run (<see cref="ShardCosts"/>), to balance shards; null balances by count.</summary>
    public IReadOnlyDictionary<string, double>? ShardCosts { get; init; }

    /// <summary>Samples measured at the same time (benchmarks in parallel); 1 measures one after the other.</summary>
    public int Jobs { get; init; } = 1;

    /// <summary>When to stop measuring early (a time budget); null measures everything.</summary>
    public RunDeadline? Deadline { get; init; }
}

/// <summary>
/// A point after which a run starts nothing new (no build, calibration or sample) and reports what it has: every
/// benchmark (or package) it did not get to is a failure <c>not measured: REASON</c>, never a silent pass. Work
/// already started finishes.
/// </summary>
/// <param name="Reached">Cancelled when the deadline is reached (for a time budget: <c>CancelAfter</c>).</param>
/// <param name="Reason">Why measuring stopped, for the failures, for example <c>the time budget of 1m ran out</c>.</param>
public sealed record RunDeadline(CancellationToken Reached, string Reason)
{
    /// <summary>The message of a benchmark the run did not get to.</summary>
    public string NotMeasured => "not measured: " + Reason;

    /// <summary>True when the run must start nothing new.</summary>
    public bool Passed => Reached.IsCancellationRequested;
}

/// <summary>Where a run is, for progress display.</summary>
/// <param name="Stage">build, calibrate or measure.</param>
/// <param name="Done">Steps done in this stage.</param>
/// <param name="Total">Steps of this stage.</param>
/// <param name="Current">What is being done now.</param>
/// <param name="Remaining">Estimated time left in this stage, once it can be estimated.</param>
public sealed record RunProgress(string Stage, int Done, int Total, string Current, TimeSpan? Remaining);
