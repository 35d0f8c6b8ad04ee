using System.Text.Json;
using Gate.Baselines.History;
using Gate.Baselines.Keys;
using Gate.Baselines.Storage;
using Gate.Baselines.Tests.Support;
using Gate.TestUtilities;
using Json.Schema;

namespace Gate.Baselines.Tests.Storage;

/// <summary>The baseline and history files against their shipped schemas (schemas/baseline*.json).</summary>
public class BaselineSchemaTests
{
    private static JsonSchema Load(string file, BuildOptions options) =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(RepoPaths.Root, "schemas", file)), options);

    private static (JsonSchema Baseline, JsonSchema History) Schemas()
    {
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        Load("results.v1.schema.json", options);
        return (Load("baseline.v1.schema.json", options), Load("baseline-history.v1.schema.json", options));
    }

    private static bool Valid(JsonSchema schema, string json)
    {
        using var document = JsonDocument.Parse(json);
        return schema.Evaluate(document.RootElement, new EvaluationOptions()).IsValid;
    }

    private static StoredBaseline Baseline(string fixture)
    {
        var results = SampleResults.Fixture(fixture);
        return new StoredBaseline(BaselineKey.For(results, "owner/repo", results.Environment.GitBranch!), "2026-01-01T00:00:00Z", results);
    }

    [Theory]
    [InlineData("examples-go1.23.results.json")]
    [InlineData("edge-numbers.results.json")]
    public void Serialize_Fixture_IsValidAgainstTheSchemas(string fixture)
    {
        // Given a baseline and its history entry
        var baseline = Baseline(fixture);
        var (baselineSchema, historySchema) = Schemas();

        // Then what the store writes passes the schemas
        Assert.True(Valid(baselineSchema, BaselineFile.Serialize(baseline)));
        Assert.True(Valid(historySchema, HistoryFile.Line(HistoryEntry.From(baseline.Results, baseline.StoredUtc))));
    }

    [Theory]
    [InlineData("\"schemaVersion\": 1,", "\"schemaVersion\": 2,")]
    [InlineData("\"repository\": \"owner/repo\"", "\"repository\": \"../x\"")]
    [InlineData("\"backend\": \"go\",\n    \"environment\"", "\"environment\"")]
    [InlineData("\"iterations\": 1951", "\"iterations\": 0")]
    public void Serialize_DamagedFile_IsRejectedByTheSchema(string from, string to)
    {
        var (baselineSchema, _) = Schemas();
        var text = BaselineFile.Serialize(Baseline("examples-go1.23.results.json"));
        Assert.Contains(from, text, StringComparison.Ordinal);

        Assert.False(Valid(baselineSchema, text.Replace(from, to, StringComparison.Ordinal)));
    }

    [Fact]
    public void SerializeThenParse_Baseline_ReproducesTheFileByteForByte()
    {
        var text = BaselineFile.Serialize(Baseline("edge-numbers.results.json"));

        Assert.Equal(text, BaselineFile.Serialize(BaselineFile.Parse(text, "test")));
    }

    [Fact]
    public void Append_ExistingHistory_KeepsEveryExistingByte()
    {
        // Given a history file with an entry written by hand-formatted JSON (as a newer writer might)
        var existing = "{\"schemaVersion\":1, \"commit\":\"a\", \"branch\":null, \"startedUtc\":null, \"storedUtc\":\"t\", \"benchmarks\":[]}\n";
        var entry = HistoryEntry.From(SampleResults.Synthetic("b", 1e-6), "u");

        // When an entry is appended
        var appended = HistoryFile.Append(existing, entry);

        // Then the old text is a prefix, and both entries read back
        Assert.StartsWith(existing, appended, StringComparison.Ordinal);
        Assert.Equal(["a", "b"], HistoryFile.Parse(appended, "test").Select(e => e.Commit));
    }
}
