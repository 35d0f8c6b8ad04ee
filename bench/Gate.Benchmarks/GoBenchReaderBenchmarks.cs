using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Gate.Core.GoBench;

namespace Gate.Benchmarks;

/// <summary>How fast the Go benchmark format reader is: 100,000 result lines, as go test prints them.</summary>
[MemoryDiagnoser]
public class GoBenchReaderBenchmarks
{
    private string _text = "";

    /// <summary>Result lines in the text.</summary>
    [Params(100_000)]
    public int Lines { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var text = new StringBuilder();
        text.Append("goos: linux\ngoarch: amd64\npkg: example.com/m\ncpu: AMD EPYC\n");
        for (var i = 0; i < Lines; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"BenchmarkEncode/size={i % 97}-8   \t  {1000 + i}\t   {123.4 + i % 1000 * 0.37:0.##} ns/op\t  {i % 512} B/op\t  {i % 7} allocs/op\t {0.3 + i % 10 * 0.01:0.###} ratio\n");
            if (i % 1000 == 999)
            {
                text.Append("PASS\nok  \texample.com/m\t1.234s\npkg: example.com/m").Append(i / 1000).Append('\n');
            }
        }
        _text = text.ToString();
    }

    [Benchmark]
    public int Read() => GoBenchReader.ReadText(_text).Results.Count;
}
