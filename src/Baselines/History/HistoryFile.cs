using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Gate.Baselines.Storage;
using Gate.Core;

namespace Gate.Baselines.History;

/// <summary>
/// The history file: JSON Lines, one <see cref="HistoryEntry"/> per line, oldest first. Appending keeps every
/// existing line byte for byte, so the file diffs as added lines.
/// </summary>
public static class HistoryFile
{
    /// <summary>One entry as one line of JSON, with its line break.</summary>
    public static string Line(HistoryEntry entry) => JsonSerializer.Serialize(entry, HistoryJsonContext.Default.HistoryEntry) + "\n";

    /// <summary>The text of <paramref name="existing"/> with <paramref name="entry"/> appended.</summary>
    public static string Append(string existing, HistoryEntry entry)
    {
        var text = new StringBuilder(existing);
        if (text.Length > 0 && text[^1] != '\n')
        {
            text.Append('\n');
        }
        return text.Append(Line(entry)).ToString();
    }

    /// <summary>The newest <paramref name="keep"/> lines of <paramref name="text"/>, and how many were dropped.</summary>
    public static (string Text, int Removed) KeepNewest(string text, int keep)
    {
        var lines = Lines(text);
        var removed = Math.Max(0, lines.Count - keep);
        return (string.Concat(lines.Skip(removed).Select(l => l + "\n")), removed);
    }

    /// <summary>Parses and checks every line; a bad line is a <see cref="GateException"/> with its line number.</summary>
    public static IReadOnlyList<HistoryEntry> Parse(string text, string source)
    {
        var entries = new List<HistoryEntry>();
        var number = 0;
        foreach (var line in text.Split('\n'))
        {
            number++;
            if (line.Trim().Length == 0)
            {
                continue;
            }
            var where = $"{source} line {number}";
            BaselineFile.CheckVersion(line, where, "history");
            try
            {
                entries.Add(JsonSerializer.Deserialize(line, HistoryJsonContext.Default.HistoryEntry)
                    ?? throw new GateException($"{where}: a history entry is null"));
            }
            catch (JsonException e)
            {
                throw BaselineFile.Corrupt(where, "history", e);
            }
        }
        return entries;
    }

    private static List<string> Lines(string text) => [.. text.Split('\n').Where(l => l.Trim().Length > 0)];
}

/// <summary>
/// Source-generated JSON metadata for history lines (compact: one entry per line). Nulls are written
/// (<c>"branch":null</c>): every property is required on reading, so an entry from a detached HEAD stays readable.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = false,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    AllowTrailingCommas = false,
    ReadCommentHandling = JsonCommentHandling.Disallow)]
[JsonSerializable(typeof(HistoryEntry))]
internal sealed partial class HistoryJsonContext : JsonSerializerContext;
