namespace Gate.Core.Config;

/// <summary>Who wrote a setting's value: decides how a message names the setting.</summary>
public enum SettingHost
{
    /// <summary>A flag of <c>benchgate</c> (also the options the pre-push hook stores: they are flags).</summary>
    CommandLine,

    /// <summary>A key of <c>benchgate.json</c>.</summary>
    ConfigFile,

    /// <summary>A property of the MSBuild task (<c>BenchGate…</c>).</summary>
    MsBuild,

    /// <summary>An input of the GitHub Action (action.yml).</summary>
    Action,
}

/// <summary>
/// One setting and its spelling in each host. A host that has no spelling for it cannot set it (the configuration
/// file or the default decides).
/// </summary>
/// <param name="ConfigKey">The key in benchgate.json, for example <c>run.samples</c>; null when the file cannot hold it.</param>
/// <param name="Flag">The command-line flag, for example <c>--samples</c> (packages: the <c>PACKAGES</c> argument).</param>
/// <param name="MsBuildProperty">The MSBuild property, for example <c>BenchGateSamples</c>; null when the task has none.</param>
/// <param name="ActionInput">The action's input, for example <c>samples</c>; null when the action has none.</param>
public sealed record Setting(string? ConfigKey, string Flag, string? MsBuildProperty, string? ActionInput)
{
    /// <summary>
    /// The setting as <paramref name="host"/> spells it, for messages: <c>--samples</c>, <c>run.samples</c>,
    /// <c>BenchGateSamples</c>, <c>input samples</c>. A host without its own spelling falls back to the flag.
    /// </summary>
    public string NameIn(SettingHost host) => host switch
    {
        SettingHost.ConfigFile when ConfigKey is not null => ConfigKey,
        SettingHost.MsBuild when MsBuildProperty is not null => MsBuildProperty,
        SettingHost.Action when ActionInput is not null => "input " + ActionInput,
        _ => Flag,
    };

    /// <inheritdoc />
    public override string ToString() => ConfigKey ?? Flag;
}

/// <summary>
/// Every setting a host may give, with its spellings: the one table that the tool's flags, benchgate.json, the MSBuild
/// task's properties, the action's inputs and the pre-push hook's stored options are mapped from (README: "Settings").
/// </summary>
public static class Settings
{
    /// <summary>Go package patterns.</summary>
    public static readonly Setting Packages = new("run.packages", "PACKAGES", "BenchGatePackages", "packages");

    /// <summary>The Go module's directory.</summary>
    public static readonly Setting Directory = new("run.dir", "--dir", "BenchGateDirectory", null);

    /// <summary>The -bench regular expression.</summary>
    public static readonly Setting Bench = new("run.bench", "--bench", "BenchGateBench", "bench");

    /// <summary>How to measure: go, perf or cachegrind.</summary>
    public static readonly Setting Backend = new("run.backend", "--backend", "BenchGateBackend", "backend");

    /// <summary>Samples per benchmark: a count, auto or auto:MAX.</summary>
    public static readonly Setting Samples = new("run.samples", "--samples", "BenchGateSamples", "samples");

    /// <summary>Target duration of one sample (Go duration).</summary>
    public static readonly Setting SampleTime = new("run.sampleTime", "--sample-time", "BenchGateSampleTime", "sample-time");

    /// <summary>Benchmarks measured at the same time.</summary>
    public static readonly Setting Jobs = new("run.jobs", "--jobs", "BenchGateJobs", null);

    /// <summary>perf events to count (backend perf).</summary>
    public static readonly Setting Events = new("run.events", "--events", "BenchGateEvents", "events");

    /// <summary>The cache geometry cachegrind simulates.</summary>
    public static readonly Setting CacheModel = new("run.cacheModel", "--cache-model", "BenchGateCacheModel", "cache-model");

    /// <summary>regression or never.</summary>
    public static readonly Setting FailOn = new("failOn", "--fail-on", "BenchGateFailOn", "fail-on");

    /// <summary>Where baselines live: dir:PATH or nuget:SOURCE.</summary>
    public static readonly Setting Store = new("store", "--store", "BenchGateBaselineStore", "baseline-store");

    /// <summary>The branch whose baseline a check compares with.</summary>
    public static readonly Setting BaselineBranch = new("baselineBranch", "--baseline-branch", "BenchGateBaselineBranch", "baseline-branch");

    /// <summary>The repository of the baseline (owner/name).</summary>
    public static readonly Setting Repository = new("repository", "--repository", "BenchGateRepository", null);

    /// <summary>The configuration file.</summary>
    public static readonly Setting Config = new(null, "--config", "BenchGateConfig", null);

    /// <summary>Every setting, in the order the README's table lists them.</summary>
    public static IReadOnlyList<Setting> All { get; } =
        [Packages, Directory, Bench, Backend, Samples, SampleTime, Jobs, Events, CacheModel, FailOn, Store, BaselineBranch, Repository, Config];
}
