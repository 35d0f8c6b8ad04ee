using Gate.Core.Results;

namespace Gate.Core.Metrics;

/// <summary>
/// The metrics one backend declares: those it knows by name, and for each source it reports, how a metric of that
/// source it does not list is declared (a <c>b.ReportMetric</c> unit, a perf event chosen with <c>--events</c>).
/// </summary>
/// <param name="Metrics">The metrics declared by name, in report order.</param>
/// <param name="Undeclared">One entry per source this backend reports: the declaration of its other metrics.</param>
public sealed record MetricDeclarations(IReadOnlyList<MetricDeclaration> Metrics, IReadOnlyList<UndeclaredMetrics> Undeclared)
{
    /// <summary>The sources whose metrics these declarations cover.</summary>
    public IEnumerable<MetricSource> Sources => Undeclared.Select(u => u.Source);

    /// <summary>
    /// The declaration of <paramref name="name"/> from <paramref name="source"/>: declared by name, else by the source's
    /// rule for undeclared metrics; null when <paramref name="source"/> is not one of these declarations' sources.
    /// </summary>
    public MetricDeclaration? Find(MetricSource source, string name)
    {
        foreach (var metric in Metrics)
        {
            if (metric.Source == source && metric.Name == name)
            {
                return metric;
            }
        }
        foreach (var rule in Undeclared)
        {
            if (rule.Source == source)
            {
                return rule.Declare(name);
            }
        }
        return null;
    }

    /// <summary>The metric as results record it, for a backend that reports <paramref name="name"/> from one of its own sources.</summary>
    public MetricInfo Describe(MetricSource source, string name) =>
        (Find(source, name) ?? throw new ArgumentException($"{source} is not a source of these declarations", nameof(source))).Info;
}

/// <summary>
/// How the metrics of <paramref name="Source"/> that no one declares by name are declared: of
/// <paramref name="Nature"/>, with <paramref name="Threshold"/> by default, unpriced, better by the name
/// (<see cref="MetricNames.BetterOf"/>), and depending on the machine's speed when they are times or throughputs
/// of a measured nature (<see cref="MetricNames.IsTimeOrThroughput"/>).
/// </summary>
/// <param name="Source">The source.</param>
/// <param name="Nature">The nature of its undeclared metrics.</param>
/// <param name="Threshold">Their default threshold.</param>
public sealed record UndeclaredMetrics(MetricSource Source, MetricNature Nature, Threshold Threshold)
{
    /// <summary>The declaration of the undeclared metric <paramref name="name"/>.</summary>
    public MetricDeclaration Declare(string name) => new(
        name,
        name,
        Source,
        MetricNames.BetterOf(name),
        Nature,
        Nature != MetricNature.Exact && MetricNames.IsTimeOrThroughput(name),
        Threshold);
}
