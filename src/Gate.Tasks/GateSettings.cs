using Gate.Core;
using Gate.Core.Config;
using Gate.Core.Counters;
using Gate.Core.Running;
using Gate.Core.Statistics;

namespace Gate.Tasks;

/// <summary>The task's properties as given: an empty string or list means "not set" (benchgate.json or the default decides).</summary>
/// <param name="ProjectDirectory">The project's directory: relative paths (store, config, report, Go directory) are resolved against it.</param>
/// <param name="Directory">The Go module's directory.</param>
/// <param name="Packages">Go package patterns.</param>
/// <param name="Bench">The -bench regular expression.</param>
/// <param name="Backend">go, perf or cachegrind.</param>
/// <param name="Samples">Samples per benchmark.</param>
/// <param name="SampleTime">Target duration of one sample (Go duration).</param>
/// <param name="BaselineStore">dir:PATH or nuget:SOURCE.</param>
/// <param name="BaselineBranch">Branch whose baseline to compare with.</param>
/// <param name="Repository">Repository of the baseline.</param>
/// <param name="FailOn">regression or never.</param>
/// <param name="ConfigFile">benchgate.json to read.</param>
/// <param name="ReportPath">Markdown report to write.</param>
public sealed record GateProperties(
    string ProjectDirectory,
    string? Directory = null,
    IReadOnlyList<string>? Packages = null,
    string? Bench = null,
    string? Backend = null,
    string? Samples = null,
    string? SampleTime = null,
    string? BaselineStore = null,
    string? BaselineBranch = null,
    string? Repository = null,
    string? FailOn = null,
    string? ConfigFile = null,
    string? ReportPath = null);

/// <summary>What the task will do, resolved: a property wins over the <c>run</c> section of benchgate.json, which wins over the default.</summary>
/// <param name="ProjectDirectory">Relative paths of the store are resolved against it.</param>
/// <param name="Config">The configuration (thresholds, canary, q).</param>
/// <param name="ConfigSource">Where it came from, for messages.</param>
/// <param name="Run">What to measure.</param>
/// <param name="Backend">The backend's name.</param>
/// <param name="SampleTime">The sample time.</param>
/// <param name="Store">The baseline store spec.</param>
/// <param name="Branch">The baseline's branch.</param>
/// <param name="Repository">The baseline's repository, or null to detect it.</param>
/// <param name="Policy">When the gate fails.</param>
/// <param name="ReportPath">The absolute report path, or null.</param>
public sealed record GateSettings(
    string ProjectDirectory,
    BenchGateConfig Config,
    string ConfigSource,
    RunOptions Run,
    string Backend,
    TimeSpan SampleTime,
    string Store,
    string Branch,
    string? Repository,
    FailOn Policy,
    string? ReportPath)
{
    /// <summary>The store when none is set.</summary>
    public const string DefaultStore = "dir:.benchgate";

    /// <summary>
    /// Resolves <paramref name="properties"/> against the configuration: <c>ConfigFile</c> when set, else
    /// <c>benchgate.json</c> in the project directory, else in the Go directory (when set), else the defaults.
    /// Invalid values are <see cref="GateTaskError"/>s (BG2001 for properties, BG2002 for the file).
    /// </summary>
    public static GateSettings Resolve(GateProperties properties, Func<string, string?> environment)
    {
        var project = properties.ProjectDirectory;
        var (config, source) = LoadConfig(properties);
        var run = config.Run;
        var backend = Set(properties.Backend) ?? run?.Backend ?? "go";
        if (!BackendFactory.Names.Contains(backend))
        {
            throw Invalid("BenchGateBackend", backend, "is not one of " + string.Join(", ", BackendFactory.Names));
        }
        var sampleTimeText = Set(properties.SampleTime) ?? run?.SampleTime ?? "100ms";
        if (!GoDuration.TryParse(sampleTimeText, out var sampleTime) || sampleTime <= TimeSpan.Zero)
        {
            throw Invalid("BenchGateSampleTime", sampleTimeText, "is not a positive Go duration such as 100ms");
        }
        var samples = run?.Samples ?? BackendFactory.DefaultSamples(backend);
        if (Set(properties.Samples) is { } samplesText && (!int.TryParse(samplesText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out samples) || samples < 1))
        {
            throw Invalid("BenchGateSamples", samplesText, "is not a whole number of at least 1");
        }
        FailOn policy;
        try
        {
            policy = GateDecision.ParseFailOn(Set(properties.FailOn) ?? config.FailOn, "BenchGateFailOn");
        }
        catch (GateException e)
        {
            throw new GateTaskError(DiagnosticCodes.InvalidProperty, e.Message, e);
        }
        var directory = Path.GetFullPath(Set(properties.Directory) ?? run?.Dir ?? ".", project);
        IReadOnlyList<string> packages = properties.Packages?.Where(p => p.Trim().Length > 0).Select(p => p.Trim()).ToList() is { Count: > 0 } given
            ? given
            : run?.Packages is { Count: > 0 } configured ? configured : ["./..."];
        var options = new RunOptions(directory, packages, Set(properties.Bench) ?? run?.Bench ?? ".", samples, sampleTime, ["msbuild", "BenchGate"])
        {
            Jobs = BackendFactory.DefaultJobs(backend),
        };
        var branch = Set(properties.BaselineBranch) ?? Set(environment("GITHUB_BASE_REF")) ?? "main";
        var report = Set(properties.ReportPath) is { } path ? Path.GetFullPath(path, project) : null;
        return new GateSettings(project, config, source, options, backend, sampleTime, Set(properties.BaselineStore) ?? DefaultStore, branch, Set(properties.Repository), policy, report);
    }

    private static (BenchGateConfig Config, string Source) LoadConfig(GateProperties properties)
    {
        var project = properties.ProjectDirectory;
        var candidates = Set(properties.ConfigFile) is { } given
            ? [Path.GetFullPath(given, project)]
            : new[] { project, Set(properties.Directory) is { } directory ? Path.GetFullPath(directory, project) : null }
                .OfType<string>()
                .Select(d => Path.Combine(d, BenchGateConfig.FileName))
                .Where(File.Exists)
                .Take(1)
                .ToArray();
        if (candidates.Length == 0)
        {
            return (new BenchGateConfig(), "defaults");
        }
        try
        {
            return (BenchGateConfig.Read(candidates[0]), candidates[0]);
        }
        catch (GateException e)
        {
            throw new GateTaskError(DiagnosticCodes.InvalidConfig, e.Message, e);
        }
    }

    private static GateTaskError Invalid(string property, string value, string why) =>
        new(DiagnosticCodes.InvalidProperty, $"{property} '{value}' {why}");

    private static string? Set(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
