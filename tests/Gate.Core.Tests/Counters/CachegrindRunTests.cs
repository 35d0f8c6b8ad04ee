using System.Text.Json;
using Gate.Core.Counters;
using Gate.Core.Measurement;
using Gate.Core.Processes;
using Gate.Core.Results;
using Gate.TestUtilities;
using Json.Schema;
using static Gate.Core.Counters.CachegrindMetrics;

namespace Gate.Core.Tests.Counters;

[Collection(CachegrindMeasurement.Collection)]
[Trait(Traits.Category, Traits.Slow)]
public class CachegrindRunTests
{
    [Fact]
    public async Task Run_ExamplesTwice_InstructionsPerOpAgreeWithinHalfAPercent()
    {
        // Given the same build of examples/ measured twice
        var first = await CachegrindMeasurement.RunAsync(RepoPaths.Examples);
        var second = await CachegrindMeasurement.RunAsync(RepoPaths.Examples);

        // Then every benchmark was measured both times, with instructions/op within 0.5 %
        Assert.Empty(first.Failures);
        Assert.Empty(second.Failures);
        Assert.Equal(6, first.Benchmarks.Count);
        Assert.Equal(first.Benchmarks.Select(b => b.Key), second.Benchmarks.Select(b => b.Key));
        foreach (var benchmark in first.Benchmarks)
        {
            var again = second.Benchmark(benchmark.Name, benchmark.Package);
            var difference = CachegrindMeasurement.RelativeDifference(benchmark.Value(Instructions), again.Value(Instructions));
            Assert.True(difference <= 0.005, $"{benchmark.Name}: {benchmark.Value(Instructions)} vs {again.Value(Instructions)} instructions/op ({difference:P3})");
        }

        // And the environment says how it was simulated
        Assert.Equal("cachegrind", first.Environment.Backend);
        Assert.Equal(CacheModel.Default.ToString(), first.Environment.CacheModel);
        Assert.Matches(@"^\d+\.\d+", first.Environment.ValgrindVersion);
    }

    [Fact]
    public async Task Run_PackageInitSortsALargeSlice_PerOpFiguresUnchanged()
    {
        // Given two packages with the same benchmark, one whose init sorts 512 Ki ints
        var module = RepoPaths.Fixture("gomod", "initheavy");
        var results = await CachegrindMeasurement.RunAsync(module);
        var light = results.Benchmark("BenchmarkMix", "benchgate.test/initheavy/light");
        var heavy = results.Benchmark("BenchmarkMix", "benchgate.test/initheavy/heavy");

        // When the heavy package's test binary is run whole, its init costs far more than the window holds
        var lightWhole = await WholeRunInstructionsAsync(module, "light", heavy.Window!.N1);
        var heavyWhole = await WholeRunInstructionsAsync(module, "heavy", heavy.Window.N1);
        Assert.True(heavyWhole - lightWhole > 50_000_000, $"the init should cost > 50 M instructions; whole runs: {heavyWhole} vs {lightWhole}");

        // Then none of it is in the per-op figures: they agree within 0.5 %, and misses cost nothing material
        Assert.True(CachegrindMeasurement.RelativeDifference(light.Value(Instructions), heavy.Value(Instructions)) <= 0.005, $"{light.Value(Instructions)} vs {heavy.Value(Instructions)}");
        Assert.True(CachegrindMeasurement.RelativeDifference(light.Value(EstimatedCycles), heavy.Value(EstimatedCycles)) <= 0.005, $"{light.Value(EstimatedCycles)} vs {heavy.Value(EstimatedCycles)}");
    }

    [Fact]
    public async Task Run_BenchmarkCrashesUnderValgrind_ReportedAndTheRestMeasured()
    {
        // Given a module with a benchmark that runs natively but panics under valgrind
        var results = await CachegrindMeasurement.RunAsync(RepoPaths.Fixture("gomod", "valgrind-crash"));

        // Then it is a failure that says what happened, and the other benchmark is measured
        var failure = Assert.Single(results.Failures);
        Assert.Equal("BenchmarkFixedAddress", failure.Name);
        Assert.StartsWith("under valgrind: panicked: panic: mmap at a fixed address did not map there", failure.Message, StringComparison.Ordinal);
        var fine = Assert.Single(results.Benchmarks);
        Assert.Equal("BenchmarkFine", fine.Name);
        Assert.InRange(fine.Value(Instructions), 100, 2000);

        // And the results file, failures and windows included, is valid under the published schema
        AssertValidUnderSchema(results);
    }

    [Fact]
    public async Task Run_FailingAndPanickingBenchmarks_ReportedAndTheRestMeasuredExactly()
    {
        // Given the module whose benchmarks fail, panic, skip, or loop over work(100) and work(200)
        var results = await CachegrindMeasurement.RunAsync(RepoPaths.Fixture("gomod", "failing"));

        // Then the failing and panicking ones are reported, and the others measured
        Assert.Equal(["BenchmarkFails", "BenchmarkPanics"], results.Failures.Select(f => f.Name).Order());
        Assert.Contains("deliberate failure", results.Failures.Single(f => f.Name == "BenchmarkFails").Message, StringComparison.Ordinal);
        Assert.Contains("panicked", results.Failures.Single(f => f.Name == "BenchmarkPanics").Message, StringComparison.Ordinal);
        Assert.Equal(["BenchmarkAlpha", "BenchmarkZulu"], results.Benchmarks.Select(b => b.Name).Order());

        // And the loop of 200 squares costs twice the loop of 100, to within the loop's own overhead
        var ratio = results.Benchmark("BenchmarkZulu").Value(Instructions) / results.Benchmark("BenchmarkAlpha").Value(Instructions);
        Assert.InRange(ratio, 1.9, 2.05);
    }

    [Fact]
    public async Task Measure_BinaryForAnotherArchitecture_ValgrindCannotRunIt()
    {
        // Given a test binary built for another architecture than valgrind's
        using var temp = new TempDirectory();
        var module = RepoPaths.Fixture("gomod", "failing");
        var binary = temp.Combine("foreign.test");
        var foreign = System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.Arm64 ? "amd64" : "arm64";
        Tools.Run(Tools.Go, module, new Dictionary<string, string?> { ["GOARCH"] = foreign }, "test", "-c", "-o", binary, ".");
        var target = new BenchmarkTarget(new GoPackage("benchgate.test/failing", module), binary, "BenchmarkAlpha", 1, 1000);

        // When the backend measures it
        var outcome = await CachegrindBackend.Create(Tools.Processes, new CachegrindOptions { NativeSampleTime = TimeSpan.FromMilliseconds(100) }).MeasureAsync(target, CancellationToken.None);

        // Then there is no sample, and valgrind's own reason in one clear message
        Assert.Null(outcome.Sample);
        Assert.StartsWith("valgrind cannot run the test binary: ", outcome.Failure, StringComparison.Ordinal);
        Assert.Contains($"{foreign}-linux", outcome.Failure, StringComparison.Ordinal);
        Assert.DoesNotContain("--", outcome.Failure, StringComparison.Ordinal);
    }

    private static async Task<long> WholeRunInstructionsAsync(string module, string package, long iterations)
    {
        using var temp = new TempDirectory();
        var binary = temp.Combine(package + ".test");
        Tools.Run(Tools.Go, module, "test", "-c", "-o", binary, "./" + package);
        var target = new BenchmarkTarget(new GoPackage("benchgate.test/initheavy/" + package, Path.Combine(module, package)), binary, "BenchmarkMix", 1, iterations);
        using var scratch = new CachegrindScratch();
        var spec = CachegrindInvocation.Spec(ExecutableLookup.Find("valgrind")!, target, iterations, scratch.OutFile, CacheModel.Default, null, TimeSpan.FromMinutes(5));
        var outcome = await Tools.Processes.RunAsync(spec);
        Assert.True(outcome.Succeeded, outcome.Stderr);
        return scratch.ReadOutput()!.Output!.Counts.Ir;
    }

    private static void AssertValidUnderSchema(RunResults results)
    {
        var schema = JsonSchema.FromFile(Path.Combine(RepoPaths.Root, "schemas", "results.v1.schema.json"), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        using var document = JsonDocument.Parse(ResultsJson.Serialize(results));
        var evaluation = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(evaluation.IsValid, string.Join("\n", (evaluation.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
        Assert.Equal(results, ResultsJson.Parse(ResultsJson.Serialize(results), "results"), new ResultsComparer());
    }

    /// <summary>Results are equal when they serialize alike (records hold lists, which compare by reference).</summary>
    private sealed class ResultsComparer : IEqualityComparer<RunResults>
    {
        public bool Equals(RunResults? x, RunResults? y) => ResultsJson.Serialize(x!) == ResultsJson.Serialize(y!);

        public int GetHashCode(RunResults obj) => 0;
    }
}
