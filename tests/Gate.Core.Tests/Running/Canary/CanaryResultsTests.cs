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
    public void Serialize_CanaryWithMemoryPhase_SchemaAcceptsAndReadsBack()
    {
        var results = WithCanary(new CanaryRecord("benchgate-canary-v1", 26301, [1.5e-6]) { Memory = new CanaryRecord("benchgate-memory-canary-v1", 2900, [1.1e-5, 1.2e-5]) });

        var json = ResultsJson.Serialize(results);

        Assert.True(Schema.Evaluate(JsonDocument.Parse(json).RootElement).IsValid);
        var memory = ResultsJson.Parse(json, "test").Canary!.Memory!;
        Assert.Equal(("benchgate-memory-canary-v1", 2900L), (memory.Name, memory.Iterations));
        Assert.Equal([1.1e-5, 1.2e-5], memory.SecondsPerOp);
        Assert.Null(memory.Memory);
    }

    [Fact]
    public void Pool_ThreeShards_TimingsOfBothPhasesJoinedInOrder()
    {
        static CanaryRecord Shard(double t) => new("benchgate-canary-v1", 100, [t]) { Memory = new CanaryRecord("benchgate-memory-canary-v1", 10, [t * 10]) };

        var pooled = CanaryRecord.Pool([Shard(1), Shard(2), Shard(3)])!;

        Assert.Equal([1.0, 2, 3], pooled.SecondsPerOp);
        Assert.Equal([10.0, 20, 30], pooled.Memory!.SecondsPerOp);
        Assert.Null(CanaryRecord.Pool([Shard(1), Shard(2) with { Iterations = 99 }]));
        Assert.Null(CanaryRecord.Pool([Shard(1), Shard(2) with { Memory = null }])!.Memory);
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
