using Gate.Core.Config;
using Gate.Core.Running;

namespace Gate.Core.Checking;

/// <summary>What a check compares the candidate with.</summary>
public abstract record CheckReference
{
    /// <summary>The baseline stored for the candidate's key (<see cref="GateSettings.Store"/>, repository, baseline branch).</summary>
    public static CheckReference StoredBaseline { get; } = new Stored();

    /// <summary>Revision <paramref name="baseRevision"/> measured in this job, interleaved with <paramref name="head"/> (null: the working tree).</summary>
    public static CheckReference Revision(string baseRevision, string? head = null) => new RevisionReference(baseRevision, head);

    /// <summary>True when both sides are measured in this job, so that sequential sampling can judge each round.</summary>
    public abstract bool MeasuredTogether { get; }

    /// <summary>The stored baseline.</summary>
    public sealed record Stored : CheckReference
    {
        /// <inheritdoc />
        public override bool MeasuredTogether => false;
    }

    /// <summary>A revision measured in this job.</summary>
    /// <param name="Base">The base revision (old side): a commit, branch, tag or <c>HEAD~1</c>.</param>
    /// <param name="Head">The head revision (new side); null for the working tree, uncommitted changes included.</param>
    public sealed record RevisionReference(string Base, string? Head) : CheckReference
    {
        /// <inheritdoc />
        public override bool MeasuredTogether => true;
    }
}

/// <summary>The report file a check writes.</summary>
/// <param name="Path">Where, absolute; written atomically.</param>
/// <param name="ShownAs">How messages name it (as the user gave it).</param>
/// <param name="Format"><c>table</c>, <c>markdown</c> or <c>json</c>.</param>
public sealed record ReportFile(string Path, string ShownAs, string Format);

/// <summary>What the check should publish (a host with a publisher: the tool in GitHub Actions).</summary>
/// <param name="GateName">Names the sticky comment and the check run.</param>
/// <param name="Comment">Post or update the sticky PR comment.</param>
/// <param name="CheckRun">Create or update a check run.</param>
public sealed record PublishWishes(string GateName, bool Comment = true, bool CheckRun = false);

/// <summary>
/// One check: the settings (what to measure, thresholds, store), the reference the candidate is compared with, and
/// what to do with the outcome. <see cref="CheckSession.RunAsync"/> carries it out.
/// </summary>
/// <param name="Settings">The resolved settings.</param>
/// <param name="Reference">The stored baseline, or a revision measured in this job.</param>
public sealed record CheckRequest(GateSettings Settings, CheckReference Reference)
{
    /// <summary>The gate's name in reports.</summary>
    public string GateName { get; init; } = SettingDefaults.GateName;

    /// <summary>Compare these results (a results JSON file, absolute, and how the user named it) instead of measuring; stored baseline only.</summary>
    public (string Path, string ShownAs)? ResultsFile { get; init; }

    /// <summary>The command line, recorded in the results.</summary>
    public IReadOnlyList<string> CommandLine { get; init; } = [];

    /// <summary>Packages to measure instead of the settings' (the pre-push hook: the packages the push changes).</summary>
    public IReadOnlyList<string>? Packages { get; init; }

    /// <summary>When to stop measuring (a time budget); what was not measured is reported, never passed.</summary>
    public RunDeadline? Deadline { get; init; }

    /// <summary>
    /// Compare only what the candidate set out to measure: the baseline narrowed to the candidate's packages, less the
    /// benchmarks the candidate reports as failed or not measured (the pre-push hook measures the changed packages only).
    /// </summary>
    public bool OnlyMeasuredPackages { get; init; }

    /// <summary>The report file to write, or null.</summary>
    public ReportFile? Report { get; init; }

    /// <summary>A/B: also write both sides' results into this directory (base.json, head.json); absolute, and as the user named it.</summary>
    public (string Path, string ShownAs)? SaveResults { get; init; }

    /// <summary>What to publish; null publishes nothing.</summary>
    public PublishWishes? Publish { get; init; }
}
