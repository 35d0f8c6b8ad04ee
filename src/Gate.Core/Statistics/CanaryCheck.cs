using System.Globalization;
using Gate.Core.Results;

namespace Gate.Core.Statistics;

/// <summary>What the machine-speed canary says about the two runs.</summary>
public enum CanaryState
{
    /// <summary>One side or both recorded no canary (or different canaries): speed changes cannot be told apart from code changes.</summary>
    Missing,

    /// <summary>The canary did not move: wall times are judged as usual.</summary>
    Steady,

    /// <summary>The canary moved between the sides: wall-time metrics get <see cref="Verdict.EnvironmentChanged"/>.</summary>
    Moved,

    /// <summary>The canary moved within a side (the machine changed speed during that run): as <see cref="Moved"/>.</summary>
    Unstable,
}

/// <summary>The canary comparison and its one-line explanation for reports.</summary>
/// <param name="State">What happened.</param>
/// <param name="Change">Change of the canary's median, new / old − 1; null when missing.</param>
/// <param name="PValue">Mann–Whitney p-value of the canary timings; null when missing.</param>
/// <param name="Summary">One line for the report.</param>
public sealed record CanaryCheck(CanaryState State, double? Change, double? PValue, string Summary)
{
    /// <summary>True when wall-time metrics cannot be judged.</summary>
    public bool SpeedChanged => State is CanaryState.Moved or CanaryState.Unstable;

    /// <summary>
    /// Compares the canaries of two runs. Rule (documented in the README): when the canary moved, every metric whose
    /// declaration says it depends on the machine's speed (wall times, throughputs) gets
    /// <see cref="Verdict.EnvironmentChanged"/> instead of a verdict; wall times are not divided by the canary, because on these machines the speed flips within
    /// seconds and one canary timing per round does not say what speed each sample ran at. The memory phase, where both
    /// runs recorded it, is checked between the runs only: its timings spread up to 2× from process to process even on
    /// a quiet machine, so a spread within one run says nothing; a run spent in a slower (or faster) state does.
    /// </summary>
    public static CanaryCheck Of(CanaryRecord? old, CanaryRecord? @new, CanaryPolicy policy, MannWhitney test)
    {
        var cpu = OfPhase("speed canary", old, @new, policy, test, spreadRule: true);
        if (cpu.State == CanaryState.Missing || old!.Memory is null || @new!.Memory is null)
        {
            return cpu;
        }
        var memory = OfPhase("memory canary", old.Memory, @new.Memory, policy, test, spreadRule: false);
        if (memory.SpeedChanged && !cpu.SpeedChanged)
        {
            return memory;
        }
        if (cpu.SpeedChanged || memory.State != CanaryState.Steady)
        {
            return cpu;
        }
        return cpu with { Summary = cpu.Summary[..^JudgedAsUsual.Length] + "; " + memory.Summary };
    }

    /// <summary>The end of a steady phase's summary; where both phases are steady, it ends the joined summary once.</summary>
    private const string JudgedAsUsual = ": wall times judged as usual";

    private static CanaryCheck OfPhase(string label, CanaryRecord? old, CanaryRecord? @new, CanaryPolicy policy, MannWhitney test, bool spreadRule)
    {
        if (old is null || @new is null || old.SecondsPerOp.Count == 0 || @new.SecondsPerOp.Count == 0)
        {
            var which = old is null && @new is null ? "neither run recorded one" : old is null ? "the old run recorded none" : "the new run recorded none";
            return new CanaryCheck(CanaryState.Missing, null, null, $"{label}: {which}; a change of machine speed cannot be told from a change of code");
        }
        if (old.SecondsPerOp.Concat(@new.SecondsPerOp).Any(t => !(t > 0) || !double.IsFinite(t)))
        {
            return new CanaryCheck(CanaryState.Missing, null, null, $"{label}: a timing is not a positive number; not compared");
        }
        if (old.Name != @new.Name)
        {
            return new CanaryCheck(CanaryState.Missing, null, null, $"{label}: different canaries ({old.Name} vs {@new.Name}); not compared");
        }
        var a = old.SecondsPerOp.Order().ToArray();
        var b = @new.SecondsPerOp.Order().ToArray();
        var oldMedian = SampleSummary.MedianOf(a);
        var change = SampleSummary.MedianOf(b) / oldMedian - 1;
        var p = test.Test(a, b).PValue;
        var text = $"{Percent(change)} (p={p.ToString("0.000", CultureInfo.InvariantCulture)}, n={a.Length}+{b.Length})";
        foreach (var (side, values) in spreadRule ? new[] { ("old", a), ("new", b) } : [])
        {
            if (values[0] > 0 && values[^1] / values[0] >= policy.InstabilityRatio)
            {
                return new CanaryCheck(CanaryState.Unstable, change, p,
                    $"{label}: the machine changed speed during the {side} run (canary timings spread {Factor(values[^1] / values[0])}); wall-time metrics are not judged (environment changed), counters and allocations are");
            }
        }
        if (p <= policy.Alpha && Math.Abs(change) >= policy.Tolerance)
        {
            return new CanaryCheck(CanaryState.Moved, change, p,
                $"{label} moved {text}: the machine's speed changed between the runs; wall-time metrics are not judged (environment changed), counters and allocations are");
        }
        return new CanaryCheck(CanaryState.Steady, change, p, $"{label} steady {text}{JudgedAsUsual}");
    }

    private static string Percent(double fraction) =>
        (fraction >= 0 ? "+" : "") + (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string Factor(double ratio) => ratio.ToString("0.00", CultureInfo.InvariantCulture) + "×";
}
