using System.Text.Json;
using System.Text.Json.Serialization;
using Gate.Baselines.Keys;
using Gate.Core;
using Gate.Core.Results;

namespace Gate.Baselines.Storage;

/// <summary>
/// The baseline file (schema <c>baseline.v1</c>): the key, when it was stored, and the results file embedded
/// as it is. The results are written from their JSON text, so every number keeps its exact digits.
/// </summary>
public static class BaselineFile
{
    /// <summary>The schema version this code writes and reads.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>The schema's identifier, written as <c>$schema</c>.</summary>
    public const string SchemaId = "https://github.com/benchgate/benchgate/raw/main/schemas/baseline.v1.schema.json";

    /// <summary>The baseline as JSON text, ending with a line break.</summary>
    public static string Serialize(StoredBaseline baseline)
    {
        using var results = JsonDocument.Parse(ResultsJson.Serialize(baseline.Results));
        var document = new BaselineDocument(SchemaId, CurrentSchemaVersion, baseline.Key, baseline.StoredUtc, results.RootElement);
        return JsonSerializer.Serialize(document, BaselineJsonContext.Default.BaselineDocument) + "\n";
    }

    /// <summary>
    /// The baseline as JSON text, after checking that the text reads back to the same results: a store never
    /// writes a baseline it could not read (a <see cref="GateException"/> says why instead).
    /// </summary>
    public static string SerializeChecked(StoredBaseline baseline)
    {
        var text = Serialize(baseline);
        try
        {
            _ = Parse(text, "the new baseline");
        }
        catch (GateException e)
        {
            throw new GateException($"cannot store these results: they would not read back ({e.Message})", e);
        }
        return text;
    }

    /// <summary>Parses and checks a baseline file; any problem is a <see cref="GateException"/> naming <paramref name="source"/>.</summary>
    public static StoredBaseline Parse(string json, string source)
    {
        CheckVersion(json, source, "baseline");
        BaselineDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(json, BaselineJsonContext.Default.BaselineDocument);
        }
        catch (JsonException e)
        {
            throw Corrupt(source, "baseline", e);
        }
        if (document is null || document.Results.ValueKind != JsonValueKind.Object)
        {
            throw new GateException($"{source}: not a valid BenchGate baseline file: it has no results object");
        }
        var results = ResultsJson.Parse(document.Results.GetRawText(), source);
        return new StoredBaseline(document.Key, document.StoredUtc, results);
    }

    /// <summary>
    /// Checks that <paramref name="json"/> is complete JSON with a <c>schemaVersion</c> this code reads; a
    /// truncated or corrupted text, or one written by a newer BenchGate, is a <see cref="GateException"/>.
    /// </summary>
    internal static void CheckVersion(string json, string source, string what)
    {
        int version;
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("schemaVersion", out var property)
                || !property.TryGetInt32(out version))
            {
                throw new GateException($"{source}: not a valid BenchGate {what} file: no integer schemaVersion");
            }
        }
        catch (JsonException e)
        {
            throw Corrupt(source, what, e);
        }
        if (version > CurrentSchemaVersion)
        {
            throw new GateException($"{source}: {what} schema version {version} was written by a newer BenchGate; this one reads version {CurrentSchemaVersion}: update benchgate");
        }
        if (version < 1)
        {
            throw new GateException($"{source}: {what} schema version {version} is not valid");
        }
    }

    internal static GateException Corrupt(string source, string what, JsonException e)
    {
        var where = e.LineNumber is { } line ? $" (line {line + 1})" : "";
        return new GateException($"{source}: the {what} file is corrupted or truncated{where}; restore it (for example from version control) or delete it and run 'benchgate baseline update'", e);
    }
}

/// <summary>The baseline file's JSON shape.</summary>
internal sealed record BaselineDocument(
    [property: JsonPropertyName("$schema")] string? Schema,
    int SchemaVersion,
    BaselineKey Key,
    string StoredUtc,
    JsonElement Results);

/// <summary>Source-generated JSON metadata for the baseline file (indented, like the results file).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    IndentSize = 2,
    NewLine = "\n",
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    AllowTrailingCommas = false,
    ReadCommentHandling = JsonCommentHandling.Disallow)]
[JsonSerializable(typeof(BaselineDocument))]
internal sealed partial class BaselineJsonContext : JsonSerializerContext;
