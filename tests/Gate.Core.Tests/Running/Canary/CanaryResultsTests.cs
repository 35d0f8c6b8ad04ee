using System.Text.Json;
using Gate.Core.Results;
using Gate.TestUtilities;
using Json.Schema;

namespace Gate.Core.Tests.Running.Canary;

public class CanaryResultsTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromFile(Path.Combine(RepoPaths.Root, "schemas", "results.v1.schema.json"), new BuildOptions { SchemaRegistry = new SchemaRegistry() });

    private static RunResults WithCanary(CanaryRecord? canary) =>
        new(RunResults.SchemaId, 1, new RunEnvironment("linux", "amd64", "go", ["run"]), [], []) { Canary = canary };

    [Fact]
    public void Serialize_Canary_SchemaAcceptsAndReadsBack()
    {
        var results = WithCanary(new CanaryRecord("benchgate-canary-v1", 26301, [1.5e-6, 1.6e-6, 1.55e-6]));

        var json = ResultsJson.Serialize(results);

        Assert.True(Schema.Evaluate(JsonDocument.Parse(json).RootElement).IsValid);
        var canary = ResultsJson.Parse(json, "test").Canary!;
        Assert.Equal(("benchgate-canary-v1", 26301L), (canary.Name, canary.Iterations));
        Assert.Equal([1.5e-6, 1.6e-6, 1.55e-6], canary.SecondsPerOp);
    }

    [Fact]
    public void Serialize_NoCanary_PropertyAbsent()
    {
        var json = ResultsJson.Serialize(WithCanary(null));

        Assert.DoesNotContain("canary", json);
        Assert.True(Schema.Evaluate(JsonDocument.Parse(json).RootElement).IsValid);
    }

    [Theory]
    [InlineData("""{ "name": "c", "iterations": 0, "secondsPerOp": [1e-6] }""")]
    [InlineData("""{ "name": "c", "iterations": 10, "secondsPerOp": [-1] }""")]
    [InlineData("""{ "name": "", "iterations": 10, "secondsPerOp": [] }""")]
    [InlineData("""{ "iterations": 10, "secondsPerOp": [] }""")]
    public void Schema_InvalidCanary_Rejected(string canary)
    {
        var json = ResultsJson.Serialize(WithCanary(null)).TrimEnd().TrimEnd('}') + ", \"canary\": " + canary + " }";

        Assert.False(Schema.Evaluate(JsonDocument.Parse(json).RootElement).IsValid);
    }
}
