using Gate.Core.Reading;
using Gate.TestUtilities;

namespace Gate.Core.Tests.Reading;

/// <summary>The readers list problems as records and go on; <see cref="ComparisonInputTests"/> covers the throwing wrapper.</summary>
public class SideReaderTests
{
    private const string Header = "goos: linux\ngoarch: amd64\npkg: example.com/parser\n";

    private static string Fixture(string name) => RepoPaths.Fixture("compare", name);

    [Fact]
    public void Read_GoodFiles_ResultsAndNoProblem()
    {
        var reading = SideReader.Read([Fixture("new-part1.txt"), Fixture("new-part2.txt")], "new");

        Assert.Empty(reading.Problems);
        Assert.Equal(["BenchmarkParse", "BenchmarkFormat", "BenchmarkStable"], reading.Results!.Benchmarks.Select(b => b.Name));
    }

    [Fact]
    public void Read_BadLines_OneProblemPerLineWithItsNumber()
    {
        using var directory = new TempDirectory();
        var path = directory.Write("bad.txt", Header + "BenchmarkParse-2 500000 NaN ns/op\nBenchmarkParse-2 500000 1.5 ns/op\nBenchmarkParse-2 500000 +Inf ns/op\n");

        var reading = SideReader.Read([path], "old");

        Assert.Null(reading.Results);
        Assert.Equal([(path, 4), (path, 6)], reading.Problems.Select(p => (p.File!, p.Line!.Value)));
        Assert.All(reading.Problems, p => Assert.StartsWith($"{path}:{p.Line}: ", p.Message, StringComparison.Ordinal));
        var thrown = Assert.Throws<GateException>(() => ComparisonInput.Load([path], "old"));
        Assert.Equal(reading.Problems[0].Message + " (and 1 more bad lines)", thrown.Message);
    }

    [Fact]
    public void Read_SeveralBadFiles_EveryFileHasItsProblemsWhereTheWrapperStopsAtTheFirst()
    {
        var reading = SideReader.Read([Fixture("missing.txt"), Fixture("no-benchmarks.txt"), Fixture("new.txt")], "old");

        Assert.Null(reading.Results);
        Assert.Equal([Fixture("missing.txt"), Fixture("no-benchmarks.txt")], reading.Problems.Select(p => p.File));
        Assert.All(reading.Problems, p => Assert.Null(p.Line));
        Assert.EndsWith("no-benchmarks.txt: no benchmark results in it", reading.Problems[1].Message, StringComparison.Ordinal);
        Assert.Equal(reading.Problems[0].Message, Assert.Throws<GateException>(() => ComparisonInput.Load([Fixture("missing.txt"), Fixture("no-benchmarks.txt")], "old")).Message);
    }

    [Fact]
    public void Read_FilesFromTwoMachines_ProblemOfTheSide()
    {
        var reading = SideReader.Read([Fixture("new.txt"), Fixture("other-cpu.txt")], "new");

        var problem = Assert.Single(reading.Problems);
        Assert.Equal((null, null), (problem.File, problem.Line));
        Assert.StartsWith("new: its files were measured in different environments (cpu: AMD EPYC vs ", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NoFile_ProblemOfTheSide()
    {
        Assert.Equal("old: no input file", Assert.Single(SideReader.Read([], "old").Problems).Message);
    }

    [Fact]
    public void Read_OneFileMixingEnvironments_OneProblemPerKey()
    {
        using var directory = new TempDirectory();
        var path = directory.Write("mixed.txt", Header + "cpu: A\nBenchmarkParse-2 1 1 ns/op\ngoarch: arm64\ncpu: B\nBenchmarkParse-2 1 1 ns/op\n");

        var reading = SideReader.Read([path], "old");

        Assert.Equal(
            [$"{path}: the file mixes environments (goarch: amd64 and arm64)", $"{path}: the file mixes environments (cpu: A and B)"],
            reading.Problems.Select(p => p.Message));
    }

    [Fact]
    public void MixedUnits_OneProblemPerBenchmarkAndQuantity()
    {
        var old = ComparisonInput.Load([Fixture("old.txt")], "old");
        var mixed = ComparisonInput.Load([Fixture("mixed-units.txt")], "new");

        var problems = UnitFamilies.MixedUnits(old, mixed, mixed);

        Assert.Equal(["BenchmarkParse: one metric in mixed units (ms/op and sec/op); write it in one unit on both sides"], problems.Select(p => p.Message));
    }
}
