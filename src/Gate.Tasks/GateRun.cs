using Gate.Baselines.Checking;
using Gate.Baselines.Keys;
using Gate.Baselines.Storage;
using Gate.Core;
using Gate.Core.Checking;
using Gate.Core.Counters;
using Gate.Core.IO;
using Gate.Core.Processes;
using Gate.Core.Publishing;
using Gate.Core.Reporting;
using Gate.Core.Results;
using Gate.Core.Running;
using Gate.Core.Running.Canary;

namespace Gate.Tasks;

/// <summary>What the gate needs from its host: processes, environment variables, and where its messages go.</summary>
/// <param name="Processes">Starts go, valgrind, perf, git.</param>
/// <param name="Environment">Reads environment variables.</param>
/// <param name="Progress">Low-importance progress lines.</param>
/// <param name="Note">Lines worth a warning (<see cref="DiagnosticCodes.MeasurementNote"/>); may be called from several threads.</param>
public sealed record GateHost(IProcessRunner Processes, Func<string, string?> Environment, Action<string> Progress, Action<string> Note);

/// <summary>What the gate concluded, for the task to log.</summary>
/// <param name="Check">The comparison with the baseline and the verdict.</param>
/// <param name="Findings">What to log, in order.</param>
/// <param name="ReportPath">The report written, or null.</param>
public sealed record GateOutcome(CheckOutcome Check, IReadOnlyList<Finding> Findings, string? ReportPath);

/// <summary>
/// The gate in process, over Gate.Core and Baselines — the stages of <c>benchgate check</c>: measure → the stored
/// baseline of the same key → compare → report. Each stage's expected failures become a <see cref="GateTaskError"/>
/// with that stage's code.
/// </summary>
public static class GateRun
{
    /// <summary>The gate's name in reports.</summary>
    public const string GateName = PublishRequest.DefaultGateName;

    /// <summary>Runs the gate.</summary>
    public static async Task<GateOutcome> RunAsync(GateSettings settings, GateHost host, CancellationToken cancellationToken)
    {
        if (settings.ReportPath is { } reportPath)
        {
            Stage(DiagnosticCodes.ReportFailed, () =>
            {
                Directory.CreateDirectory(Path.GetDirectoryName(reportPath)!);
                AtomicFile.EnsureWritable(reportPath);
            });
        }
        IBaselineStore? store = null;
        Stage(DiagnosticCodes.StoreFailed, () => store = BaselineStores.Open(settings.Store, settings.ProjectDirectory, host.Environment, TimeProvider.System));
        var candidate = await MeasureAsync(settings, host, cancellationToken).ConfigureAwait(false);
        foreach (var line in FlagSummary.Lines(candidate))
        {
            host.Note(line);
        }

        var directory = settings.Run.Directory;
        var sides = await StageAsync(DiagnosticCodes.StoreFailed, async () =>
        {
            var repository = settings.Repository
                ?? await new RepositoryIdentity(host.Processes, host.Environment).DetectAsync(directory, cancellationToken).ConfigureAwait(false);
            var compare = settings.Config.ToCompareOptions(settings.ConfigSource);
            var configured = compare.Thresholds as Gate.Core.Statistics.Thresholds ?? Gate.Core.Statistics.Thresholds.Default;
            return await StoredBaselineSides.FindAsync(store!, candidate, repository, settings.Branch, configured, cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
        if (sides.Old is null)
        {
            throw new GateTaskError(DiagnosticCodes.NoBaseline, sides.OldDescription);
        }

        var outcome = GateCheck.Evaluate(sides, settings.Config.ToCompareOptions(settings.ConfigSource), settings.Policy);
        if (settings.ReportPath is { } path)
        {
            Stage(DiagnosticCodes.ReportFailed, () => AtomicFile.WriteAllText(path, CheckReport.Markdown(outcome, GateName)));
        }
        var locations = await LocateAsync(outcome, directory, host, cancellationToken).ConfigureAwait(false);
        return new GateOutcome(outcome, GateFindings.From(outcome, settings.Policy, locations), settings.ReportPath);
    }

    private static Task<RunResults> MeasureAsync(GateSettings settings, GateHost host, CancellationToken cancellationToken) =>
        StageAsync(DiagnosticCodes.MeasureFailed, async () =>
        {
            var options = new BackendOptions { SampleTime = settings.SampleTime, Warn = host.Note };
            var backend = await BackendFactory.CreateAsync(settings.Backend, options, host.Processes, cancellationToken).ConfigureAwait(false);
            var runner = new BenchmarkRunner(host.Processes, backend, new ProgressLines(host.Progress), new SpeedCanary(host.Processes));
            return await runner.RunAsync(settings.Run, cancellationToken).ConfigureAwait(false);
        });

    /// <summary>Where each benchmark the findings name is defined: package directories from go list, then its func line.</summary>
    private static async Task<Func<string, string, SourceLocation?>> LocateAsync(CheckOutcome outcome, string directory, GateHost host, CancellationToken cancellationToken)
    {
        var packages = outcome.Report.Comparisons.Select(c => c.Package)
            .Concat(outcome.Sides.New.Failures.Select(f => f.Package))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        IReadOnlyDictionary<string, string> directories;
        try
        {
            directories = await GoToolchain.Locate(host.Processes).PackageDirectoriesAsync(directory, packages, cancellationToken).ConfigureAwait(false);
        }
        catch (GateException e)
        {
            host.Note("benchmark locations unknown: " + e.Message);
            directories = new Dictionary<string, string>();
        }
        var locator = new BenchmarkLocator();
        return (package, benchmark) => directories.TryGetValue(package, out var packageDirectory) ? locator.Find(packageDirectory, benchmark) : null;
    }

    private static void Stage(string code, Action body)
    {
        try
        {
            body();
        }
        catch (GateException e)
        {
            throw new GateTaskError(code, e.Message, e);
        }
    }

    private static async Task<T> StageAsync<T>(string code, Func<Task<T>> body)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (GateException e)
        {
            throw new GateTaskError(code, e.Message, e);
        }
    }

    /// <summary>Progress as lines, reported on the caller's thread (a task must log before Execute returns).</summary>
    private sealed class ProgressLines(Action<string> write) : IProgress<RunProgress>
    {
        public void Report(RunProgress value)
        {
            if (value.Done < value.Total && value.Current.Length > 0)
            {
                write($"{value.Stage} [{value.Done + 1}/{value.Total}] {value.Current}");
            }
        }
    }
}
