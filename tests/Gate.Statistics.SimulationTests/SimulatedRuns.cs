using Gate.Core.Metrics;
using Gate.Core.Results;
using Gate.Core.Statistics;

namespace Gate.Statistics.SimulationTests;

/// <summary>Builds a pair of simulated runs: <c>m</c> benchmarks of sec/op, each side drawn from a noise model.</summary>
public static class SimulatedRuns
{
    private static readonly RunEnvironment Environment = new("linux", "amd64", "go", [], Cpu: "sim", GoVersion: "go1.23.5");

    /// <summary>Every threshold zero: isolates the statistical control from the practical thresholds.</summary>
    public sealed class NoThresholds : IThresholdProvider
    {
        public Threshold For(ThresholdKey key) => Threshold.Zero;
    }

    /// <summary>Old and new runs; benchmark i's new values are multiplied by <paramref name="factor"/>(i).</summary>
    public static (RunResults Old, RunResults New) Pair(Random random, Noise noise, int benchmarks, int samples, Func<int, double> factor)
    {
        var old = new List<BenchmarkResult>(benchmarks);
        var @new = new List<BenchmarkResult>(benchmarks);
        for (var i = 0; i < benchmarks; i++)
        {
            var center = 1e-6 * (1 + i);
            old.Add(Benchmark(i, noise.Draw(random, center, samples)));
            @new.Add(Benchmark(i, noise.Draw(random, center * factor(i), samples)));
        }
        return (Run(old), Run(@new));
    }

    /// <summary>Benchmark i (BenchmarkSim<i>i</i>) with one sec/op sample per value.</summary>
    public static BenchmarkResult Benchmark(int i, double[] values) =>
        new("example.com/sim", "BenchmarkSim" + i, 1, 1000, [new MetricInfo("sec/op", MetricSource.Go, Better.Lower)],
            [.. values.Select(v => new Sample(new Dictionary<string, double> { ["sec/op"] = v }))]);

    /// <summary>A run of these benchmarks in the simulated environment.</summary>
    public static RunResults Run(List<BenchmarkResult> benchmarks) => new(null, 1, Environment, benchmarks, []);
}
