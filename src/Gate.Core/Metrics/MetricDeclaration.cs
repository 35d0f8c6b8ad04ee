using Gate.Core.Results;

namespace Gate.Core.Metrics;

/// <summary>
/// What a metric's values are, which decides how a change of them is judged (benchstat's <c>assume=exact</c> and
/// <c>assume=nothing</c>, with one step between).
/// </summary>
public enum MetricNature
{
    /// <summary>
    /// An exact count (simulated counters): the same code gives the same value, so any change is real and it is
    /// judged by the practical threshold alone, from a sample or two.
    /// </summary>
    Exact,

    /// <summary>
    /// A discrete count (allocations per op): exact when every sample of both sides is one value each, otherwise
    /// tested like a measurement.
    /// </summary>
    Discrete,

    /// <summary>A noisy measurement (time, throughput, hardware counters): tested for significance, then judged by the threshold.</summary>
    Noisy,
}

/// <summary>
/// How a count is priced in another metric of the same benchmark and source: one more event costs
/// <paramref name="PerEvent"/> units of <paramref name="In"/> (a cache miss costs 10 estimated cycles). A change of
/// the count then matters only when, so priced, it would move <paramref name="In"/> by its own relative threshold:
/// the count gets an absolute floor of <c>relative threshold × median of In / PerEvent</c>.
/// </summary>
/// <param name="In">The metric the price is in, for example <c>est-cycles/op</c>.</param>
/// <param name="PerEvent">What one event costs, in the unit of <paramref name="In"/>.</param>
public sealed record MetricPrice(string In, double PerEvent);

/// <summary>
/// A metric as the backend that reports it declares it: everything the comparison needs to know about it, so that
/// the statistics never name a metric or a backend.
/// </summary>
/// <param name="Name">The metric name as results record it, for example <c>L1d-misses/op</c>.</param>
/// <param name="Unit">
/// What one value is, as the Go benchmark format spells units: Go's own metrics are their unit (<c>sec/op</c>,
/// <c>B/op</c>); a count per op is what it counts per op (<c>instructions/op</c>, <c>misses/op</c> for
/// <c>L1d-misses/op</c>); a time of another name is <c>sec/op</c> (<c>task-clock-sec/op</c>); ratios (IPC, miss
/// rates) are <see cref="RatioUnit"/>. An undeclared metric's unit is its name.
/// </param>
/// <param name="Source">Where its numbers come from.</param>
/// <param name="Better">Which direction of change is an improvement.</param>
/// <param name="Nature">Exact, discrete or noisy: how a change is judged.</param>
/// <param name="DependsOnMachineSpeed">
/// True for wall times and throughputs: when the machine-speed canary moved between the runs, such a metric gets
/// "environment changed" instead of a verdict.
/// </param>
/// <param name="DefaultThreshold">The practical threshold when the configuration sets none.</param>
/// <param name="Price">How a change of it is priced in another metric; null when it is not.</param>
public sealed record MetricDeclaration(
    string Name,
    string Unit,
    MetricSource Source,
    Better Better,
    MetricNature Nature,
    bool DependsOnMachineSpeed,
    Threshold DefaultThreshold,
    MetricPrice? Price = null)
{
    /// <summary>The unit of ratios.</summary>
    public const string RatioUnit = "ratio";

    /// <summary>The metric as results record it: name, source and better direction.</summary>
    public MetricInfo Info => new(Name, Source, Better);
}
