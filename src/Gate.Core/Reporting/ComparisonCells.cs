using System.Globalization;
using Gate.Core.Results;
using Gate.Core.Statistics;

namespace Gate.Core.Reporting;

/// <summary>The cells of a comparison row as people read them (shared by the table and the Markdown renderers).</summary>
public static class ComparisonCells
{
    /// <summary>A side as benchstat prints it: <c>5.193n ± 30%</c>; <c>-</c> when missing.</summary>
    public static string Side(SampleSummary? summary, string unit)
    {
        if (summary is null)
        {
            return "-";
        }
        var spread = summary.RelativeSpread is { } relative ? (relative * 100).ToString("0", CultureInfo.InvariantCulture) + "%" : "∞";
        return MetricFormat.Format(summary.Median, unit) + " ± " + spread;
    }

    /// <summary>The change: <c>+5.62%</c> for regressions and improvements, <c>~</c> when unchanged (benchstat's mark), blank otherwise.</summary>
    public static string Change(MetricComparison comparison)
    {
        var change = comparison.Change?.Change;
        return comparison.Verdict switch
        {
            Verdict.Unchanged => "~",
            Verdict.Regression or Verdict.Improvement or Verdict.EnvironmentChanged when change is { } value => MetricFormat.Percent(value),
            Verdict.Regression or Verdict.Improvement => "?",
            _ => "",
        };
    }

    /// <summary>The change's confidence interval: <c>[+1.2%, +9.8%]</c>; blank when there is none.</summary>
    public static string Interval(MetricComparison comparison) =>
        comparison.Change is { Low: { } low, High: { } high } ? $"[{MetricFormat.Percent(low)}, {MetricFormat.Percent(high)}]" : "";

    /// <summary>The statistics behind the verdict: <c>p=0.001 q=0.004 n=10+10</c>, or <c>n=1+1</c> for deterministic metrics.</summary>
    public static string Statistics(MetricComparison comparison)
    {
        var parts = new List<string>(3);
        if (comparison.PValue is { } p)
        {
            parts.Add("p=" + p.ToString("0.000", CultureInfo.InvariantCulture));
        }
        if (comparison.QValue is { } q)
        {
            parts.Add("q=" + q.ToString("0.000", CultureInfo.InvariantCulture));
        }
        int? n1 = comparison.Old?.Count, n2 = comparison.New?.Count;
        if (n1 is not null || n2 is not null)
        {
            parts.Add(n1 == n2 ? $"n={n1}" : $"n={n1 ?? 0}+{n2 ?? 0}");
        }
        return string.Join(' ', parts);
    }

    /// <summary>The metric as a column title: its name, with the source when it is not Go's own.</summary>
    public static string MetricTitle(MetricInfo metric) =>
        metric.Source == MetricSource.Go ? metric.Name : $"{metric.Name} ({metric.Source.Name()})";

    /// <summary>The geomean change: <c>+0.23%</c>, or <c>-</c> when there is none.</summary>
    public static string GeomeanChange(GeomeanRow row) => row.Change is { } change ? MetricFormat.Percent(change) : "-";

    /// <summary>One comparison in a line, for annotations and build errors: <c>allocs/op +291.89% (37.00 ± ∞ → 145.0 ± ∞)</c>.</summary>
    public static string Movement(MetricComparison comparison) =>
        $"{comparison.Metric.Name} {Change(comparison)} ({Side(comparison.Old, comparison.Metric.Name)} → {Side(comparison.New, comparison.Metric.Name)})";
}
