using System.Text.Json;
using System.Text.Json.Serialization;
using Gate.Core.Counters;
using Gate.Core.IO;
using Gate.Core.Metrics;
using Gate.Core.Statistics;

namespace Gate.Core.Config;

/// <summary>
/// <c>benchgate.json</c>: what the command-line flags hold, so that a repository states its gate once.
/// Every property is optional; a host's own values (flags, MSBuild properties, action inputs) win
/// (<see cref="SettingsResolver"/>). Schema: schemas/benchgate.schema.json.
/// </summary>
public sealed record BenchGateConfig
{
    /// <summary>The file name, looked for as <see cref="ConfigFileLocation"/> says.</summary>
    public const string FileName = "benchgate.json";

    /// <summary>The schema's identifier.</summary>
    public const string SchemaId = "https://github.com/benchgate/benchgate/raw/main/schemas/benchgate.schema.json";

    /// <summary>The schema reference, <c>$schema</c>.</summary>
    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }

    /// <summary>False discovery rate for Benjamini–Hochberg (default 0.05).</summary>
    public double? Q { get; init; }

    /// <summary><c>regression</c> (default): exit code 1 on a regression; <c>never</c>: always 0.</summary>
    public string? FailOn { get; init; }

    /// <summary>Thresholds per metric: <c>"sec/op": "5%"</c>, <c>"allocs/op": "+1"</c>, <c>"sim:instructions/op": "1%"</c>.</summary>
    public IReadOnlyDictionary<string, string>? Thresholds { get; init; }

    /// <summary>Thresholds per benchmark name pattern; the last match wins.</summary>
    public IReadOnlyList<ThresholdOverrideConfig>? Overrides { get; init; }

    /// <summary>When the machine-speed canary counts as moved.</summary>
    public CanaryConfig? Canary { get; init; }

    /// <summary>What <c>benchgate run</c> and <c>check</c> measure.</summary>
    public RunConfig? Run { get; init; }

    /// <summary>Where baselines live: <c>dir:PATH</c> or <c>nuget:SOURCE</c> (default <c>dir:.benchgate</c>).</summary>
    public string? Store { get; init; }

    /// <summary>The branch whose baseline a check compares with (default: GITHUB_BASE_REF, else main).</summary>
    public string? BaselineBranch { get; init; }

    /// <summary>The repository of the baseline, owner/name (default: GITHUB_REPOSITORY, else the origin remote, else the folder name).</summary>
    public string? Repository { get; init; }

    /// <summary>This file's settings as a layer for <see cref="SettingsResolver"/>; <paramref name="source"/> names the file in messages.</summary>
    public SettingLayer ToLayer(string source) =>
        new SettingLayer(SettingHost.ConfigFile, source)
            .WithList(Settings.Packages, Run?.Packages)
            .With(Settings.Directory, Run?.Dir)
            .With(Settings.Bench, Run?.Bench)
            .With(Settings.Backend, Run?.Backend)
            .With(Settings.Samples, Run?.Samples)
            .With(Settings.SampleTime, Run?.SampleTime)
            .With(Settings.Jobs, Run?.Jobs)
            .With(Settings.Events, Run?.Events)
            .With(Settings.CacheModel, Run?.CacheModel)
            .With(Settings.FailOn, FailOn)
            .With(Settings.Store, Store)
            .With(Settings.BaselineBranch, BaselineBranch)
            .With(Settings.Repository, Repository);

    /// <summary>Reads and validates a configuration file; problems are one-line <see cref="GateException"/>s.</summary>
    public static BenchGateConfig Read(string path) => Parse(FileText.Read(path), path);

    /// <summary>Parses and validates configuration text.</summary>
    public static BenchGateConfig Parse(string json, string source)
    {
        BenchGateConfig? config;
        try
        {
            config = JsonSerializer.Deserialize(json, BenchGateConfigContext.Default.BenchGateConfig);
        }
        catch (JsonException e)
        {
            var where = e.Path is null or "$" ? "" : $" at {e.Path}";
            var message = e.Message.Split(". ", 2)[0];
            throw new GateException(GateErrorKind.Configuration, $"{source}: not a valid benchgate.json{where}: {message}");
        }
        if (config is null)
        {
            throw new GateException(GateErrorKind.Configuration, $"{source}: not a valid benchgate.json: it is null");
        }
        config.Validate(source);
        return config;
    }

    /// <summary>The compare options this configuration sets (defaults for what it leaves out).</summary>
    public CompareOptions ToCompareOptions(string source)
    {
        var metrics = (Thresholds ?? new Dictionary<string, string>())
            .ToDictionary(p => p.Key, p => Threshold.Parse(p.Value, $"{source}: thresholds.{p.Key}"));
        var overrides = (Overrides ?? [])
            .Select((o, i) => new ThresholdOverride(o.Benchmark, o.Metric, o.Package, Threshold.Parse(o.Threshold, $"{source}: overrides[{i}]")))
            .ToList();
        var policy = new CanaryPolicy();
        if (Canary is not null)
        {
            policy = new CanaryPolicy(
                Canary.Alpha ?? policy.Alpha,
                Canary.Tolerance is null ? policy.Tolerance : Threshold.Parse(Canary.Tolerance, $"{source}: canary.tolerance").Relative ?? policy.Tolerance,
                Canary.InstabilityRatio ?? policy.InstabilityRatio);
        }
        return new CompareOptions
        {
            Q = Q ?? CompareOptions.DefaultQ,
            Thresholds = new Thresholds(metrics, overrides),
            Canary = policy,
            Metrics = BackendMetrics.Catalog,
        };
    }

    private void Validate(string source)
    {
        if (Q is { } q && !(q > 0 && q < 1))
        {
            throw new GateException(GateErrorKind.Configuration, $"{source}: q must be between 0 and 1 (got {q})");
        }
        SettingsResolver.Check(ToLayer(source));
        for (var i = 0; i < (Overrides?.Count ?? 0); i++)
        {
            if (string.IsNullOrEmpty(Overrides![i].Benchmark))
            {
                throw new GateException(GateErrorKind.Configuration, $"{source}: overrides[{i}] needs a benchmark pattern");
            }
        }
        try
        {
            _ = ToCompareOptions(source);
        }
        catch (GateException e)
        {
            throw e.Classified(GateErrorKind.Configuration);
        }
    }
}

/// <summary>A threshold for the benchmarks whose names match a glob.</summary>
/// <param name="Benchmark">Glob on the full benchmark name (<c>*</c>, <c>?</c>), for example <c>BenchmarkParse/*</c>.</param>
/// <param name="Threshold">For example <c>10%</c>.</param>
/// <param name="Metric">Metric name (or <c>source:name</c>); null for every metric.</param>
/// <param name="Package">Glob on the import path; null for every package.</param>
public sealed record ThresholdOverrideConfig(string Benchmark, string Threshold, string? Metric = null, string? Package = null);

/// <summary>Canary settings.</summary>
/// <param name="Alpha">Significance level of the canary test (default 0.05).</param>
/// <param name="Tolerance">Smallest change of the canary that counts, for example <c>5%</c>.</param>
/// <param name="InstabilityRatio">Largest/smallest canary timing within one run from which that run counts as unstable (default 1.3).</param>
public sealed record CanaryConfig(double? Alpha = null, string? Tolerance = null, double? InstabilityRatio = null);

/// <summary>What to measure: the flags of <c>benchgate run</c>.</summary>
/// <param name="Packages">Go package patterns.</param>
/// <param name="Bench">The -bench regular expression.</param>
/// <param name="Backend">go, perf or cachegrind.</param>
/// <param name="Samples">Samples per benchmark: a number, <c>auto</c> or <c>auto:MAX</c> (written as a JSON number or string).</param>
/// <param name="SampleTime">Target duration of one sample (Go duration).</param>
/// <param name="Dir">Directory of the Go module.</param>
/// <param name="Jobs">Benchmarks measured at the same time (a JSON number).</param>
/// <param name="Events">perf events to count, comma-separated (backend perf).</param>
/// <param name="CacheModel">The cache geometry cachegrind simulates.</param>
public sealed record RunConfig(
    IReadOnlyList<string>? Packages = null,
    string? Bench = null,
    string? Backend = null,
    [property: JsonConverter(typeof(NumberOrTextConverter))] string? Samples = null,
    string? SampleTime = null,
    string? Dir = null,
    [property: JsonConverter(typeof(NumberOrTextConverter))] string? Jobs = null,
    string? Events = null,
    string? CacheModel = null);

/// <summary>Reads a JSON number or string as its text, so that <c>"samples": 3</c> and <c>"samples": "auto"</c> are both a setting's text.</summary>
public sealed class NumberOrTextConverter : JsonConverter<string>
{
    /// <inheritdoc />
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
        JsonTokenType.String => reader.GetString(),
        _ => throw new JsonException("expected a number or a string"),
    };

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

/// <summary>Source-generated JSON metadata for benchgate.json.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(BenchGateConfig))]
internal sealed partial class BenchGateConfigContext : JsonSerializerContext;
