using Gate.Core.Measurement;

namespace Gate.Core.Config;

/// <summary>
/// The built-in defaults, in one place: what a setting is when neither the host nor benchgate.json gives it.
/// </summary>
public static class SettingDefaults
{
    /// <summary>Go package patterns.</summary>
    public static IReadOnlyList<string> Packages { get; } = ["./..."];

    /// <summary>The -bench regular expression: every benchmark.</summary>
    public const string Bench = ".";

    /// <summary>The backend.</summary>
    public const BackendKind Backend = BackendKind.Go;

    /// <summary>The sample time, as written.</summary>
    public const string SampleTimeText = "100ms";

    /// <summary>The sample time.</summary>
    public static TimeSpan SampleTime { get; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Samples per benchmark for a backend whose values vary from run to run.</summary>
    public const int Samples = 10;

    /// <summary>Samples per benchmark for cachegrind: simulated counts repeat, so two suffice.</summary>
    public const int SimulatedSamples = 2;

    /// <summary>The baseline store.</summary>
    public const string Store = "dir:.benchgate";

    /// <summary>The branch whose baseline a check compares with, when GITHUB_BASE_REF does not say.</summary>
    public const string BaselineBranch = "main";

    /// <summary>The name of the gate: one sticky PR comment per name.</summary>
    public const string GateName = "benchgate";

    /// <summary>Samples per benchmark when nothing says: <see cref="SimulatedSamples"/> for cachegrind, else <see cref="Samples"/>.</summary>
    public static SampleCount SamplesFor(BackendKind backend) => SampleCount.Fixed(backend == BackendKind.Cachegrind ? SimulatedSamples : Samples);

    /// <summary>
    /// Benchmarks measured at the same time when nothing says: one per core for cachegrind (simulated counts do not
    /// depend on the machine's load), one otherwise (timings would disturb each other).
    /// </summary>
    public static int JobsFor(BackendKind backend, int processors) => backend == BackendKind.Cachegrind ? processors : 1;
}
