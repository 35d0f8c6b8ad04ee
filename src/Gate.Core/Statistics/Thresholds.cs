using System.Text.RegularExpressions;
using Gate.Core.Metrics;
using Gate.Core.Results;

namespace Gate.Core.Statistics;

/// <summary>Which benchmark and metric a comparison is about, for threshold look-ups.</summary>
/// <param name="Package">Go import path.</param>
/// <param name="Benchmark">Full benchmark name, for example <c>BenchmarkEncode/size=64</c>.</param>
/// <param name="Metric">The metric, as its backend declares it (with its default threshold and price).</param>
public readonly record struct ThresholdKey(string Package, string Benchmark, MetricDeclaration Metric);

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
/// <param name="Metric">Metric name, optionally <c>source:name</c> for the metric of one source; null for every metric.</param>
/// <param name="Package">Glob on the package import path; null for every package.</param>
/// <param name="Threshold">The threshold.</param>
public sealed record ThresholdOverride(string Benchmark, string? Metric, string? Package, Threshold Threshold);

/// <summary>
/// Practical thresholds: configured ones per metric (by name, or <c>source:name</c> for the metric of one source),
/// overrides per benchmark name pattern (the last match wins), and otherwise the default that the metric's
/// declaration gives (<see cref="MetricDeclaration.DefaultThreshold"/>).
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

    /// <inheritdoc />
    public Threshold For(ThresholdKey key) => Configured(key) ?? key.Metric.DefaultThreshold;

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
        if (_metrics.TryGetValue(key.Metric.Source.Name() + ":" + key.Metric.Name, out var bySource))
        {
            return bySource;
        }
        return _metrics.TryGetValue(key.Metric.Name, out var byName) ? byName : null;
    }

    private static bool MetricMatches(string? pattern, MetricDeclaration metric) =>
        pattern is null || pattern == metric.Name || pattern == metric.Source.Name() + ":" + metric.Name;

    private static Regex Glob(string pattern) =>
        new("^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant | RegexOptions.Singleline);
}
