using System.Text.Json;
using Gate.Core.Results;
using Gate.TestUtilities;
using Json.Schema;

namespace Gate.Core.Tests.Results;

public class ResultsJsonTests
{
    private static readonly string FixturePath = RepoPaths.Fixture("results", "examples-go-backend.json");
    private static readonly JsonSchema Schema = JsonSchema.FromFile(Path.Combine(RepoPaths.Root, "schemas", "results.v1.schema.json"), new BuildOptions { SchemaRegistry = new SchemaRegistry() });

    private static bool Valid(string json) => Schema.Evaluate(JsonDocument.Parse(json).RootElement).IsValid;

    [Fact]
    public void ReadThenSerialize_RealResultsFile_ReproducesItByteForByte()
    {
        var text = File.ReadAllText(FixturePath);

        var again = ResultsJson.Serialize(ResultsJson.Parse(text, FixturePath));

        Assert.Equal(text, again);
    }

    [Fact]
    public void Schema_AcceptsRealAndSerializedResults()
    {
        var text = File.ReadAllText(FixturePath);

        Assert.True(Valid(text));
        Assert.True(Valid(ResultsJson.Serialize(ResultsJson.Parse(text, FixturePath))));
    }

    [Theory]
    [InlineData("\"schemaVersion\": 1", "\"schemaVersion\": 2")]
    [InlineData("\"source\": \"go\"", "\"source\": \"gpu\"")]
    [InlineData("\"better\": \"lower\"", "\"better\": \"down\"")]
    [InlineData("\"procs\": 2", "\"procs\": 0")]
    [InlineData("\"backend\": \"go\"", "\"backend\": \"stopwatch\"")]
    [InlineData("\"goos\": \"linux\",", "")]
    public void Schema_RejectsInvalidFiles(string from, string to)
    {
        var text = File.ReadAllText(FixturePath);
        Assert.Contains(from, text);

        Assert.False(Valid(ReplaceFirst(text, from, to)));
    }

    [Fact]
    public void Schema_RejectsStringValues()
    {
        var text = File.ReadAllText(FixturePath);
        var broken = System.Text.RegularExpressions.Regex.Replace(text, "\"allocs/op\": (\\d+)", "\"allocs/op\": \"$1\"", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));

        Assert.False(Valid(broken));
    }

    [Theory]
    [InlineData("\"schemaVersion\": 1", "\"schemaVersion\": 7", "schema version 7 was written by a newer BenchGate")]
    [InlineData("\"procs\": 2", "\"procs\": 0", "iterations and procs must be positive")]
    [InlineData("\"source\": \"go\"", "\"source\": \"gpu\"", "not a valid BenchGate results file at $.benchmarks[0].metrics[0].source")]
    [InlineData("\"goos\": \"linux\",", "", "not a valid BenchGate results file")]
    public void Parse_InvalidFile_GateExceptionNamesTheProblem(string from, string to, string expected)
    {
        var text = ReplaceFirst(File.ReadAllText(FixturePath), from, to);

        var error = Assert.Throws<GateException>(() => ResultsJson.Parse(text, "r.json"));

        Assert.StartsWith("r.json: ", error.Message);
        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("\"NaN\"")]
    [InlineData("1e999")]
    public void Parse_NonFiniteValue_Rejected(string value)
    {
        var text = System.Text.RegularExpressions.Regex.Replace(
            File.ReadAllText(FixturePath), "\"B/op\": \\d+", "\"B/op\": " + value, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));

        var error = Assert.Throws<GateException>(() => ResultsJson.Parse(text, "r.json"));

        Assert.StartsWith("r.json: ", error.Message);
    }

    [Fact]
    public void Parse_TruncatedFile_Rejected()
    {
        var text = File.ReadAllText(FixturePath);

        var error = Assert.Throws<GateException>(() => ResultsJson.Parse(text[..(text.Length / 2)], "r.json"));

        Assert.Contains("not a valid BenchGate results file", error.Message);
    }

    [Fact]
    public void Parse_UndeclaredMetricInSample_Rejected()
    {
        var text = ReplaceFirst(File.ReadAllText(FixturePath), "\"B/op\":", "\"X/op\":");

        var error = Assert.Throws<GateException>(() => ResultsJson.Parse(text, "r.json"));

        Assert.Contains("metric X/op, which the benchmark does not declare", error.Message);
    }

    [Fact]
    public void WriteFile_Atomic_NoTemporaryFilesLeft()
    {
        using var temp = new TempDirectory();
        var results = ResultsJson.ReadFile(FixturePath);
        var path = temp.Combine("out.json");

        ResultsJson.WriteFile(path, results);

        Assert.Equal(File.ReadAllText(FixturePath), File.ReadAllText(path));
        Assert.Equal(["out.json"], Directory.GetFiles(temp.Path).Select(Path.GetFileName));
    }

    private static string ReplaceFirst(string text, string from, string to)
    {
        var at = text.IndexOf(from, StringComparison.Ordinal);
        return text[..at] + to + text[(at + from.Length)..];
    }
}
