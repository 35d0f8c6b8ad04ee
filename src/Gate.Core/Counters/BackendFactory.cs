using Gate.Core.Measurement;
using Gate.Core.Processes;

namespace Gate.Core.Counters;

/// <summary>What a user may tell the backends besides their name; each backend reads the settings that concern it.</summary>
public sealed record BackendOptions
{
    /// <summary>perf events (<c>--events</c>, comma-separated); null for perf's default set.</summary>
    public string? Events { get; init; }

    /// <summary>Receives one-line diagnoses a backend wants said once (for stderr); null drops them.</summary>
    public Action<string>? Warn { get; init; }

    /// <summary>The calibration's sample time (the cachegrind backend scales its iteration counts from it).</summary>
    public required TimeSpan SampleTime { get; init; }

    /// <summary>The cache geometry cachegrind simulates; null for <see cref="CacheModel.Default"/>.</summary>
    public CacheModel? CacheModel { get; init; }

    /// <summary>Where to look for external tools (valgrind); null means this process's PATH.</summary>
    public string? SearchPath { get; init; }
}

/// <summary>Creates the measurement backend a user chooses (<c>--backend</c>, <c>run.backend</c>, <c>BenchGateBackend</c>…).</summary>
public static class BackendFactory
{
    /// <summary>
    /// The backend of <paramref name="kind"/>, checked to be usable here before anything runs (perf: present, every
    /// event known; cachegrind: valgrind present). A backend that cannot measure on this machine is a
    /// <see cref="GateException"/>. Settings that concern other backends are ignored (the settings resolver refuses them).
    /// </summary>
    public static async Task<IMeasurementBackend> CreateAsync(BackendKind kind, BackendOptions options, IProcessRunner runner, CancellationToken cancellationToken) => kind switch
    {
        BackendKind.Go => new GoBackend(runner),
        BackendKind.Perf => await PerfBackend.CreateAsync(new PerfOptions(PerfEventList.Parse(options.Events)), runner, options.Warn, cancellationToken).ConfigureAwait(false),
        BackendKind.Cachegrind => CachegrindBackend.Create(runner, new CachegrindOptions { CacheModel = options.CacheModel ?? CacheModel.Default, NativeSampleTime = options.SampleTime }, options.SearchPath),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
