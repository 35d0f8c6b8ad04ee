using Gate.Core.GoBench;
using Gate.TestUtilities;

namespace Gate.Core.Tests.GoBench;

public class GoBenchReaderTests
{
    private static GoBenchFile Fixture(string name) => GoBenchReader.ReadFile(RepoPaths.Fixture("gobench", name));

    [Fact]
    public void ReadFile_ExamplesOutput_ReadsEveryBenchmarkWithPackageAndUnits()
    {
        var file = Fixture("examples-go1.23.txt");

        Assert.Empty(file.Errors);
        Assert.Empty(file.Failures);
        Assert.Equal(
            ["BenchmarkClassify", "BenchmarkPointerChase", "BenchmarkSequentialSum", "BenchmarkEncode/size=64", "BenchmarkEncode/size=4096", "BenchmarkWordFreq"],
            file.Results.Select(r => r.Name));
        Assert.All(file.Results, r => Assert.Equal(2, r.Procs));
        Assert.All(file.Results, r => Assert.Equal(200, r.Iterations));
        var encode = file.Results.Single(r => r.Name == "BenchmarkEncode/size=64");
        Assert.Equal("benchgate.example/examples/codec", encode.Package);
        Assert.Equal(["sec/op", "MB/s", "ratio", "B/op", "allocs/op"], encode.Values.Select(v => v.Unit));
        Assert.Equal(0.3125, encode.ValueOf("ratio"));
        Assert.Equal("AMD EPYC", encode.Config.Get("cpu"));
        var words = file.Results.Single(r => r.Name == "BenchmarkWordFreq");
        Assert.Equal("benchgate.example/examples/textproc", words.Package);
        Assert.Equal(166, words.ValueOf("allocs/op"));
    }

    [Fact]
    public void ReadFile_NsPerOp_BecomesSecondsPerOp()
    {
        var file = GoBenchReader.ReadText("BenchmarkX-2  10  1234.5 ns/op\n");

        var value = Assert.Single(Assert.Single(file.Results).Values);
        Assert.Equal("sec/op", value.Unit);
        Assert.Equal(1234.5e-9, value.Value, 1e-20);
    }

    [Fact]
    public void ReadFile_VerboseOutput_SkipsParentNameLines()
    {
        var file = Fixture("examples-verbose-go1.23.txt");

        Assert.Empty(file.Errors);
        Assert.Equal(["BenchmarkEncode/size=64", "BenchmarkEncode/size=4096", "BenchmarkWordFreq"], file.Results.Select(r => r.Name));
    }

    [Fact]
    public void ReadFile_EdgeCases_KeepsCustomUnitsNamesAndConfigChanges()
    {
        var file = Fixture("edge-cases.txt");

        Assert.Empty(file.Errors);
        var names = file.Results.Select(r => (r.Name, r.Procs)).ToList();
        Assert.Equal(
            [
                ("BenchmarkPlain", 8), ("BenchmarkCustom/ratio=0.5/kind=a-b", 8), ("BenchmarkNoProcs", 1), ("BenchmarkDash/n-10", 4),
                ("BenchmarkPunct/a:b,c+d[1]#01", 8), ("Benchmark_Underscore", 8), ("BenchmarkTabs", 8), ("BenchmarkBeta", 2),
            ],
            names);
        var custom = file.Results[1];
        Assert.Equal(2.5e-6, custom.ValueOf("sec/op")!.Value, 1e-18);
        Assert.Equal(12.5, custom.ValueOf("widgets/op"));
        Assert.Equal(-3, custom.ValueOf("delta/op"));
        Assert.Equal(99.5, custom.ValueOf("MB/s"));
        Assert.Equal("hand-written edge cases", custom.Config.Get("note"));
        Assert.Equal("Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz", custom.Config.Get("cpu"));

        var beta = file.Results[^1];
        Assert.Equal("example.com/beta", beta.Package);
        Assert.Equal("AMD EPYC 7B13 64-Core Processor", beta.Config.Get("cpu"));
        Assert.Null(beta.Config.Get("note"));
        Assert.Equal(1, file.Results.Count(r => r.Package == "example.com/beta"));
    }

    [Fact]
    public void ReadFile_MalformedLines_WarnWithLineNumbersAndKeepGoodLines()
    {
        var file = Fixture("malformed.txt");

        Assert.Equal(["BenchmarkGood", "BenchmarkGoodAgain"], file.Results.Select(r => r.Name));
        Assert.Equal([3, 4, 5, 6, 7, 8, 9, 10], file.Errors.Select(e => e.Line));
        Assert.All(file.Errors, e => Assert.EndsWith("malformed.txt", e.File));
        Assert.Contains("iteration count 'abc'", file.Errors[0].Message);
        Assert.Contains("has no unit", file.Errors[2].Message);
        Assert.Contains("'NaN' is not a finite number", file.Errors[4].Message);
        Assert.Contains("appears twice", file.Errors[7].Message);
        Assert.Equal(11, file.Results[1].Line);
    }

    [Fact]
    public void ReadFile_FailingAndPanickingBenchmarks_ReportedByName()
    {
        var file = Fixture("failing-go1.23.txt");

        Assert.Equal(["BenchmarkAlpha"], file.Results.Select(r => r.Name));
        Assert.Empty(file.Errors);
        var failed = Assert.Single(file.Failures, f => f.Kind == GoBenchFailureKind.Failed);
        Assert.Equal("BenchmarkFails", failed.Name);
        Assert.Contains("deliberate failure", failed.Detail);
        var panicked = Assert.Single(file.Failures, f => f.Kind == GoBenchFailureKind.Panicked);
        Assert.Equal("BenchmarkPanics", panicked.Name);
        Assert.Contains("deliberate panic", panicked.Detail);
    }

    [Fact]
    public void ReadFile_PanicOnItsOwnLine_FindsBenchmarkInStack()
    {
        const string text = """
            BenchmarkA-2   10   5 ns/op
            panic: runtime error: index out of range [3] with length 3

            goroutine 7 [running]:
            example.com/m.BenchmarkIndex.func1(0xc000010000)
            	/src/m/m_test.go:12 +0x1d
            """;

        var failure = Assert.Single(GoBenchReader.ReadText(text).Failures);

        Assert.Equal(GoBenchFailureKind.Panicked, failure.Kind);
        Assert.Equal("BenchmarkIndex", failure.Name);
        Assert.StartsWith("panic: runtime error", failure.Detail);
    }

    [Fact]
    public void ReadFile_Empty_NoResultsNoErrors()
    {
        var file = Fixture("empty.txt");

        Assert.Empty(file.Results);
        Assert.Empty(file.Errors);
        Assert.Empty(file.Failures);
    }

    [Theory]
    [InlineData("BenchmarkX/n-10", null, "BenchmarkX/n", 10)]
    [InlineData("BenchmarkX/n-10", 1, "BenchmarkX/n-10", 1)]
    [InlineData("BenchmarkX/n-10-4", 4, "BenchmarkX/n-10", 4)]
    [InlineData("BenchmarkX-", null, "BenchmarkX-", 1)]
    [InlineData("BenchmarkX", null, "BenchmarkX", 1)]
    [InlineData("BenchmarkX-0", null, "BenchmarkX-0", 1)]
    public void SplitProcs_Suffixes(string full, int? known, string name, int procs)
    {
        Assert.Equal((name, procs), GoBenchReader.SplitProcs(full, known));
    }

    [Fact]
    public void ReadText_KnownProcsOne_KeepsDashDigitsInName()
    {
        var file = GoBenchReader.ReadText("BenchmarkX/n-10  5  1 ns/op\n", options: new GoBenchReadOptions(KnownProcs: 1));

        Assert.Equal(("BenchmarkX/n-10", 1), (file.Results[0].Name, file.Results[0].Procs));
    }

    [Fact]
    public void ReadText_NoiseLines_AreSkippedWithoutErrors()
    {
        const string text = """
            === RUN   BenchmarkX
            --- BENCH: BenchmarkX-2
                x_test.go:10: a log line
            PASS
            FAIL	example.com/m	0.1s
            ok  	example.com/m	0.1s
            x_test.go:12: not a config line
            goroutine 1 [running]:
            Benchmarks are fun
            exit status 2
            """;

        var file = GoBenchReader.ReadText(text);

        Assert.Empty(file.Results);
        Assert.Empty(file.Errors);
    }
}
