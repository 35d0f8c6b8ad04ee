using Gate.Core.Pairing;

namespace Gate.Core.Statistics;

/// <summary>
/// Everything one comparison run concluded: the environment and canary checks, one row per (benchmark, metric)
/// in input order, and a geometric-mean row per metric. Renderers (table, Markdown, JSON) and the exit code use it.
/// </summary>
/// <param name="Options">The false discovery rate and confidence level used.</param>
/// <param name="Environment">Whether the two environments are comparable.</param>
/// <param name="Canary">What the machine-speed canary says.</param>
/// <param name="Comparisons">The comparisons, grouped by metric in first-seen order, benchmarks in input order.</param>
/// <param name="Geomeans">One row per metric.</param>
public sealed record ComparisonReport(
    CompareOptions Options,
    EnvironmentCheck Environment,
    CanaryCheck Canary,
    IReadOnlyList<MetricComparison> Comparisons,
    IReadOnlyList<GeomeanRow> Geomeans)
{
    /// <summary>How many comparisons got <paramref name="verdict"/>.</summary>
    public int Count(Verdict verdict) => Comparisons.Count(c => c.Verdict == verdict);

    /// <summary>True when at least one comparison is a regression.</summary>
    public bool HasRegression => Comparisons.Any(c => c.Verdict == Verdict.Regression);

    /// <summary>One line: how many of each verdict, for example <c>2 regressions, 1 improvement, 40 unchanged</c>.</summary>
    public string Tally()
    {
        var parts = new List<string>();
        foreach (var verdict in Enum.GetValues<Verdict>())
        {
            var count = Count(verdict);
            if (count > 0)
            {
                var name = verdict.Name();
                parts.Add(count == 1 || verdict is Verdict.Unchanged or Verdict.InsufficientData or Verdict.Incomparable or Verdict.EnvironmentChanged
                    ? $"{count} {name}"
                    : $"{count} {name}s");
            }
        }
        return parts.Count == 0 ? "nothing to compare" : string.Join(", ", parts);
    }
}
