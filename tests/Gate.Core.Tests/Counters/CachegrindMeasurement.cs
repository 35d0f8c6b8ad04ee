using Gate.Core.Config;
using Gate.Core.Counters;
using Gate.Core.Results;
using Gate.Core.Running;
using Gate.TestUtilities;

namespace Gate.Core.Tests.Counters;

/// <summary>Runs the real pipeline (go build, native calibration, valgrind) with the cachegrind backend.</summary>
internal static class CachegrindMeasurement
{
    /// <summary>The name of the test collection that runs the valgrind-heavy tests one class at a time.</summary>
    public const string Collection = "cachegrind";

    public static async Task<RunResults> RunAsync(string directory, int samples = 1, int jobs = 2, string bench = ".", params string[] packages)
    {
        var backend = CachegrindBackend.Create(Tools.Processes, new CachegrindOptions { NativeSampleTime = TimeSpan.FromMilliseconds(100) });
        var options = new RunOptions(directory, packages.Length > 0 ? packages : ["./..."], bench, samples, SettingDefaults.SampleTime, ["test"]) { Jobs = jobs };
        return await new BenchmarkRunner(Tools.Processes, backend).RunAsync(options);
    }

    public static BenchmarkResult Benchmark(this RunResults results, string name, string? package = null) =>
        results.Benchmarks.Single(b => b.Name == name && (package is null || b.Package == package));

    /// <summary>The mean of a metric over the benchmark's samples.</summary>
    public static double Value(this BenchmarkResult benchmark, string metric) => benchmark.ValuesOf(metric).Average();

    /// <summary>|a − b| / mean(a, b).</summary>
    public static double RelativeDifference(double a, double b) => CachegrindWindowPlanner.Disagreement(a, b);
}

[CollectionDefinition(CachegrindMeasurement.Collection)]
public sealed class CachegrindCollection;
