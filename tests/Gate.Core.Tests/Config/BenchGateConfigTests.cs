using System.Text.Json;
using Gate.Core.Config;
using Gate.Core.Counters;
using Gate.Core.Results;
using Gate.Core.Statistics;
using Gate.TestUtilities;
using Json.Schema;

namespace Gate.Core.Tests.Config;

public class BenchGateConfigTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromFile(Path.Combine(RepoPaths.Root, "schemas", "benchgate.schema.json"), new BuildOptions { SchemaRegistry = new SchemaRegistry() });

    public static TheoryData<string> Valid => Files("valid-");

    public static TheoryData<string> Invalid => Files("invalid-");

    private static TheoryData<string> Files(string prefix)
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Fixture("compare", "config"), prefix + "*.json").Order())
        {
            data.Add(Path.GetFileName(file));
        }
        return data;
    }

    private static bool SchemaAccepts(string file) =>
        Schema.Evaluate(JsonDocument.Parse(File.ReadAllText(RepoPaths.Fixture("compare", "config", file))).RootElement).IsValid;

    [Theory]
    [MemberData(nameof(Valid))]
    public void SchemaAndReader_ValidFile_BothAccept(string file)
    {
        Assert.True(SchemaAccepts(file), file);
        var config = BenchGateConfig.Read(RepoPaths.Fixture("compare", "config", file));
        Assert.NotNull(config.ToCompareOptions(file));
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void SchemaAndReader_InvalidFile_BothReject(string file)
    {
        Assert.False(SchemaAccepts(file), file);
        var error = Assert.Throws<GateException>(() => BenchGateConfig.Read(RepoPaths.Fixture("compare", "config", file)));
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void ToCompareOptions_FullFile_EverySettingApplies()
    {
        var config = BenchGateConfig.Read(RepoPaths.Fixture("compare", "config", "valid-full.json"));

        var options = config.ToCompareOptions("valid-full.json");

        Assert.Equal(0.1, options.Q);
        Assert.Equal("never", config.FailOn);
        Assert.Equal(new CanaryPolicy(0.01, 0.1, 1.5), options.Canary);
        var time = BackendMetrics.Catalog.Find(MetricSource.Go, "sec/op");
        Assert.Equal("3%", options.Thresholds.For(new("example.com/m", "BenchmarkParse", time)).ToString());
        Assert.Equal("10%", options.Thresholds.For(new("example.com/m", "BenchmarkEncode/size=64", time)).ToString());
        Assert.Equal("20%", options.Thresholds.For(new("example.com/m", "BenchmarkHuge", time)).ToString());
        Assert.Equal("5%|+64", options.Thresholds.For(new("example.com/m", "BenchmarkParse", BackendMetrics.Catalog.Find(MetricSource.Go, "B/op"))).ToString());
        Assert.Equal("12", config.Run!.Samples);
        Assert.Equal(["./..."], config.Run.Packages);
    }

    [Theory]
    [InlineData("{", "not a valid benchgate.json")]
    [InlineData("{\"q\": \"high\"}", "at $.q")]
    [InlineData("null", "it is null")]
    public void Parse_Malformed_OneLineMessage(string json, string expected)
    {
        var error = Assert.Throws<GateException>(() => BenchGateConfig.Parse(json, "benchgate.json"));

        Assert.Contains(expected, error.Message);
        Assert.StartsWith("benchgate.json: ", error.Message);
    }
}
