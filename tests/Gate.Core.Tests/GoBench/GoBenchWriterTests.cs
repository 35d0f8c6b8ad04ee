using Gate.Core.GoBench;
using Gate.Core.Metrics;
using Gate.Core.Results;
using Gate.TestUtilities;

namespace Gate.Core.Tests.GoBench;

public class GoBenchWriterTests
{
    private static string Write(IEnumerable<GoBenchResult> results)
    {
        using var writer = new StringWriter();
        GoBenchWriter.Write(writer, results);
        return writer.ToString();
    }

    [Theory]
    [InlineData("examples-go1.23.txt")]
    [InlineData("edge-cases.txt")]
    [InlineData("stdlib-strconv-sort-go1.23.txt")]
    public void WriteThenRead_KeepsNamesProcsIterationsValuesAndConfig(string fixture)
    {
        var original = GoBenchReader.ReadFile(RepoPaths.Fixture("gobench", fixture));

        var again = GoBenchReader.ReadText(Write(original.Results));

        Assert.Empty(again.Errors);
        Assert.Equal(original.Results.Count, again.Results.Count);
        foreach (var (before, after) in original.Results.Zip(again.Results))
        {
            Assert.Equal((before.Name, before.Procs, before.Iterations), (after.Name, after.Procs, after.Iterations));
            Assert.Equal(before.Config.Pairs.ToArray(), after.Config.Pairs.ToArray());
            Assert.Equal(before.Values.Select(v => v.Unit), after.Values.Select(v => v.Unit));
            foreach (var (x, y) in before.Values.Zip(after.Values))
            {
                Assert.Equal(x.Value, y.Value, Math.Abs(x.Value) * 1e-15);
            }
        }
    }

    [Fact]
    public void Write_SecondsPerOp_WrittenAsNanoseconds()
    {
        var result = new GoBenchResult("BenchmarkX", 4, 100, [new GoBenchValue(1.5e-6, "sec/op"), new GoBenchValue(3, "widgets/op")], GoBenchConfig.Empty.With("pkg", "m"), 1);

        Assert.Equal("pkg: m\nBenchmarkX-4\t100\t1500 ns/op\t3 widgets/op\n", Write([result]));
    }

    [Theory]
    [InlineData("BenchmarkX/n-10", 1, "BenchmarkX/n-10-1")]
    [InlineData("BenchmarkX/n-10", 8, "BenchmarkX/n-10-8")]
    [InlineData("BenchmarkX/n", 1, "BenchmarkX/n")]
    public void NameWithProcs_NeverAmbiguous(string name, int procs, string expected)
    {
        Assert.Equal(expected, GoBenchWriter.NameWithProcs(name, procs));
        Assert.Equal((name, procs), GoBenchReader.SplitProcs(expected));
    }

    [Fact]
    public void Write_ConfigKeyRemoved_WritesEmptyValue()
    {
        var first = GoBenchConfig.Empty.With("pkg", "a").With("note", "x");
        var second = first.With("note", "");
        GoBenchResult Line(GoBenchConfig c) => new("BenchmarkX", 1, 1, [new GoBenchValue(1, "B/op")], c, 1);

        var text = Write([Line(first), Line(second)]);

        Assert.Equal("pkg: a\nnote: x\nBenchmarkX\t1\t1 B/op\nnote:\nBenchmarkX\t1\t1 B/op\n", text);
        Assert.Null(GoBenchReader.ReadText(text).Results[1].Config.Get("note"));
    }

    [Fact]
    public void ToGoBench_RealResults_KeepsEveryMetricOfEverySample()
    {
        var results = ResultsJson.ReadFile(RepoPaths.Fixture("results", "examples-go-backend.json"));

        var read = GoBenchReader.ReadText(Write(GoMetrics.ToGoBench(results)));
        var regrouped = GoMetrics.Group(read.Results);

        Assert.Empty(read.Errors);
        Assert.Equal(results.Benchmarks.Select(b => b.Key), regrouped.Select(b => b.Key));
        foreach (var (original, back) in results.Benchmarks.Zip(regrouped))
        {
            Assert.Equal(original.Metrics, back.Metrics);
            Assert.Equal(original.Samples.Count, back.Samples.Count);
            foreach (var metric in original.Metrics)
            {
                var expected = original.ValuesOf(metric.Name);
                var actual = back.ValuesOf(metric.Name);
                Assert.Equal(expected.Length, actual.Length);
                for (var i = 0; i < expected.Length; i++)
                {
                    Assert.Equal(expected[i], actual[i], Math.Abs(expected[i]) * 1e-15);
                }
            }
        }
        Assert.All(read.Results, r => Assert.Equal("AMD EPYC", r.Config.Get("cpu")));
    }
}
