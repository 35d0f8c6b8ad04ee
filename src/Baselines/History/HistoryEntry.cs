using System.Text.Json.Serialization;
using Gate.Core.Results;

namespace Gate.Baselines.History;

/// <summary>
/// One line of a key's history: what one stored run measured, summarised per benchmark and metric (median and
/// quartiles of its samples), with the commit it measured. Small enough to keep a year of nightly runs.
/// </summary>
/// <param name="SchemaVersion">History line schema version (1).</param>
/// <param name="Commit">The measured commit (results' gitCommit), or null when unknown.</param>
/// <param name="Branch">The measured branch, or null.</param>
/// <param name="StartedUtc">When the run started, or null.</param>
/// <param name="StoredUtc">When the entry was stored.</param>
/// <param name="Benchmarks">Per-benchmark summaries, in the results' order.</param>
public sealed record HistoryEntry(
    int SchemaVersion,
    string? Commit,
    string? Branch,
    string? StartedUtc,
    string StoredUtc,
    IReadOnlyList<HistoryBenchmark> Benchmarks)
{
    /// <summary>The history line schema version this code writes and reads.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>The entry for <paramref name="results"/> stored at <paramref name="storedUtc"/>.</summary>
    public static HistoryEntry From(RunResults results, string storedUtc) => new(
        CurrentSchemaVersion,
        results.Environment.GitCommit,
        results.Environment.GitBranch,
        results.Environment.StartedUtc,
        storedUtc,
        [.. results.Benchmarks.Select(HistoryBenchmark.From)]);

    /// <summary>The summary of <paramref name="metric"/> of the benchmark with <paramref name="benchmarkKey"/>, or null.</summary>
    public HistoryMetric? Find(string benchmarkKey, string metric) =>
        Benchmarks.FirstOrDefault(b => b.Key == benchmarkKey)?.Metrics.FirstOrDefault(m => m.Name == metric);
}

/// <summary>One benchmark's metric summaries in a history entry.</summary>
/// <param name="Package">Go import path.</param>
/// <param name="Name">Full benchmark name.</param>
/// <param name="Metrics">One summary per metric, in the results' order.</param>
public sealed record HistoryBenchmark(string Package, string Name, IReadOnlyList<HistoryMetric> Metrics)
{
    /// <summary>Package and name, as <see cref="BenchmarkResult.Key"/>.</summary>
    [JsonIgnore]
    public string Key => Package + " " + Name;

    /// <summary>The summary of one benchmark of a results file.</summary>
    public static HistoryBenchmark From(BenchmarkResult benchmark) => new(
        benchmark.Package,
        benchmark.Name,
        [.. benchmark.Metrics.Select(m => HistoryMetric.Of(m.Name, benchmark.ValuesOf(m.Name))).OfType<HistoryMetric>()]);
}

/// <summary>A metric's samples in one run, summarised.</summary>
/// <param name="Name">Metric name (unit), for example <c>sec/op</c>.</param>
/// <param name="N">Number of samples.</param>
/// <param name="Median">Median of the samples.</param>
/// <param name="Q1">First quartile (linear interpolation between order statistics).</param>
/// <param name="Q3">Third quartile.</param>
public sealed record HistoryMetric(string Name, int N, double Median, double Q1, double Q3)
{
    /// <summary>The summary of <paramref name="values"/>, or null when there are none.</summary>
    public static HistoryMetric? Of(string name, IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }
        var sorted = values.Order().ToArray();
        return new HistoryMetric(name, sorted.Length, Quantile(sorted, 0.5), Quantile(sorted, 0.25), Quantile(sorted, 0.75));
    }

    /// <summary>The <paramref name="p"/>-quantile of sorted values, interpolating linearly (Hyndman–Fan type 7).</summary>
    internal static double Quantile(IReadOnlyList<double> sorted, double p)
    {
        var position = (sorted.Count - 1) * p;
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Count - 1);
        var fraction = position - below;
        return fraction == 0 ? sorted[below] : sorted[below] + (fraction * (sorted[above] - sorted[below]));
    }
}
