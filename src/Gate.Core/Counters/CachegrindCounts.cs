namespace Gate.Core.Counters;

/// <summary>
/// Cachegrind's whole-run event counts (the <c>summary:</c> line with <c>--cache-sim=yes --branch-sim=yes</c>),
/// or a difference of two runs. Names are cachegrind's event names.
/// </summary>
/// <param name="Ir">Instructions executed.</param>
/// <param name="I1mr">First-level instruction cache read misses.</param>
/// <param name="ILmr">Last-level cache misses of instruction reads.</param>
/// <param name="Dr">Data reads.</param>
/// <param name="D1mr">First-level data cache read misses.</param>
/// <param name="DLmr">Last-level cache misses of data reads.</param>
/// <param name="Dw">Data writes.</param>
/// <param name="D1mw">First-level data cache write misses.</param>
/// <param name="DLmw">Last-level cache misses of data writes.</param>
/// <param name="Bc">Conditional branches executed.</param>
/// <param name="Bcm">Conditional branches mispredicted.</param>
/// <param name="Bi">Indirect branches executed.</param>
/// <param name="Bim">Indirect branches mispredicted.</param>
public sealed record CachegrindCounts(
    long Ir, long I1mr, long ILmr, long Dr, long D1mr, long DLmr, long Dw, long D1mw, long DLmw, long Bc, long Bcm, long Bi, long Bim)
{
    /// <summary>The event names, in the order of the fields (and of cachegrind 3.19's <c>events:</c> line).</summary>
    public static IReadOnlyList<string> EventNames { get; } = ["Ir", "I1mr", "ILmr", "Dr", "D1mr", "DLmr", "Dw", "D1mw", "DLmw", "Bc", "Bcm", "Bi", "Bim"];

    /// <summary>First-level data cache misses, reads and writes.</summary>
    public long L1dMisses => D1mr + D1mw;

    /// <summary>First-level instruction cache misses.</summary>
    public long L1iMisses => I1mr;

    /// <summary>All first-level misses: instruction and data.</summary>
    public long L1Misses => I1mr + D1mr + D1mw;

    /// <summary>Last-level misses: instruction and data (each one a trip to memory).</summary>
    public long LLMisses => ILmr + DLmr + DLmw;

    /// <summary>Mispredicted branches, conditional and indirect.</summary>
    public long Mispredicts => Bcm + Bim;

    /// <summary>The counts from named values; every one of <see cref="EventNames"/> must be present.</summary>
    public static CachegrindCounts FromEvents(IReadOnlyDictionary<string, long> events) => new(
        events["Ir"], events["I1mr"], events["ILmr"], events["Dr"], events["D1mr"], events["DLmr"],
        events["Dw"], events["D1mw"], events["DLmw"], events["Bc"], events["Bcm"], events["Bi"], events["Bim"]);

    /// <summary>The counts of <paramref name="larger"/> minus those of <paramref name="smaller"/>, event by event.</summary>
    public static CachegrindCounts operator -(CachegrindCounts larger, CachegrindCounts smaller) => new(
        larger.Ir - smaller.Ir, larger.I1mr - smaller.I1mr, larger.ILmr - smaller.ILmr,
        larger.Dr - smaller.Dr, larger.D1mr - smaller.D1mr, larger.DLmr - smaller.DLmr,
        larger.Dw - smaller.Dw, larger.D1mw - smaller.D1mw, larger.DLmw - smaller.DLmw,
        larger.Bc - smaller.Bc, larger.Bcm - smaller.Bcm, larger.Bi - smaller.Bi, larger.Bim - smaller.Bim);

    /// <summary>Same as the <c>-</c> operator.</summary>
    public static CachegrindCounts Subtract(CachegrindCounts larger, CachegrindCounts smaller) => larger - smaller;
}
