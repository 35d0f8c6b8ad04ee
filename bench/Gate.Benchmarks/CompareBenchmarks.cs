using BenchmarkDotNet.Attributes;
using Gate.Core.Counters;
using Gate.Core.Results;
using Gate.Core.Statistics;

namespace Gate.Benchmarks;

/// <summary>
/// How fast the comparison engine is: 10,000 benchmark × metric pairs (5,000 benchmarks × sec/op and B/op) with
/// 10 samples per side, values rounded to 4 significant digits as go test prints them (so ties are common and the
/// tie-aware exact test runs), one in ten benchmarks 10 % slower. Target: well under a second.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class CompareBenchmarks
{
    private RunResults _old = null!;
    private RunResults _new = null!;

    /// <summary>Benchmarks per side (two metrics each).</summary>
    [Params(5_000)]
    public int Benchmarks { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _old = Run(random, 1.0);
        _new = Run(random, 1.1);
    }

    private static readonly CompareOptions Options = new() { Metrics = BackendMetrics.Catalog };

    [Benchmark]
    public int Compare() => ComparisonEngine.Compare(_old, _new, Options).Count(Verdict.Regression);

    private RunResults Run(Random random, double slowdown)
    {
        MetricInfo[] metrics = [new("sec/op", MetricSource.Go, Better.Lower), new("B/op", MetricSource.Go, Better.Lower)];
        var benchmarks = new List<BenchmarkResult>(Benchmarks);
        for (var i = 0; i < Benchmarks; i++)
        {
            var center = 1e-7 * (1 + i % 997) * (i % 10 == 0 ? slowdown : 1);
            var samples = new List<Sample>(10);
            for (var s = 0; s < 10; s++)
            {
                var time = Round4(center * (1 + 0.03 * (2 * random.NextDouble() - 1)));
                var bytes = Math.Round(64 + 8 * random.NextDouble());
                samples.Add(new Sample(new Dictionary<string, double> { ["sec/op"] = time, ["B/op"] = bytes }));
            }
            benchmarks.Add(new BenchmarkResult("example.com/m", "BenchmarkB" + i, 2, 1000, metrics, samples));
        }
        return new RunResults(null, 1, new RunEnvironment("linux", "amd64", "go", [], Cpu: "cpu", GoVersion: "go1.23.5"), benchmarks, []);
    }

    private static double Round4(double value)
    {
        var scale = Math.Pow(10, 3 - Math.Floor(Math.Log10(value)));
        return Math.Round(value * scale) / scale;
    }
}
