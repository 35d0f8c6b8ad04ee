using Gate.Core.GoBench;
using Gate.TestUtilities;

namespace Gate.Core.Tests.GoBench;

/// <summary>The reader on output that real go test prints now, on this machine.</summary>
[Trait(Traits.Category, Traits.Slow)]
public class GoBenchReaderRealOutputTests
{
    [Fact]
    public void Read_StandardLibraryBenchmarks_RunForReal()
    {
        using var temp = new TempDirectory();
        var outcome = Tools.Run(Tools.Go, temp.Path, "test", "-run", "^$", "-bench", "^(BenchmarkAtoi|BenchmarkSearchWrappers|BenchmarkSortInts)$", "-benchmem", "-benchtime", "50x", "strconv", "sort");

        var file = GoBenchReader.ReadText(outcome.Stdout + outcome.Stderr, "go test");

        Assert.Empty(file.Errors);
        Assert.Empty(file.Failures);
        var strconv = file.Results.Where(r => r.Package == "strconv").ToList();
        var sort = file.Results.Where(r => r.Package == "sort").ToList();
        Assert.Contains(strconv, r => r.Name == "BenchmarkAtoi/Pos/7bit");
        Assert.Contains(strconv, r => r.Name == "BenchmarkAtoi/Neg/63bit");
        Assert.Contains(sort, r => r.Name == "BenchmarkSearchWrappers");
        Assert.Contains(sort, r => r.Name == "BenchmarkSortInts");
        Assert.All(file.Results, r =>
        {
            Assert.Equal(50, r.Iterations);
            Assert.Equal(Environment.ProcessorCount == 1 ? 1 : Environment.ProcessorCount, r.Procs);
            Assert.Equal(["sec/op", "B/op", "allocs/op"], r.Values.Select(v => v.Unit));
            Assert.InRange(r.ValueOf("sec/op")!.Value, 1e-10, 1);
            Assert.Equal("linux", r.Config.Get("goos"));
        });
    }

    [Fact]
    public void Read_ExamplesModule_RunForRealIncludingCustomMetricAndSubBenchmarks()
    {
        var outcome = Tools.Run(Tools.Go, RepoPaths.Examples, "test", "-run", "^$", "-bench", ".", "-benchmem", "-benchtime", "20x", "./...");

        var file = GoBenchReader.ReadText(outcome.Stdout, "go test");

        Assert.Empty(file.Errors);
        Assert.Equal(
            ["BenchmarkClassify", "BenchmarkPointerChase", "BenchmarkSequentialSum", "BenchmarkEncode/size=64", "BenchmarkEncode/size=4096", "BenchmarkWordFreq"],
            file.Results.Select(r => r.Name));
        Assert.Equal(4, file.Results.Select(r => r.Package).Distinct().Count());
        var encode = file.Results.Single(r => r.Name == "BenchmarkEncode/size=4096");
        Assert.InRange(encode.ValueOf("ratio")!.Value, 0.28, 0.29);
        Assert.True(encode.ValueOf("MB/s") > 0);
        Assert.True(file.Results.Single(r => r.Name == "BenchmarkWordFreq").ValueOf("allocs/op") >= 100);
    }
}
