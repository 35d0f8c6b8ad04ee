using Gate.Core.Counters;
using Gate.Core.Measurement;
using Gate.Core.Statistics;

namespace Gate.Core.Config;

/// <summary>What to measure and how, resolved (<see cref="SettingsResolver"/>).</summary>
/// <param name="Directory">The Go module's directory, absolute.</param>
/// <param name="Packages">Go package patterns.</param>
/// <param name="Bench">The -bench regular expression.</param>
/// <param name="Backend">How to measure.</param>
/// <param name="Samples">Samples per benchmark: fixed, or sequential up to a maximum.</param>
/// <param name="SampleTime">Target duration of one sample.</param>
/// <param name="Jobs">Benchmarks measured at the same time.</param>
/// <param name="Events">perf events (backend perf), as given; null for perf's default set.</param>
/// <param name="CacheModel">The cache geometry cachegrind simulates; null for its default.</param>
public sealed record MeasureSettings(
    string Directory,
    IReadOnlyList<string> Packages,
    string Bench,
    BackendKind Backend,
    SampleCount Samples,
    TimeSpan SampleTime,
    int Jobs,
    string? Events,
    CacheModel? CacheModel);

/// <summary>
/// Every setting of a gate, resolved in layers — built-in defaults (<see cref="SettingDefaults"/>) → benchgate.json →
/// the host's explicit values — and validated once (<see cref="SettingsResolver"/>). Hosts build it; the check session
/// and the commands read it.
/// </summary>
/// <param name="Measure">What to measure and how.</param>
/// <param name="Compare">False discovery rate, thresholds and canary policy.</param>
/// <param name="FailOn">When the gate fails.</param>
/// <param name="Store">Where baselines live: <c>dir:PATH</c> or <c>nuget:SOURCE</c>.</param>
/// <param name="BaselineBranch">The branch whose baseline a check compares with.</param>
/// <param name="Repository">The repository of the baseline; null to detect it.</param>
/// <param name="ConfigSource">The configuration file read (as given or found), or <c>defaults</c>.</param>
public sealed record GateSettings(
    MeasureSettings Measure,
    CompareOptions Compare,
    FailOn FailOn,
    string Store,
    string BaselineBranch,
    string? Repository,
    string ConfigSource)
{
    private readonly IReadOnlyDictionary<Setting, string> _names = new Dictionary<Setting, string>();

    /// <summary>How messages name each setting: as the layer that gave its value spells it (a default: as the host does).</summary>
    public IReadOnlyDictionary<Setting, string> Names
    {
        get => _names;
        init => _names = value;
    }

    /// <summary>How a message names <paramref name="setting"/>: <c>--samples</c>, <c>BenchGateSamples</c>, <c>benchgate.json: run.samples</c>.</summary>
    public string NameOf(Setting setting) => _names.TryGetValue(setting, out var name) ? name : setting.Flag;
}
