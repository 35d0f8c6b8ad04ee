using Gate.Core.Results;

namespace Gate.Core.Metrics;

/// <summary>
/// Finds the declaration of a (source, name): results files record only a metric's name, source and better
/// direction, so a metric read from a file gets its nature, threshold, price and speed dependence here. Each backend
/// declares its own metrics (Go's in <see cref="GoMetrics"/>, perf's and cachegrind's next to their backends); the
/// catalog of them all is <c>Counters.BackendMetrics.Catalog</c>, handed to the statistics in their options, so that
/// the statistics layer knows no backend. The catalog asks the declarations in turn; a metric of a source that none
/// of them reports is noisy, with a 5 % threshold.
/// </summary>
public sealed class MetricCatalog(IReadOnlyList<MetricDeclarations> backends)
{
    /// <summary>The backends' declarations, in the order they are asked.</summary>
    public IReadOnlyList<MetricDeclarations> Backends => backends;

    /// <summary>Every metric some backend declares by name.</summary>
    public IEnumerable<MetricDeclaration> Declared => backends.SelectMany(b => b.Metrics);

    /// <summary>The declaration of <paramref name="name"/> from <paramref name="source"/>.</summary>
    public MetricDeclaration Find(MetricSource source, string name)
    {
        foreach (var backend in backends)
        {
            if (backend.Find(source, name) is { } declaration)
            {
                return declaration;
            }
        }
        return new UndeclaredMetrics(source, MetricNature.Noisy, Threshold.Percent(5)).Declare(name);
    }

    /// <summary>The declaration of a metric as results record it.</summary>
    public MetricDeclaration Of(MetricInfo metric) => Find(metric.Source, metric.Name);
}
