using Gate.Core.Measurement;
using Gate.Core.Processes;
using Gate.Core.Running;

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

/// <summary>Creates the measurement backend a user names with <c>--backend</c>.</summary>
public static class BackendFactory
{
    /// <summary>The backend names the command line accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = ["go", "perf", "cachegrind"];

    /// <summary>
    /// The backend called <paramref name="name"/>, checked to be usable here before anything runs (perf: present,
    /// every event known; cachegrind: valgrind present). An unknown name, an option the backend does not take, or a
    /// backend that cannot measure on this machine is a <see cref="GateException"/>.
    /// </summary>
    public static async Task<IMeasurementBackend> CreateAsync(string name, BackendOptions options, IProcessRunner runner, CancellationToken cancellationToken)
    {
        if (options.Events is not null && name != "perf")
        {
            throw new GateException($"--events chooses perf events: it needs --backend perf (not {name})");
        }
        if (options.CacheModel is not null && name != "cachegrind")
        {
            throw new GateException($"--cache-model applies to --backend cachegrind only (not {name})");
        }
        return name switch
        {
            "go" => new GoBackend(runner),
            "perf" => await PerfBackend.CreateAsync(new PerfOptions(PerfEventList.Parse(options.Events)), runner, options.Warn, cancellationToken).ConfigureAwait(false),
            "cachegrind" => CachegrindBackend.Create(runner, new CachegrindOptions { CacheModel = options.CacheModel ?? CacheModel.Default, NativeSampleTime = options.SampleTime }, options.SearchPath),
            _ => throw new GateException($"--backend '{name}' is not one of: {string.Join(", ", Names)}"),
        };
    }

    /// <summary>Samples per benchmark when the user does not say: simulated counts repeat, so two suffice for cachegrind.</summary>
    public static int DefaultSamples(string name) => name == "cachegrind" ? 2 : RunOptions.DefaultSamples;

    /// <summary>
    /// Benchmarks measured at the same time when the user does not say: one per core for cachegrind (simulated
    /// counts do not depend on the machine's load), one otherwise (timings would disturb each other).
    /// </summary>
    public static int DefaultJobs(string name) => name == "cachegrind" ? Environment.ProcessorCount : 1;
}
