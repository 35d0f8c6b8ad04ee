using Gate.Core.Metrics;
using Gate.Core.Results;

namespace Gate.Core.Counters;

/// <summary>
/// Turns cachegrind counts of an iteration window into per-operation metrics (source <c>sim</c>), including
/// BenchGate's estimated cycles.
/// <para>
/// <b>Cost model</b> (<c>est-cycles</c>): every instruction costs one cycle, and each simulated event that
/// stalls a real core adds its typical penalty on a current x86-64 server core:
/// <code>
/// est-cycles = Ir + 10 × (L1 misses that hit the last level) + 100 × (last-level misses) + 15 × (mispredicted branches)
///   L1 misses = I1mr + D1mr + D1mw,   LL misses = ILmr + DLmr + DLmw,   mispredicts = Bcm + Bim
/// est-IPC    = Ir / est-cycles
/// </code>
/// The constants are round figures (an L2/L3 hit costs roughly 10–40 cycles, DRAM roughly 100–300, a
/// mispredict roughly 15–20): the model does not predict a real machine's cycle count, it weighs a change of
/// instructions against a change of misses and mispredicts so that one number moves when any of them does.
/// Like the estimated cycles of callgrind-based benchmark tools it ignores overlap and out-of-order execution,
/// so est-IPC is at most 1.
/// </para>
/// </summary>
public static class CachegrindMetrics
{
    /// <summary>Extra cycles of a first-level miss that hits the last-level cache.</summary>
    public const int LastLevelHitPenalty = 10;

    /// <summary>Extra cycles of a last-level miss (a memory access).</summary>
    public const int MemoryPenalty = 100;

    /// <summary>Extra cycles of a mispredicted branch.</summary>
    public const int MispredictPenalty = 15;

    /// <summary>Metric names, in report order.</summary>
    public const string Instructions = "instructions/op";

    /// <summary>First-level data cache misses (reads and writes) per op.</summary>
    public const string L1dMisses = "L1d-misses/op";

    /// <summary>Last-level cache misses (instruction and data) per op.</summary>
    public const string LLMisses = "LL-misses/op";

    /// <summary>First-level instruction cache misses per op.</summary>
    public const string L1iMisses = "L1i-misses/op";

    /// <summary>Mispredicted branches (conditional and indirect) per op.</summary>
    public const string BranchMispredicts = "branch-mispredicts/op";

    /// <summary>Estimated cycles per op (see the cost model above).</summary>
    public const string EstimatedCycles = "est-cycles/op";

    /// <summary>Instructions per estimated cycle.</summary>
    public const string EstimatedIpc = "est-IPC";

    /// <summary>
    /// The declarations: every simulated count is exact (the same code gives the same count), so it is judged by a
    /// 1 % threshold alone. A miss or mispredict count is priced in <see cref="EstimatedCycles"/> at the smallest
    /// penalty the model charges for one more event (an L1 miss may also miss the last level, which
    /// <see cref="LLMisses"/> then counts): its change matters only when it moves the estimated cycles by 1 % too.
    /// </summary>
    public static MetricDeclarations Declarations { get; } = new(
        [
            Exact(Instructions, "instructions/op"),
            Exact(L1dMisses, "misses/op", LastLevelHitPenalty),
            Exact(LLMisses, "misses/op", MemoryPenalty),
            Exact(L1iMisses, "misses/op", LastLevelHitPenalty),
            Exact(BranchMispredicts, "mispredicts/op", MispredictPenalty),
            Exact(EstimatedCycles, "cycles/op"),
            Exact(EstimatedIpc, MetricDeclaration.RatioUnit),
        ],
        [new UndeclaredMetrics(MetricSource.Sim, MetricNature.Exact, Threshold.Percent(1))]);

    /// <summary>The metrics this backend reports, in report order.</summary>
    public static IReadOnlyList<MetricInfo> Descriptions { get; } = [.. Declarations.Metrics.Select(d => d.Info)];

    /// <summary>Estimated cycles of <paramref name="counts"/> (see the cost model above).</summary>
    public static double Cycles(CachegrindCounts counts) =>
        counts.Ir
        + (double)LastLevelHitPenalty * (counts.L1Misses - counts.LLMisses)
        + (double)MemoryPenalty * counts.LLMisses
        + (double)MispredictPenalty * counts.Mispredicts;

    /// <summary>The per-op values of a window of <paramref name="operations"/> operations whose counts are <paramref name="window"/>.</summary>
    public static IReadOnlyDictionary<string, double> PerOp(CachegrindCounts window, long operations)
    {
        if (operations <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(operations), operations, "a window has at least one operation");
        }
        // A difference of two runs can fall below zero when an event is (nearly) absent from the benchmark's loop
        // and the runs' jitter around it is larger: the figure is then zero, as no event count is negative.
        double PerOperation(double count) => Math.Max(0, count) / operations;
        var cycles = Cycles(window);
        var values = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            [Instructions] = PerOperation(window.Ir),
            [L1dMisses] = PerOperation(window.L1dMisses),
            [LLMisses] = PerOperation(window.LLMisses),
            [L1iMisses] = PerOperation(window.L1iMisses),
            [BranchMispredicts] = PerOperation(window.Mispredicts),
            [EstimatedCycles] = PerOperation(cycles),
        };
        if (cycles > 0)
        {
            values[EstimatedIpc] = window.Ir / cycles;
        }
        return values;
    }

    private static MetricDeclaration Exact(string name, string unit, int? cyclesPerEvent = null) => new(
        name,
        unit,
        MetricSource.Sim,
        MetricNames.BetterOf(name),
        MetricNature.Exact,
        DependsOnMachineSpeed: false,
        Threshold.Percent(1),
        cyclesPerEvent is { } cost ? new MetricPrice(EstimatedCycles, cost) : null);
}
