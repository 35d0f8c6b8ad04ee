using Gate.Core.Running;

namespace Gate.Core.Counters;

/// <summary>What the backends need beyond a process runner; each backend reads the settings that concern it.</summary>
public sealed record BackendOptions
{
    /// <summary>The calibration's sample time (the cachegrind backend scales its iteration counts from it).</summary>
    public TimeSpan SampleTime { get; init; } = RunOptions.DefaultSampleTime;

    /// <summary>The cache geometry cachegrind simulates.</summary>
    public CacheModel CacheModel { get; init; } = CacheModel.Default;

    /// <summary>Where to look for external tools (valgrind); null means this process's PATH.</summary>
    public string? SearchPath { get; init; }
}

/// <summary>Creates the measurement backend a user names with <c>--backend</c>.</summary>
public static class BackendFactory
{
    /// <summary>The backend names the command line accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = ["go", "cachegrind"];

    /// <summary>The backend called <paramref name="name"/>; an unknown name or a missing tool is a <see cref="GateException"/>.</summary>
    public static IMeasurementBackend Create(string name, IProcessRunner runner, BackendOptions? options = null)
    {
        options ??= new BackendOptions();
        return name switch
        {
            "go" => new GoBackend(runner),
            "cachegrind" => CachegrindBackend.Create(runner, new CachegrindOptions { CacheModel = options.CacheModel, NativeSampleTime = options.SampleTime }, options.SearchPath),
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
