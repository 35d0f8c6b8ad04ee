using System.Text.Json;
using System.Text.Json.Serialization;
using Gate.Core.Results;
using Gate.Core.Statistics;

namespace Gate.Core.Reporting;

/// <summary>
/// The comparison as JSON for machines: every number of the report (medians and intervals, changes and their
/// interval, p- and q-values, thresholds, verdicts with reasons, geomeans, environment and canary checks).
/// The same shape from <c>benchgate compare</c> and <c>benchgate check</c>; schema: schemas/comparison.v1.schema.json.
/// Infinite interval ends are null.
/// </summary>
public static class ComparisonJson
{
    /// <summary>The <c>kind</c> field: what the document is.</summary>
    public const string Kind = "benchgate-comparison";

    /// <summary>The version of this shape (changes only by adding properties).</summary>
    public const int Version = 1;

    /// <summary>The report as indented JSON text ending with a line break.</summary>
    public static string Serialize(ComparisonReport report) =>
        JsonSerializer.Serialize(ToDocument(report), ComparisonJsonContext.Default.ComparisonDocument) + "\n";

    /// <summary>Parses text written by <see cref="Serialize"/> (for tools and tests).</summary>
    public static ComparisonDocument Parse(string json) =>
        JsonSerializer.Deserialize(json, ComparisonJsonContext.Default.ComparisonDocument) ?? throw new GateException("comparison JSON is empty");

    /// <summary>The document for a report.</summary>
    public static ComparisonDocument ToDocument(ComparisonReport report) => new(
        Kind,
        Version,
        report.Options.Q,
        report.Options.Confidence,
        report.HasRegression,
        Enum.GetValues<Verdict>().ToDictionary(v => v.Name(), report.Count),
        new EnvironmentDocument(report.Environment.Compatible, report.Environment.Mismatches, report.Environment.Unchecked),
        new CanaryDocument(report.Canary.State.ToString().ToLowerInvariant(), report.Canary.Change, report.Canary.PValue, report.Canary.Summary),
        [.. report.Comparisons.Select(Row)],
        [.. report.Geomeans.Select(g => new GeomeanDocument(g.Metric.Name, g.Metric.Source.Name(), g.Old, g.New, g.Change, g.Benchmarks, g.Note))]);

    private static ComparisonRowDocument Row(MetricComparison c) => new(
        c.Package,
        c.Benchmark,
        c.Procs,
        c.Metric.Name,
        c.Metric.Source.Name(),
        c.Metric.Better == Better.Lower ? "lower" : "higher",
        c.Verdict.Name(),
        c.Reason,
        Side(c.Old),
        Side(c.New),
        c.Change?.Change,
        c.Change?.Shift,
        c.Change?.Low,
        c.Change?.High,
        c.PValue,
        c.QValue,
        c.Method switch
        {
            null => null,
            MannWhitneyMethod.Exact => "exact",
            MannWhitneyMethod.ExactWithTies => "exact-ties",
            MannWhitneyMethod.NormalApproximation => "normal",
            _ => "all-equal",
        },
        c.Deterministic,
        c.Threshold.ToString(),
        c.Warnings);

    private static SideDocument? Side(SampleSummary? s) => s is null
        ? null
        : new SideDocument(s.Count, s.Median, Finite(s.Low), Finite(s.High), s.Confidence, s.RelativeSpread);

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}

/// <summary>The JSON document of a comparison.</summary>
public sealed record ComparisonDocument(
    string Kind,
    int Version,
    double Q,
    double Confidence,
    bool HasRegression,
    IReadOnlyDictionary<string, int> Counts,
    EnvironmentDocument Environment,
    CanaryDocument Canary,
    IReadOnlyList<ComparisonRowDocument> Comparisons,
    IReadOnlyList<GeomeanDocument> Geomeans);

/// <summary>The environment check.</summary>
public sealed record EnvironmentDocument(bool Compatible, IReadOnlyList<string> Mismatches, IReadOnlyList<string> Unchecked);

/// <summary>The canary check: state is missing, steady, moved or unstable.</summary>
public sealed record CanaryDocument(string State, double? Change, double? PValue, string Summary);

/// <summary>One side of a row: sample count, median and its confidence interval (null ends are infinite).</summary>
public sealed record SideDocument(int N, double Median, double? Low, double? High, double Confidence, double? RelativeSpread);

/// <summary>One (benchmark, metric) comparison; changes are fractions (0.05 = +5 %).</summary>
public sealed record ComparisonRowDocument(
    string Package,
    string Benchmark,
    int Procs,
    string Metric,
    string Source,
    string Better,
    string Verdict,
    string Reason,
    SideDocument? Old,
    SideDocument? New,
    double? Change,
    double? Shift,
    double? ShiftLow,
    double? ShiftHigh,
    double? PValue,
    double? QValue,
    string? Method,
    bool Deterministic,
    string Threshold,
    IReadOnlyList<string> Warnings);

/// <summary>A geomean row.</summary>
public sealed record GeomeanDocument(string Metric, string Source, double? Old, double? New, double? Change, int Benchmarks, string? Note);

/// <summary>Source-generated JSON metadata for the comparison document.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    IndentSize = 2,
    NewLine = "\n",
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ComparisonDocument))]
internal sealed partial class ComparisonJsonContext : JsonSerializerContext;
