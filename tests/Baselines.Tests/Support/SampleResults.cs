using Gate.Core.Results;
using Gate.TestUtilities;

namespace Gate.Baselines.Tests.Support;

/// <summary>Results files for the tests: the captured fixtures, and small synthetic ones with chosen numbers.</summary>
public static class SampleResults
{
    public const string Package = "example.com/m";

    /// <summary>A fixture under tests/Fixtures/baselines.</summary>
    public static RunResults Fixture(string name) => ResultsJson.ReadFile(FixturePath(name));

    public static string FixturePath(string name) => RepoPaths.Fixture("baselines", name);

    /// <summary>One benchmark (BenchmarkA) with <paramref name="secPerOp"/> as its sec/op samples, measured at <paramref name="commit"/>.</summary>
    public static RunResults Synthetic(string commit, params double[] secPerOp) => Synthetic(commit, "main", secPerOp);

    public static RunResults Synthetic(string commit, string branch, double[] secPerOp, string cpu = "Test CPU 3000")
    {
        var environment = new RunEnvironment("linux", "amd64", "go", ["run"], cpu, "go1.23.5", "6.1", Package, commit, branch, "2026-01-01T00:00:00Z");
        var benchmark = new BenchmarkResult(
            Package,
            "BenchmarkA",
            2,
            1000,
            [new MetricInfo("sec/op", MetricSource.Go, Better.Lower), new MetricInfo("allocs/op", MetricSource.Go, Better.Lower)],
            [.. secPerOp.Select(v => new Sample(new Dictionary<string, double> { ["sec/op"] = v, ["allocs/op"] = 3 }))]);
        return new RunResults(RunResults.SchemaId, RunResults.CurrentSchemaVersion, environment, [benchmark], []);
    }

    /// <summary>A large results file (about <paramref name="benchmarks"/> × 2,000 samples × 4 metrics) for the crash test.</summary>
    public static RunResults Large(string commit, int benchmarks)
    {
        var random = new Random(42);
        var metrics = new[] { "sec/op", "B/op", "allocs/op", "MB/s" };
        var list = new List<BenchmarkResult>();
        for (var b = 0; b < benchmarks; b++)
        {
            var samples = Enumerable.Range(0, 2000)
                .Select(_ => new Sample(metrics.ToDictionary(m => m, _ => random.NextDouble() * 1e-6)))
                .ToList();
            list.Add(new BenchmarkResult(Package, $"BenchmarkLarge/n={b}", 2, 100, [.. metrics.Select(m => new MetricInfo(m, MetricSource.Go, m == "MB/s" ? Better.Higher : Better.Lower))], samples));
        }
        var environment = new RunEnvironment("linux", "amd64", "go", ["run"], "Test CPU 3000", "go1.23.5", "6.1", Package, commit, "main", "2026-01-01T00:00:00Z");
        return new RunResults(RunResults.SchemaId, RunResults.CurrentSchemaVersion, environment, list, []);
    }

    /// <summary>Every number of <paramref name="results"/> as raw bits, in file order: what "bit for bit" compares.</summary>
    public static IReadOnlyList<(string Where, long Bits)> NumberBits(RunResults results) =>
    [
        .. results.Benchmarks.SelectMany(b => b.Samples.SelectMany((s, i) => s.Values.Select(v => ($"{b.Key} #{i} {v.Key}", BitConverter.DoubleToInt64Bits(v.Value))))),
        .. results.Benchmarks.Select(b => ($"{b.Key} iterations", b.Iterations)),
        .. results.Benchmarks.Select(b => ($"{b.Key} procs", (long)b.Procs)),
    ];
}
