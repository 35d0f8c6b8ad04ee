using System.Text.Json;
using System.Text.Json.Serialization;
using Gate.Core.Reporting;

namespace Gate.Core.Doctor;

/// <summary>Everything <c>benchgate doctor</c> found, check by check.</summary>
public sealed record DoctorReport(IReadOnlyList<DoctorFinding> Findings)
{
    /// <summary>True when a finding says BenchGate cannot measure here.</summary>
    [JsonIgnore]
    public bool HasFailure => Findings.Any(f => f.Status == DoctorStatus.Fail);

    /// <summary>The report as an aligned table: check, item, status, value, detail.</summary>
    public string ToTable()
    {
        var table = new TextTable(["check", "item", "status", "value", "detail"], leftAligned: 5);
        foreach (var finding in Findings)
        {
            table.Add([finding.Check, finding.Item, Status(finding.Status), finding.Value, finding.Detail ?? ""]);
        }
        return table.Render();
    }

    /// <summary>The report as JSON: <c>{"findings": [{"check", "item", "status", "value", "detail"}…]}</c>.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, DoctorJsonContext.WithResultsStyle.DoctorReport) + "\n";

    private static string Status(DoctorStatus status) => status switch
    {
        DoctorStatus.Ok => "ok",
        DoctorStatus.Warn => "warn",
        _ => "FAIL",
    };
}

/// <summary>Source-generated JSON metadata for the doctor's report, written in the results file's style.</summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(DoctorReport))]
internal sealed partial class DoctorJsonContext : JsonSerializerContext
{
    /// <summary>The context with the results file's options (camelCase, indented by two, enums as strings, nulls left out).</summary>
    public static DoctorJsonContext WithResultsStyle { get; } = new(new JsonSerializerOptions(Results.ResultsJsonContext.Default.Options));
}
