using Gate.Core.Checking;
using Gate.Core.Measurement;
using Gate.Core.Processes;
using Gate.Core.Statistics;
using Microsoft.Build.Framework;

namespace Gate.Tasks;

/// <summary>
/// The MSBuild task <c>BenchGate</c>: measures the Go module's benchmarks, compares them with the stored baseline and
/// logs each regression as error <c>BG1001</c> at the benchmark's <c>_test.go</c> line (codes: <see cref="DiagnosticCodes"/>).
/// Every input is optional except <see cref="ProjectDirectory"/>; an empty one leaves the decision to benchgate.json's
/// <c>run</c> section, else to the default. The target in build/BenchGate.Tasks.targets maps the <c>BenchGate*</c>
/// properties to these inputs.
/// </summary>
public sealed class BenchGate : GateTask
{
    /// <summary>The project's directory: relative paths are resolved against it.</summary>
    [Required]
    public string? ProjectDirectory { get; set; }

    /// <summary>The Go module's directory (default: run.dir, else the project directory).</summary>
    public string? Directory { get; set; }

    /// <summary>Go package patterns (default: run.packages, else <c>./...</c>).</summary>
    public string[]? Packages { get; set; }

    /// <summary>The -bench regular expression (default: run.bench, else <c>.</c>).</summary>
    public string? Bench { get; set; }

    /// <summary><c>go</c>, <c>perf</c> or <c>cachegrind</c> (default: run.backend, else go).</summary>
    public string? Backend { get; set; }

    /// <summary>Samples per benchmark (default: run.samples, else 10; 2 for cachegrind). <c>auto</c> is refused: the task compares with a stored baseline.</summary>
    public string? Samples { get; set; }

    /// <summary>Target duration of one sample, a Go duration (default: run.sampleTime, else 100ms).</summary>
    public string? SampleTime { get; set; }

    /// <summary>Where baselines live: <c>dir:PATH</c> or <c>nuget:SOURCE</c> (default: store, else <c>dir:.benchgate</c>).</summary>
    public string? BaselineStore { get; set; }

    /// <summary>Branch whose baseline to compare with (default: baselineBranch, else GITHUB_BASE_REF, else main).</summary>
    public string? BaselineBranch { get; set; }

    /// <summary>Repository of the baseline (default: repository, else GITHUB_REPOSITORY, else the origin remote, else the folder name).</summary>
    public string? Repository { get; set; }

    /// <summary>Benchmarks measured at the same time (default: run.jobs, else one per core for cachegrind, 1 otherwise).</summary>
    public string? Jobs { get; set; }

    /// <summary>perf events to count, comma-separated (backend perf; default: run.events, else perf's default set).</summary>
    public string? Events { get; set; }

    /// <summary>The cache geometry cachegrind simulates (default: run.cacheModel, else cachegrind's default).</summary>
    public string? CacheModel { get; set; }

    /// <summary><c>regression</c>: a regression fails the build; <c>never</c>: regressions are warnings (default: failOn, else regression).</summary>
    public string? FailOn { get; set; }

    /// <summary>The configuration file (default: benchgate.json in the project directory, else in <see cref="Directory"/>).</summary>
    public string? ConfigFile { get; set; }

    /// <summary>Markdown report to write (in); the report written (out), empty when none.</summary>
    [Output]
    public string? ReportPath { get; set; }

    /// <summary>Comparisons (benchmark × metric) that regressed.</summary>
    [Output]
    public int Regressions { get; private set; }

    /// <summary>Comparisons that improved.</summary>
    [Output]
    public int Improvements { get; private set; }

    /// <summary>Comparisons without a significant change beyond the threshold.</summary>
    [Output]
    public int Unchanged { get; private set; }

    /// <summary>Starts go and the other tools; tests may give their own.</summary>
    internal IProcessRunner Processes { get; init; } = new ProcessRunner();

    /// <summary>Reads environment variables; tests may give their own.</summary>
    internal Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <inheritdoc />
    protected override void ExecuteCore(CancellationToken cancellationToken)
    {
        var properties = new GateProperties(
            ProjectDirectory ?? System.IO.Directory.GetCurrentDirectory(), Directory, Packages, Bench, Backend, Samples, SampleTime,
            BaselineStore, BaselineBranch, Repository, FailOn, ConfigFile, ReportPath)
        {
            Jobs = Jobs,
            Events = Events,
            CacheModel = CacheModel,
        };
        var settings = TaskSettings.Resolve(properties, Environment);
        var measure = settings.Measure;
        Log.LogMessage(MessageImportance.Normal, "BenchGate: measuring {0} in {1} with backend {2}, {3} sample(s) per benchmark; configuration: {4}",
            string.Join(" ", measure.Packages), measure.Directory, measure.Backend.Name(), measure.Samples, settings.ConfigSource);
        var host = new GateHost(
            Processes,
            Environment,
            line => Log.LogMessage(MessageImportance.Low, "BenchGate: {0}", line),
            line => Log.LogWarning(null, DiagnosticCodes.MeasurementNote, null, null, 0, 0, 0, 0, "{0}", line));

        var outcome = GateRun.RunAsync(settings, properties.ProjectDirectory, properties.ReportFile, host, cancellationToken).GetAwaiter().GetResult();

        var report = outcome.Check.Report;
        Regressions = report.Count(Verdict.Regression);
        Improvements = report.Count(Verdict.Improvement);
        Unchanged = report.Count(Verdict.Unchanged);
        ReportPath = outcome.ReportPath;
        Log.LogMessage(MessageImportance.Normal, "{0}", CheckReport.Table(outcome.Check, GateRun.GateName, colour: false));
        foreach (var finding in outcome.Findings)
        {
            Report(finding);
        }
        Log.LogMessage(MessageImportance.High, "BenchGate: {0}{1}", outcome.Check.Headline(GateRun.GateName),
            ReportPath is null ? "" : " (report: " + ReportPath + ")");
    }
}
