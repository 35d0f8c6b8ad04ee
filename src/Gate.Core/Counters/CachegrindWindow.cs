using System.Globalization;

namespace Gate.Core.Counters;

/// <summary>How BenchGate chooses the iteration window of a cachegrind measurement.</summary>
/// <param name="TargetInstructions">The window must hold at least this many simulated instructions, so that the
/// run-to-run jitter of a whole process (tens of thousands of instructions, from the Go runtime's time-driven
/// background work) stays far below the tolerance.</param>
/// <param name="Tolerance">The two halves of the window must give per-op instructions and est-cycles that agree
/// within this fraction; otherwise the window grows.</param>
/// <param name="AssumedInstructionsPerNanosecond">Converts the native calibration's time per op into a first guess
/// of instructions per op.</param>
/// <param name="MaxAttempts">Windows tried before the last one is accepted as it is (and flagged unstable).</param>
/// <param name="MaxWindowInstructions">A window never grows beyond this many instructions (bounds the run time).</param>
public sealed record CachegrindWindowSettings(
    long TargetInstructions = 50_000_000,
    double Tolerance = 0.005,
    double AssumedInstructionsPerNanosecond = 2,
    int MaxAttempts = 4,
    long MaxWindowInstructions = 4_000_000_000)
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
    /// <summary>Operations in the window.</summary>
    public long Operations => N2 - N1;

    /// <summary>The middle of the window (the window has an even number of operations).</summary>
    public long Middle => N1 + Operations / 2;

    /// <summary>A window of <paramref name="operations"/> operations (made even) from the same start: N1 is kept.</summary>
    public WindowRange Resized(long operations) => new(N1, N1 + Math.Max(2, operations + (operations & 1)));

    /// <summary>
    /// The window of <paramref name="operations"/> operations (made even) that starts after one eighth of it, so
    /// that the warm-up of the first iterations after Go's N=1 probe is not in it; N1 is at least 2, so that both
    /// runs execute the benchmark function twice (the probe, then the measured run).
    /// </summary>
    public static WindowRange Of(long operations)
    {
        var even = Math.Max(2, operations + (operations & 1));
        var start = Math.Max(2, even / 8);
        return new WindowRange(start, start + even);
    }
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

/// <summary>What to do after measuring a window: keep it, measure a larger one, or give up on the benchmark.</summary>
/// <param name="Accepted">True when the window is the one to use.</param>
/// <param name="Next">The window to try next, when not accepted and not failed.</param>
/// <param name="Failure">Why the benchmark cannot be measured this way, or null.</param>
/// <param name="Note">What was found, for the rule text (for example the halves' agreement).</param>
/// <param name="Stable">False when the window was accepted only because it could not grow further.</param>
public sealed record WindowDecision(bool Accepted, WindowRange? Next, string? Failure, string Note, bool Stable = true);

/// <summary>
/// Chooses the iteration window of a benchmark under cachegrind, from a native calibration and then from the
/// simulated counts themselves: (1) guess the operations that hold <see cref="CachegrindWindowSettings.TargetInstructions"/>
/// from the native time per op; (2) measure the window's start, middle and end; (3) if the window held fewer
/// instructions than the target, grow it to the target using the measured instructions per op; if its two
/// halves disagree by more than the tolerance (garbage collections, warm-up, jitter), make it 4× larger;
/// otherwise accept it. A grown window keeps its start, so that the run at N1 need not be repeated. A window that cannot grow (attempts or size exhausted) is accepted and flagged unstable.
/// </summary>
public sealed class CachegrindWindowPlanner(CachegrindWindowSettings settings)
{
    /// <summary>Below this many instructions per op the benchmark does not run b.N iterations (a loop costs more).</summary>
    public const double MinInstructionsPerOp = 1;

    /// <summary>The settings the planner applies.</summary>
    public CachegrindWindowSettings Settings => settings;

    /// <summary>The first window to try, from the native time per op (null when unknown).</summary>
    public WindowRange First(double? nativeSecondsPerOp)
    {
        var nanoseconds = nativeSecondsPerOp is { } s && s > 0 ? s * 1e9 : 1000;
        var guess = nanoseconds * settings.AssumedInstructionsPerNanosecond;
        return WindowRange.Of(Round(settings.TargetInstructions / Math.Max(guess, MinInstructionsPerOp)));
    }

    /// <summary>Judges the counts of attempt <paramref name="attempt"/> (1-based).</summary>
    public WindowDecision Judge(WindowCounts counts, int attempt)
    {
        var range = counts.Range;
        var whole = counts.Whole;
        var perOp = (double)whole.Ir / range.Operations;
        if (perOp < MinInstructionsPerOp)
        {
            return new WindowDecision(false, null,
                $"the instruction count does not grow with the iteration count ({Count(whole.Ir)} instructions over {Count(range.Operations)} more iterations): does the benchmark loop b.N times?",
                "");
        }
        // The largest window allowed, in operations; a window can grow while the next one would be larger.
        var largest = (long)Math.Min(settings.MaxWindowInstructions / perOp, 1e15);
        var canGrow = attempt < settings.MaxAttempts && largest > range.Operations;
        if (whole.Ir < settings.TargetInstructions && canGrow)
        {
            var operations = Round(Math.Ceiling(settings.TargetInstructions * 1.1 / perOp));
            return new WindowDecision(false, range.Resized(Math.Min(Math.Max(operations, range.Operations * 2), largest)), null,
                $"{Count(range.Operations)} ops held {Count(whole.Ir)} instructions");
        }
        var instructions = Disagreement(counts.FirstHalf.Ir, counts.SecondHalf.Ir);
        var cycles = Disagreement(CachegrindMetrics.Cycles(counts.FirstHalf), CachegrindMetrics.Cycles(counts.SecondHalf));
        var agreement = $"halves agree to {Percent(instructions)} (instructions/op), {Percent(cycles)} (est-cycles/op)";
        if (Math.Max(instructions, cycles) <= settings.Tolerance)
        {
            return new WindowDecision(true, null, null, agreement);
        }
        if (canGrow)
        {
            return new WindowDecision(false, range.Resized(Math.Min(Round(range.Operations * 4), largest)), null,
                $"{Count(range.Operations)} ops: {agreement}");
        }
        return new WindowDecision(true, null, null, agreement + $", beyond {Percent(settings.Tolerance)}: UNSTABLE", Stable: false);
    }

    /// <summary>The rule text recorded with the results.</summary>
    public string Rule(IReadOnlyList<string> tried, WindowDecision final) =>
        $"auto: >= {Count(settings.TargetInstructions)} instructions, halves within {Percent(settings.Tolerance)}; "
        + (tried.Count > 0 ? "grown after " + string.Join("; ", tried) + "; " : "")
        + final.Note;

    /// <summary>Relative difference of two values, against their mean (0 when both are 0).</summary>
    public static double Disagreement(double a, double b)
    {
        var mean = (a + b) / 2;
        return mean == 0 ? (a == b ? 0 : double.PositiveInfinity) : Math.Abs(a - b) / Math.Abs(mean);
    }

    /// <summary>
    /// <paramref name="operations"/> rounded up to 2, 4, 6, 8 or to 1, 2 or 5 × 10^k: windows of round sizes,
    /// so that runs on similar machines tend to choose the same one.
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

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Percent(double fraction) =>
        double.IsFinite(fraction) ? (fraction * 100).ToString("0.###", CultureInfo.InvariantCulture) + " %" : "∞ %";
}
