using System.Globalization;
using Gate.Core.Results;
using Gate.Core.Statistics;

namespace Gate.Core.Running;

/// <summary>What an A/B measurement measures: two revisions of the repository of <see cref="RunOptions.Directory"/>.</summary>
/// <param name="Run">What to measure and how (the head's directory, packages, -bench, samples, sample time, jobs). <see cref="RunOptions.Samples"/> is the maximum with <see cref="AutoSamples"/>.</param>
/// <param name="Base">The base revision (<c>HEAD~1</c>, a SHA, a branch).</param>
/// <param name="Head">The head revision; null for the working tree, uncommitted changes included.</param>
public sealed record AbOptions(RunOptions Run, string Base, string? Head = null)
{
    /// <summary>Stop sampling a benchmark once its verdict is settled (<see cref="SequentialRule"/>).</summary>
    public bool AutoSamples { get; init; }

    /// <summary>Thresholds, q and canary policy: what <see cref="SequentialRule"/> judges settledness by (the same as the comparison's).</summary>
    public required Statistics.CompareOptions Compare { get; init; }
}

/// <summary>Both sides of an A/B measurement, and what a report says about how they were measured.</summary>
/// <param name="Base">The base revision's results (its own gitCommit).</param>
/// <param name="Head">The head's results (its own gitCommit).</param>
/// <param name="BaseRevision">The base revision.</param>
/// <param name="HeadRevision">The head revision (or the working tree).</param>
public sealed record AbResults(RunResults Base, RunResults Head, AbRevision BaseRevision, AbRevision HeadRevision)
{
    /// <summary>Benchmarks of the head only (<c>package name</c>): not compared.</summary>
    public IReadOnlyList<string> Added { get; init; } = [];

    /// <summary>Benchmarks of the base only: not compared.</summary>
    public IReadOnlyList<string> Removed { get; init; } = [];

    /// <summary>Pairs measured.</summary>
    public int Pairs { get; init; }

    /// <summary>Samples taken, both sides together.</summary>
    public int SampleRuns { get; init; }

    /// <summary>Samples a fixed run of the maximum would have taken: pairs × 2 × maximum.</summary>
    public int MaximumRuns { get; init; }

    /// <summary>True when <c>--samples auto</c> chose when to stop.</summary>
    public bool AutoSamples { get; init; }

    /// <summary>Time spent taking samples (the backend's calls, summed).</summary>
    public TimeSpan Measuring { get; init; }

    /// <summary>Estimated measuring time the samples not taken would have cost (each benchmark's mean sample time × samples not taken).</summary>
    public TimeSpan Saved { get; init; }

    /// <summary>Lines for reports: what was compared with what, how, and what was not compared.</summary>
    public IReadOnlyList<string> Notes()
    {
        var notes = new List<string>
        {
            $"A/B in one job: base {BaseRevision.Describe()}, head {HeadRevision.Describe()}; {Pairs} benchmarks measured interleaved (base and head back to back, order alternating every round)",
        };
        if (AutoSamples)
        {
            var share = MaximumRuns == 0 ? 0 : (double)SampleRuns / MaximumRuns;
            notes.Add($"--samples auto: {SampleRuns} of {MaximumRuns} sample runs ({share.ToString("P0", CultureInfo.InvariantCulture)}); measuring took {Seconds(Measuring)}, about {Seconds(Saved)} saved");
        }
        if (Added.Count > 0)
        {
            notes.Add($"new in head (not compared): {string.Join(", ", Added)}");
        }
        if (Removed.Count > 0)
        {
            notes.Add($"removed in head (not compared): {string.Join(", ", Removed)}");
        }
        if (Base.Failures.Count > 0)
        {
            notes.Add($"failed in base (not compared): {string.Join(", ", Base.Failures.Select(f => f.Name.Length == 0 ? f.Package : f.Name))}");
        }
        return notes;
    }

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
}
