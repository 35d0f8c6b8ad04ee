using Gate.Core.Results;

namespace Gate.Core.Measurement;

/// <summary>One benchmark to measure: a test binary, the benchmark's full name and its calibrated iteration count.</summary>
/// <param name="Package">The package the benchmark belongs to (the binary runs in its directory).</param>
/// <param name="TestBinary">Path of the package's test binary.</param>
/// <param name="Name">Full benchmark name without <c>-P</c>.</param>
/// <param name="Procs">GOMAXPROCS it reported at calibration.</param>
/// <param name="Iterations">The fixed iteration count of every sample.</param>
public sealed record BenchmarkTarget(GoPackage Package, string TestBinary, string Name, int Procs, long Iterations)
{
    /// <summary>The <c>-test.bench</c> pattern that selects exactly this benchmark.</summary>
    public string ExactPattern => BenchPattern.Exact(Name);

    /// <summary>The test binary's arguments that run this benchmark once with <paramref name="iterations"/> iterations.</summary>
    public IReadOnlyList<string> BenchArguments(long iterations) =>
    [
        "-test.run=^$",
        "-test.bench=" + ExactPattern,
        "-test.benchtime=" + iterations.ToString(System.Globalization.CultureInfo.InvariantCulture) + "x",
        "-test.count=1",
        "-test.benchmem",
    ];
}

/// <summary>What one measurement of one benchmark gave: a sample with its metrics, or why there is none.</summary>
/// <param name="Sample">The per-operation values, or null on failure.</param>
/// <param name="Metrics">Descriptions of the metrics in <paramref name="Sample"/>, in report order.</param>
/// <param name="Failure">Why the benchmark could not be measured (first lines of its output), or null.</param>
public sealed record SampleOutcome(Sample? Sample, IReadOnlyList<MetricInfo> Metrics, string? Failure)
{
    /// <summary>The iteration window of a backend that measures by difference of two runs; null otherwise.</summary>
    public IterationWindow? Window { get; init; }

    /// <summary>GOMAXPROCS the sample ran with, when the backend fixes it (cachegrind: 1); null keeps the calibration's.</summary>
    public int? Procs { get; init; }

    /// <summary>A failed measurement.</summary>
    public static SampleOutcome Failed(string failure) => new(null, [], failure);
}

/// <summary>A way of measuring one sample of a benchmark: <c>go</c> (Go's own figures), <c>perf</c>, <c>cachegrind</c>.</summary>
public interface IMeasurementBackend
{
    /// <summary>The backend's name as the command line and the results file spell it.</summary>
    string Name { get; }

    /// <summary>Measures one sample of <paramref name="target"/>.</summary>
    Task<SampleOutcome> MeasureAsync(BenchmarkTarget target, CancellationToken cancellationToken);

    /// <summary>
    /// The run's environment with what this backend knows about the run added (its tool's version, cache model,
    /// events it could not count); called once, after measuring. By default the environment is unchanged.
    /// </summary>
    Task<RunEnvironment> DescribeAsync(RunEnvironment environment, CancellationToken cancellationToken) => Task.FromResult(environment);
}
