using Gate.Core;
using Gate.Core.Config;

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
    string? ReportPath = null)
{
    /// <summary>Benchmarks measured at the same time.</summary>
    public string? Jobs { get; init; }

    /// <summary>perf events (backend perf).</summary>
    public string? Events { get; init; }

    /// <summary>The cache geometry cachegrind simulates.</summary>
    public string? CacheModel { get; init; }

    /// <summary>The properties as a settings layer: each one under its MSBuild name, for messages.</summary>
    public SettingLayer Layer() =>
        SettingLayer.Of(SettingHost.MsBuild)
            .WithList(Settings.Packages, Packages)
            .With(Settings.Directory, Directory)
            .With(Settings.Bench, Bench)
            .With(Settings.Backend, Backend)
            .With(Settings.Samples, Samples)
            .With(Settings.SampleTime, SampleTime)
            .With(Settings.Jobs, Jobs)
            .With(Settings.Events, Events)
            .With(Settings.CacheModel, CacheModel)
            .With(Settings.Store, BaselineStore)
            .With(Settings.BaselineBranch, BaselineBranch)
            .With(Settings.Repository, Repository)
            .With(Settings.FailOn, FailOn)
            .With(Settings.Config, ConfigFile);

    /// <summary>The report's absolute path, or null.</summary>
    public string? ReportFile => string.IsNullOrWhiteSpace(ReportPath) ? null : Path.GetFullPath(ReportPath.Trim(), ProjectDirectory);
}

/// <summary>
/// The task's settings: its properties over benchgate.json over the defaults, resolved by Gate.Core's one resolver
/// (<see cref="SettingsResolver"/>), with bad values as <see cref="GateTaskError"/>s (BG2001 a property, BG2002 the file).
/// </summary>
public static class TaskSettings
{
    /// <summary>Resolves <paramref name="properties"/>.</summary>
    public static GateSettings Resolve(GateProperties properties, Func<string, string?> environment)
    {
        try
        {
            return SettingsResolver.Resolve(properties.Layer(), new SettingsContext(properties.ProjectDirectory, environment, System.Environment.ProcessorCount));
        }
        catch (GateException e)
        {
            throw GateTaskError.From(e);
        }
    }
}
