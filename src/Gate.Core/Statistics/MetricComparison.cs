using Gate.Core.Metrics;
using Gate.Core.Results;

namespace Gate.Core.Statistics;

/// <summary>The comparison of one metric of one benchmark between the old and the new side.</summary>
/// <param name="Package">Go import path.</param>
/// <param name="Benchmark">Full benchmark name without <c>-P</c>.</param>
/// <param name="Procs">GOMAXPROCS.</param>
/// <param name="Metric">The metric (of the new side when it has it, else of the old).</param>
/// <param name="Old">Summary of the old samples; null when the old side lacks the metric.</param>
/// <param name="New">Summary of the new samples; null when the new side lacks the metric.</param>
/// <param name="Change">The change with its confidence interval; null when one side is missing.</param>
/// <param name="PValue">Mann–Whitney p-value; null for deterministic or incomparable comparisons.</param>
/// <param name="QValue">Benjamini–Hochberg adjusted p-value over all noisy comparisons of the run; null when there is no p-value.</param>
/// <param name="Method">How <paramref name="PValue"/> was computed; null when there is none.</param>
/// <param name="Deterministic">True when judged by the threshold alone (declared exact; a discrete count with all samples equal).</param>
/// <param name="Threshold">The practical threshold that applied.</param>
/// <param name="Verdict">The verdict.</param>
/// <param name="Reason">Why this verdict, in a few words (for example <c>below threshold 5%</c>).</param>
/// <param name="Warnings">Notes on the data, for example "need at least 6 samples for a confidence interval".</param>
public sealed record MetricComparison(
    string Package,
    string Benchmark,
    int Procs,
    MetricInfo Metric,
    SampleSummary? Old,
    SampleSummary? New,
    ChangeEstimate? Change,
    double? PValue,
    double? QValue,
    MannWhitneyMethod? Method,
    bool Deterministic,
    Threshold Threshold,
    Verdict Verdict,
    string Reason,
    IReadOnlyList<string> Warnings)
{
    /// <summary>The name as benchstat shows it: without the <c>Benchmark</c> prefix, with <c>-P</c> when P is not 1.</summary>
    public string DisplayName
    {
        get
        {
            var name = Benchmark.StartsWith("Benchmark", StringComparison.Ordinal) && Benchmark.Length > "Benchmark".Length
                ? Benchmark["Benchmark".Length..]
                : Benchmark;
            return Procs == 1 ? name : name + "-" + Procs.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}

/// <summary>The geometric mean of the medians of one metric over the benchmarks that have it on both sides, as benchstat prints it.</summary>
/// <param name="Metric">The metric.</param>
/// <param name="Old">Geometric mean of the old medians; null when some median is not positive.</param>
/// <param name="New">Geometric mean of the new medians; null when some median is not positive.</param>
/// <param name="Change">New / old − 1; null when the means are null.</param>
/// <param name="Benchmarks">How many benchmarks it covers.</param>
/// <param name="Note">Why there is no mean, when there is none.</param>
public sealed record GeomeanRow(MetricInfo Metric, double? Old, double? New, double? Change, int Benchmarks, string? Note);
