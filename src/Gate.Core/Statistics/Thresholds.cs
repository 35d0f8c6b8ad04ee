using System.Text.RegularExpressions;
using Gate.Core.Metrics;
using Gate.Core.Results;

namespace Gate.Core.Statistics;

/// <summary>Which benchmark and metric a comparison is about, for threshold look-ups.</summary>
/// <param name="Package">Go import path.</param>
/// <param name="Benchmark">Full benchmark name, for example <c>BenchmarkEncode/size=64</c>.</param>
/// <param name="Metric">The metric.</param>
public readonly record struct ThresholdKey(string Package, string Benchmark, MetricInfo Metric);

/// <summary>
/// Where a comparison's practical threshold comes from. <see cref="Thresholds"/> is the configured one; a
/// baseline store may later supply per-benchmark thresholds from the noise in its history (wrap the configured
/// provider and fall back to it).
/// </summary>
public interface IThresholdProvider
{
    /// <summary>The threshold for <paramref name="key"/>.</summary>
    Threshold For(ThresholdKey key);
}

/// <summary>A threshold for the benchmarks whose names match a glob pattern.</summary>
/// <param name="Benchmark">Glob on the full benchmark name: <c>*</c> any characters (also <c>/</c>), <c>?</c> one.</param>
/// <param name="Metric">Metric name, optionally <c>source:name</c> (for example <c>sim:instructions/op</c>); null for every metric.</param>
/// <param name="Package">Glob on the package import path; null for every package.</param>
/// <param name="Threshold">The threshold.</param>
public sealed record ThresholdOverride(string Benchmark, string? Metric, string? Package, Threshold Threshold);

/// <summary>
/// Practical thresholds: defaults per metric and source, configured ones per metric (<c>sec/op</c>, or
/// <c>sim:instructions/op</c> for one source), and overrides per benchmark name pattern (the last match wins).
/// Defaults: 5 % for everything measured (time, throughput, bytes, counters), 1 % for simulated counters
/// (deterministic: a 1 % change is real), at least one more allocation for <c>allocs/op</c>, and 5 % and at
/// least 0.01 more per op for rare kernel events (<see cref="RareEventThreshold"/>).
/// </summary>
public sealed class Thresholds : IThresholdProvider
{
    private readonly IReadOnlyDictionary<string, Threshold> _metrics;
    private readonly IReadOnlyList<(ThresholdOverride Override, Regex Benchmark, Regex? Package)> _overrides;

    /// <summary>Creates thresholds from configured metric thresholds and overrides (both may be empty).</summary>
    public Thresholds(IReadOnlyDictionary<string, Threshold>? metrics = null, IReadOnlyList<ThresholdOverride>? overrides = null)
    {
        _metrics = metrics ?? new Dictionary<string, Threshold>();
        _overrides = [.. (overrides ?? []).Select(o => (o, Glob(o.Benchmark), o.Package is null ? null : Glob(o.Package)))];
    }

    /// <summary>The defaults alone.</summary>
    public static Thresholds Default { get; } = new();

    /// <summary>The default for a metric when nothing is configured.</summary>
    public static Threshold DefaultFor(MetricInfo metric) => metric switch
    {
        { Name: "allocs/op" } => new Threshold(null, 1),
        { Source: MetricSource.Sim } => Threshold.Percent(1),
        { Source: MetricSource.PerfSw } when RareEvents.Contains(metric.Name) => RareEventThreshold,
        _ => Threshold.Percent(5),
    };

    /// <summary>
    /// The default for per-op counts of rare kernel events (page faults, context switches, migrations):
    /// <c>5%|+0.01</c>, at least one more event per 100 operations. Their per-op values are differences of whole
    /// process counts, often near zero (even slightly below), where a relative change alone means nothing.
    /// </summary>
    public static Threshold RareEventThreshold { get; } = new(0.05, 0.01);

    private static readonly HashSet<string> RareEvents = new(StringComparer.Ordinal)
    {
        "page-faults/op", "faults/op", "minor-faults/op", "major-faults/op", "context-switches/op", "cs/op", "cpu-migrations/op", "migrations/op",
    };

    /// <inheritdoc />
    public Threshold For(ThresholdKey key) => Configured(key) ?? DefaultFor(key.Metric);

    /// <summary>The threshold the configuration sets for <paramref name="key"/> (an override or a metric setting), or null for the default.</summary>
    public Threshold? Configured(ThresholdKey key)
    {
        for (var i = _overrides.Count - 1; i >= 0; i--)
        {
            var (entry, benchmark, package) = _overrides[i];
            if (benchmark.IsMatch(key.Benchmark) && (package is null || package.IsMatch(key.Package)) && MetricMatches(entry.Metric, key.Metric))
            {
                return entry.Threshold;
            }
        }
        if (_metrics.TryGetValue(SourceName(key.Metric.Source) + ":" + key.Metric.Name, out var bySource))
        {
            return bySource;
        }
        return _metrics.TryGetValue(key.Metric.Name, out var byName) ? byName : null;
    }

    /// <summary>The name of a source as the results file writes it (<c>go</c>, <c>perf-hw</c>, <c>perf-sw</c>, <c>sim</c>).</summary>
    public static string SourceName(MetricSource source) => source switch
    {
        MetricSource.Go => "go",
        MetricSource.PerfHw => "perf-hw",
        MetricSource.PerfSw => "perf-sw",
        MetricSource.Sim => "sim",
        _ => source.ToString().ToLowerInvariant(),
    };

    private static bool MetricMatches(string? pattern, MetricInfo metric) =>
        pattern is null || pattern == metric.Name || pattern == SourceName(metric.Source) + ":" + metric.Name;

    private static Regex Glob(string pattern) =>
        new("^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant | RegexOptions.Singleline);
}
