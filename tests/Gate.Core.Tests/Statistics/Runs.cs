using Gate.Core.Counters;
using Gate.Core.Results;

namespace Gate.Core.Tests.Statistics;

/// <summary>Builds small results in code for engine tests: one benchmark per call of <see cref="With"/>.</summary>
public sealed class Runs
{
    private readonly List<BenchmarkResult> _benchmarks = [];

    public RunEnvironment Environment { get; init; } = new("linux", "amd64", "go", [], Cpu: "AMD EPYC", GoVersion: "go1.23.5");

    public CanaryRecord? Canary { get; init; }

    /// <summary>Adds a benchmark with one metric (source go unless given) and its values.</summary>
    public Runs With(string name, string metric, double[] values, MetricSource source = MetricSource.Go)
    {
        var info = BackendMetrics.Catalog.Find(source, metric).Info;
        var existing = _benchmarks.FindIndex(b => b.Name == name);
        var samples = values.Select(v => new Sample(new Dictionary<string, double> { [metric] = v })).ToList();
        if (existing >= 0)
        {
            var old = _benchmarks[existing];
            var merged = old.Samples.Select((s, i) => i < values.Length
                ? new Sample(new Dictionary<string, double>(s.Values) { [metric] = values[i] })
                : s).ToList();
            _benchmarks[existing] = old with { Metrics = [.. old.Metrics, info], Samples = merged };
            return this;
        }
        _benchmarks.Add(new BenchmarkResult("example.com/m", name, 2, 1000, [info], samples));
        return this;
    }

    public RunResults Build() => new(null, 1, Environment, [.. _benchmarks], []) { Canary = Canary };

    /// <summary>n values around <paramref name="center"/>, spread ±<paramref name="spread"/> (fraction), deterministic.</summary>
    public static double[] Around(double center, int n = 10, double spread = 0.02, int seed = 1)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(_ => center * (1 + spread * (2 * random.NextDouble() - 1)))];
    }
}
