using System.Text.Json;
using Gate.Core.Results;
using Gate.TestUtilities;
using Json.Schema;

namespace Gate.Core.Tests.Counters;

public class PerfResultsSchemaTests
{
    private static RunResults PerfResults() => new(
        RunResults.SchemaId,
        RunResults.CurrentSchemaVersion,
        new RunEnvironment("linux", "amd64", "perf", ["run", "--backend", "perf"], "AMD EPYC", "go1.23.5", "6.18", "benchgate.example/examples", "9eddba8bec9262f681a5d4d93d21ff3f17b5f1d3", "perf", "2026-11-27T08:00:00Z")
        {
            PerfVersion = "6.1.187",
            UnsupportedEvents = [new UnsupportedEvent("cycles", "not supported on this machine (virtual machine without a PMU)")],
        },
        [
            new BenchmarkResult(
                "benchgate.example/examples/codec",
                "BenchmarkEncode/size=64",
                2,
                1000,
                [new MetricInfo("sec/op", MetricSource.Go, Better.Lower), new MetricInfo("task-clock-sec/op", MetricSource.PerfSw, Better.Lower)],
                [new Sample(new Dictionary<string, double> { ["sec/op"] = 1.5e-7, ["task-clock-sec/op"] = 1.4e-7 }, ["multiplexed"])]),
        ],
        []);

    private static EvaluationResults Evaluate(string json)
    {
        var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(RepoPaths.Root, "schemas", "results.v1.schema.json")), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        using var document = JsonDocument.Parse(json);
        return schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    [Fact]
    public void Schema_PerfResultsWithUnsupportedEventsAndFlags_AreValidAndRoundTrip()
    {
        var json = ResultsJson.Serialize(PerfResults());

        var evaluation = Evaluate(json);
        var read = ResultsJson.Parse(json, "perf.json");

        Assert.True(evaluation.IsValid, json);
        Assert.Equal("6.1.187", read.Environment.PerfVersion);
        Assert.Equal(new UnsupportedEvent("cycles", "not supported on this machine (virtual machine without a PMU)"), Assert.Single(read.Environment.UnsupportedEvents!));
        Assert.Equal(json, ResultsJson.Serialize(read));
    }

    [Fact]
    public void Schema_UnsupportedEventWithoutReason_IsInvalid()
    {
        var json = ResultsJson.Serialize(PerfResults()).Replace("\"reason\": \"not supported on this machine (virtual machine without a PMU)\"", "\"why\": \"x\"", StringComparison.Ordinal);

        Assert.False(Evaluate(json).IsValid);
    }
}
