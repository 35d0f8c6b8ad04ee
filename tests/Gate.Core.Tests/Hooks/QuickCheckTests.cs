using Gate.Core.Checking;
using Gate.Core.Hooks;
using Gate.Core.Results;

namespace Gate.Core.Tests.Hooks;

public class QuickCheckTests
{
    private static readonly MetricInfo Allocs = new("allocs/op", MetricSource.Go, Better.Lower);

    private static BenchmarkResult Benchmark(string package, string name, int samples = 2) =>
        new(package, name, 1, 100, [Allocs], [.. Enumerable.Repeat(new Sample(new Dictionary<string, double> { ["allocs/op"] = 3 }), samples)]);

    private static RunResults Results(IReadOnlyList<BenchmarkResult> benchmarks, IReadOnlyList<BenchmarkFailure>? failures = null) =>
        new(RunResults.SchemaId, 1, new RunEnvironment("linux", "amd64", "go", []), benchmarks, failures ?? []);

    [Fact]
    public void Restrict_BaselineOfMorePackages_OnlyTheMeasuredPackagesLessWhatWasNotMeasured()
    {
        // Given a baseline of three packages, and a candidate that measured a/X, could not build b and ran out of time for a/Y
        var old = Results([Benchmark("m/a", "BenchmarkX"), Benchmark("m/a", "BenchmarkY/size=1"), Benchmark("m/a", "BenchmarkYZ"), Benchmark("m/b", "BenchmarkB"), Benchmark("m/c", "BenchmarkC")]);
        var candidate = Results(
            [Benchmark("m/a", "BenchmarkX")],
            [new BenchmarkFailure("m/a", "BenchmarkY", "not measured: the time budget of 1s ran out"), new BenchmarkFailure("m/b", "", "build failed")]);

        // When
        var restricted = new CheckSides(candidate, old, "baseline").RestrictedToCandidate();

        // Then package c is left out (not measured), b entirely (build failed) and Y with its sub-benchmarks; YZ stays
        Assert.Equal(["BenchmarkX", "BenchmarkYZ"], restricted.Old!.Benchmarks.Select(b => b.Name));
        Assert.Same(candidate, restricted.New);
    }

    [Fact]
    public void Restrict_NoBaseline_Unchanged()
    {
        var sides = new CheckSides(Results([Benchmark("m/a", "BenchmarkX")]), null, "no baseline");

        Assert.Same(sides, sides.RestrictedToCandidate());
    }

    [Fact]
    public void Shortfalls_DeadlineFailuresAndPartialSamples_OneLineEach()
    {
        var candidate = Results(
            [Benchmark("m/a", "BenchmarkX", samples: 1), Benchmark("m/a", "BenchmarkW", samples: 2)],
            [
                new BenchmarkFailure("m/a", "BenchmarkY", "not measured: the time budget of 1s ran out"),
                new BenchmarkFailure("m/b", "", "not measured: the time budget of 1s ran out"),
                new BenchmarkFailure("m/c", "BenchmarkC", "panic: boom"),
            ]);

        var lines = QuickCheck.Shortfalls(candidate, samples: 2);

        Assert.Equal(
            [
                "2 benchmarks not checked (not measured: the time budget of 1s ran out): BenchmarkY, m/b",
                "1 benchmark measured with fewer samples than 2: BenchmarkX (1)",
            ],
            lines);
    }

    [Fact]
    public void PreferredBackend_ValgrindOnPathOrNot()
    {
        using var temp = new TestUtilities.TempDirectory();
        var valgrind = temp.Write("bin/valgrind", "#!/bin/sh\n");
        File.SetUnixFileMode(valgrind, UnixFileMode.UserRead | UnixFileMode.UserExecute);

        Assert.Equal("cachegrind", QuickCheck.PreferredBackend(temp.Combine("bin")));
        Assert.Equal("go", QuickCheck.PreferredBackend(temp.Combine("empty")));
    }
}
