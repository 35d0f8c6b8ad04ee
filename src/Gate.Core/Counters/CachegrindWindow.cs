using System.Globalization;

namespace Gate.Core.Counters;

/// <summary>How BenchGate chooses the iteration window of a cachegrind measurement.</summary>
/// <param name="TargetInstructions">The window must hold at least this many simulated instructions, so that the
/// run-to-run jitter of a whole process (tens of thousands of instructions, from the Go runtime's time-driven
/// background work) stays far below the tolerance.</param>
/// <param name="ProbeInstructions">The probe that measures instructions per op aims at this many instructions.</param>
/// <param name="Tolerance">The two halves of the window must give per-op instructions that agree within this
/// fraction; otherwise the window grows.</param>
/// <param name="CyclesTolerance">The two halves must give per-op est-cycles that agree within this fraction. Looser:
/// misses also follow the heap's growth to its working size, a trend of the window's first iterations, while the
/// same window still reproduces its figure from run to run.</param>
/// <param name="AssumedInstructionsPerNanosecond">Converts the native calibration's time per op into a guess of
/// instructions per op, to size the probe.</param>
/// <param name="MaxAttempts">Windows tried before the last one is accepted as it is (and flagged unstable).</param>
/// <param name="MaxWindowInstructions">A window never grows beyond this many instructions (bounds the run time).</param>
public sealed record CachegrindWindowSettings(
    long TargetInstructions = 50_000_000,
    long ProbeInstructions = 5_000_000,
    double Tolerance = 0.005,
    double CyclesTolerance = 0.02,
    double AssumedInstructionsPerNanosecond = 2,
    int MaxAttempts = 4,
    long MaxWindowInstructions = 2_000_000_000)
{
    /// <summary>The defaults.</summary>
    public static CachegrindWindowSettings Default { get; } = new();
}

/// <summary>
/// An iteration window: runs of <paramref name="N1"/> and <paramref name="N2"/> iterations whose difference,
/// divided by <c>N2 − N1</c>, is the per-op figure (process start, package init, setup and Go's N=1 probe are in
/// both runs and cancel).
/// </summary>
public sealed record WindowRange(long N1, long N2)
{
    /// <summary>
    /// The smallest start: both runs execute the benchmark function twice (Go's N=1 probe, then the measured run
    /// with its <c>runtime.GC()</c>), so that everything but the iterations cancels.
    /// </summary>
    public const long MinStart = 2;

    /// <summary>Operations in the window.</summary>
    public long Operations => N2 - N1;

    /// <summary>The middle of the window (the window has an even number of operations).</summary>
    public long Middle => N1 + Operations / 2;

    /// <summary>
    /// The window of <paramref name="operations"/> operations (made even) that starts after an eighth of it (at
    /// least at <see cref="MinStart"/>): the first iterations, while the heap grows to its working size and the
    /// caches fill, are not in it.
    /// </summary>
    public static WindowRange Of(long operations)
    {
        var even = Even(operations);
        var start = Math.Max(MinStart, even / 8);
        return new WindowRange(start, start + even);
    }

    /// <summary>A window of <paramref name="operations"/> operations (made even) from <see cref="MinStart"/>.</summary>
    public static WindowRange FromMinStart(long operations) => new(MinStart, MinStart + Even(operations));

    private static long Even(long operations) => Math.Max(2, operations + (operations & 1));
}

/// <summary>The counts of three runs: at the window's start, middle and end.</summary>
public sealed record WindowCounts(WindowRange Range, CachegrindCounts Start, CachegrindCounts Middle, CachegrindCounts End)
{
    /// <summary>The counts of the whole window.</summary>
    public CachegrindCounts Whole => End - Start;

    /// <summary>The counts of the first half.</summary>
    public CachegrindCounts FirstHalf => Middle - Start;

    /// <summary>The counts of the second half.</summary>
    public CachegrindCounts SecondHalf => End - Middle;
}

/// <summary>What to do after measuring: use a window, measure a (larger) one, or give up on the benchmark.</summary>
/// <param name="Accepted">True when the window measured is the one to use.</param>
/// <param name="Next">The window to measure next, when not accepted and not failed.</param>
/// <param name="Failure">Why the benchmark cannot be measured this way, or null.</param>
/// <param name="Note">What was found, for the rule text (for example the halves' agreement).</param>
/// <param name="Stable">False when the window was accepted only because it could not grow further.</param>
public sealed record WindowDecision(bool Accepted, WindowRange? Next, string? Failure, string Note, bool Stable = true);

/// <summary>
/// Chooses the iteration window of a benchmark under cachegrind from simulated counts, so that the same
/// benchmark gets the same window on any machine and under any load (a window of another size or start can
/// give a slightly different figure: garbage collections fall differently into it):
/// (1) a probe: runs of 2 and 2 + k iterations, k sized from the native calibration to hold about
/// <see cref="CachegrindWindowSettings.ProbeInstructions"/>, measures instructions per op;
/// (2) the window holds <see cref="CachegrindWindowSettings.TargetInstructions"/> × 1.1 at that rate, rounded up
/// to 1, 2 or 5 × 10^k operations (the rounding absorbs the probe's jitter), and starts after an eighth of it;
/// (3) runs at its start, middle and end: if the window held fewer instructions than the target, it grows to
/// the target at the measured rate; if its two halves disagree by more than the tolerances (garbage
/// collections, warm-up, jitter), it grows by twice the excess (2× to 16×); otherwise it is accepted. A window
/// that cannot grow (attempts or size exhausted) is accepted and flagged unstable.
/// </summary>
public sealed class CachegrindWindowPlanner(CachegrindWindowSettings settings)
{
    /// <summary>Below this many instructions per op the benchmark does not run b.N iterations (a loop costs more).</summary>
    public const double MinInstructionsPerOp = 1;

    /// <summary>The settings the planner applies.</summary>
    public CachegrindWindowSettings Settings => settings;

    /// <summary>The probe's window, sized from the native time per op (null or 0 when unknown).</summary>
    public WindowRange Probe(double? nativeSecondsPerOp)
    {
        var nanoseconds = nativeSecondsPerOp is { } s && s > 0 ? s * 1e9 : 1000;
        var guess = Math.Max(nanoseconds * settings.AssumedInstructionsPerNanosecond, MinInstructionsPerOp);
        return WindowRange.FromMinStart(Round(settings.ProbeInstructions / guess));
    }

    /// <summary>The first window, from the probe's counts at its start and end; or why there can be none.</summary>
    public WindowDecision AfterProbe(WindowRange probe, CachegrindCounts start, CachegrindCounts end)
    {
        var instructions = (end - start).Ir;
        var perOp = (double)instructions / probe.Operations;
        if (perOp < MinInstructionsPerOp)
        {
            return new WindowDecision(false, null, NotLooping(instructions, probe.Operations), "");
        }
        var operations = Round(Math.Ceiling(settings.TargetInstructions * 1.1 / perOp));
        return new WindowDecision(false, WindowRange.Of(operations), null,
            $"probe of {Count(probe.Operations)} ops: {perOp.ToString("0", CultureInfo.InvariantCulture)} instructions/op");
    }

    /// <summary>Judges the counts of attempt <paramref name="attempt"/> (1-based).</summary>
    public WindowDecision Judge(WindowCounts counts, int attempt)
    {
        var range = counts.Range;
        var whole = counts.Whole;
        var perOp = (double)whole.Ir / range.Operations;
        if (perOp < MinInstructionsPerOp)
        {
            return new WindowDecision(false, null, NotLooping(whole.Ir, range.Operations), "");
        }
        // The largest window allowed, in round operations; a window can grow while the next one would be larger.
        var largest = RoundDown(settings.MaxWindowInstructions / perOp);
        var canGrow = attempt < settings.MaxAttempts && largest > range.Operations;
        if (whole.Ir < settings.TargetInstructions && canGrow)
        {
            var operations = Round(Math.Ceiling(settings.TargetInstructions * 1.1 / perOp));
            return new WindowDecision(false, WindowRange.Of(Math.Min(Math.Max(operations, range.Operations * 2), largest)), null,
                $"{Count(range.Operations)} ops held {Count(whole.Ir)} instructions");
        }
        var instructions = Disagreement(counts.FirstHalf.Ir, counts.SecondHalf.Ir);
        var cycles = Disagreement(CachegrindMetrics.Cycles(counts.FirstHalf), CachegrindMetrics.Cycles(counts.SecondHalf));
        var agreement = $"{Count(range.Operations)} ops: halves agree to {Percent(instructions)} (instructions/op), {Percent(cycles)} (est-cycles/op)";
        // How far beyond its tolerance the worse of the two is: 1 is just within.
        var excess = Math.Max(instructions / settings.Tolerance, cycles / settings.CyclesTolerance);
        if (excess <= 1)
        {
            return new WindowDecision(true, null, null, agreement);
        }
        if (canGrow)
        {
            // Disagreement from whole events (a garbage collection more in one half) shrinks as 1/window: grow by
            // twice the excess, 2× to 16×.
            var factor = Math.Clamp(2 * excess, 2, 16);
            return new WindowDecision(false, WindowRange.Of(Math.Min(Round(range.Operations * factor), largest)), null, agreement);
        }
        return new WindowDecision(true, null, null, agreement + ": beyond tolerance, UNSTABLE", Stable: false);
    }

    /// <summary>The rule text recorded with the results: the rule, then what each step found.</summary>
    public string Rule(IReadOnlyList<string> steps) =>
        $"auto: >= {Count(settings.TargetInstructions)} instructions, halves within {Percent(settings.Tolerance)} (instructions/op) and {Percent(settings.CyclesTolerance)} (est-cycles/op); "
        + string.Join("; ", steps);

    /// <summary>Relative difference of two values, against their mean (0 when both are 0).</summary>
    public static double Disagreement(double a, double b)
    {
        var mean = (a + b) / 2;
        return mean == 0 ? (a == b ? 0 : double.PositiveInfinity) : Math.Abs(a - b) / Math.Abs(mean);
    }

    /// <summary>
    /// <paramref name="operations"/> rounded up to 2, 4, 6, 8 or to 1, 2 or 5 × 10^k: windows of round sizes,
    /// so that small differences of the measured rate choose the same window.
    /// </summary>
    public static long Round(double operations)
    {
        if (operations <= 2)
        {
            return 2;
        }
        if (operations <= 8)
        {
            var whole = (long)Math.Ceiling(operations);
            return whole + (whole & 1);
        }
        var scale = Math.Pow(10, Math.Floor(Math.Log10(operations)));
        foreach (var step in new[] { 1.0, 2, 5, 10 })
        {
            if (operations <= step * scale * (1 + 1e-12))
            {
                return (long)Math.Min(step * scale, 1e15);
            }
        }
        return (long)Math.Min(10 * scale, 1e15);
    }

    /// <summary><paramref name="operations"/> rounded down to 2 or to 1, 2 or 5 × 10^k (at least 2).</summary>
    public static long RoundDown(double operations)
    {
        if (operations < 10)
        {
            return Math.Max(2, (long)Math.Floor(operations) & ~1L);
        }
        var scale = Math.Pow(10, Math.Floor(Math.Log10(operations)));
        var step = new[] { 5.0, 2, 1 }.First(s => s * scale <= operations * (1 + 1e-12));
        return (long)Math.Min(step * scale, 1e15);
    }

    private static string NotLooping(long instructions, long operations) =>
        $"the instruction count does not grow with the iteration count ({Count(instructions)} instructions over {Count(operations)} more iterations): does the benchmark loop b.N times?";

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Percent(double fraction) =>
        double.IsFinite(fraction) ? (fraction * 100).ToString("0.###", CultureInfo.InvariantCulture) + " %" : "∞ %";
}
