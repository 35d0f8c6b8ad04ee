namespace Gate.Core.Results;

/// <summary>Names of metric sources.</summary>
public static class MetricSourceNames
{
    /// <summary>The name of a source as the results file writes it (<c>go</c>, <c>perf-hw</c>, <c>perf-sw</c>, <c>sim</c>).</summary>
    public static string Name(this MetricSource source) => source switch
    {
        MetricSource.Go => "go",
        MetricSource.PerfHw => "perf-hw",
        MetricSource.PerfSw => "perf-sw",
        MetricSource.Sim => "sim",
        _ => source.ToString().ToLowerInvariant(),
    };
}
