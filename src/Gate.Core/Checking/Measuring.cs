using Gate.Core.Config;
using Gate.Core.Counters;
using Gate.Core.Measurement;
using Gate.Core.Reporting;
using Gate.Core.Results;
using Gate.Core.Running;
using Gate.Core.Statistics;

namespace Gate.Core.Checking;

/// <summary>What a measurement adds to the settings: the command line to record, and what the caller narrows.</summary>
/// <param name="CommandLine">Recorded in the results.</param>
public sealed record MeasureScope(IReadOnlyList<string> CommandLine)
{
    /// <summary>Packages instead of the settings' (the pre-push hook's changed packages).</summary>
    public IReadOnlyList<string>? Packages { get; init; }

    /// <summary>When to stop measuring.</summary>
    public RunDeadline? Deadline { get; init; }

    /// <summary>Measure only this share of the benchmarks (<c>run --shard</c>).</summary>
    public Shard? Shard { get; init; }

    /// <summary>Earlier timings that balance the shards.</summary>
    public IReadOnlyDictionary<string, double>? ShardCosts { get; init; }
}

/// <summary>
/// The measuring stages of every command and host, from resolved settings: the backend the settings name (checked to be
/// usable here), the runner's options, and one measurement — of the working tree (<see cref="MeasureAsync"/>) or of two
/// revisions interleaved (<see cref="MeasureRevisionsAsync"/>). Flagged samples are said through the observer.
/// </summary>
public static class Measuring
{
    /// <summary>What the runner measures, from the settings and the scope.</summary>
    public static RunOptions RunOptions(MeasureSettings settings, MeasureScope scope) =>
        new(settings.Directory, scope.Packages ?? settings.Packages, settings.Bench, settings.Samples.Maximum, settings.SampleTime, scope.CommandLine)
        {
            Jobs = settings.Jobs,
            Deadline = scope.Deadline,
            Shard = scope.Shard,
            ShardCosts = scope.ShardCosts,
        };

    /// <summary>The backend <paramref name="settings"/> name, created with the observer as its voice for one-line diagnoses.</summary>
    public static Task<IMeasurementBackend> BackendAsync(MeasureSettings settings, CheckServices services, CancellationToken cancellationToken) =>
        BackendFactory.CreateAsync(
            settings.Backend,
            new BackendOptions { Events = settings.Events, SampleTime = settings.SampleTime, CacheModel = settings.CacheModel, Warn = services.Observer.Warn },
            services.Processes,
            cancellationToken);

    /// <summary>Measures the working tree with a fixed number of samples.</summary>
    public static async Task<RunResults> MeasureAsync(MeasureSettings settings, MeasureScope scope, CheckServices services, CancellationToken cancellationToken)
    {
        var backend = await BackendAsync(settings, services, cancellationToken).ConfigureAwait(false);
        var runner = new BenchmarkRunner(services.Processes, backend, services.Observer, services.Canary(services.Processes));
        var results = await runner.RunAsync(RunOptions(settings, scope), cancellationToken).ConfigureAwait(false);
        Finish(services, results);
        return results;
    }

    /// <summary>Measures revision <paramref name="baseRevision"/> against <paramref name="head"/> (null: the working tree), interleaved.</summary>
    public static async Task<AbResults> MeasureRevisionsAsync(
        MeasureSettings settings, MeasureScope scope, string baseRevision, string? head, CompareOptions compare, CheckServices services, CancellationToken cancellationToken)
    {
        var backend = await BackendAsync(settings, services, cancellationToken).ConfigureAwait(false);
        var options = new AbOptions(RunOptions(settings, scope), baseRevision, head) { AutoSamples = settings.Samples.Sequential, Compare = compare };
        var runner = new AbRunner(services.Processes, backend, services.Observer, services.Canary(services.Processes));
        var ab = await runner.RunAsync(options, cancellationToken).ConfigureAwait(false);
        Finish(services, ab.Head, ab.Base);
        return ab;
    }

    /// <summary>
    /// Refuses sequential sampling where only one side is measured now: naming the setting as its writer spells it,
    /// for example <c>benchgate.json: run.samples 'auto' needs both sides measured in this job…</c>.
    /// </summary>
    public static void RequireFixedSamples(GateSettings settings)
    {
        if (settings.Measure.Samples.Sequential)
        {
            throw new GateException(
                GateErrorKind.Usage,
                $"{settings.NameOf(Config.Settings.Samples)} {settings.Measure.Samples} needs both sides measured in this job: use it with check --against REF or ab BASE HEAD");
        }
    }

    private static void Finish(CheckServices services, params RunResults[] results)
    {
        services.Observer.MeasuringFinished();
        foreach (var line in results.SelectMany(FlagSummary.Lines))
        {
            services.Observer.Warn(line);
        }
    }
}
