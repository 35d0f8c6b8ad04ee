namespace Gate.Core.Counters;

/// <summary>
/// The two iteration counts of one perf sample. perf counts the whole process: start, package init, Go's N=1
/// probe run of the benchmark (with its setup) and the measured run (with its setup again). Running the test
/// binary with <c>-test.benchtime=N1x</c> and <c>N2x</c> and taking <c>(C(N2) − C(N1)) / (N2 − N1)</c> cancels
/// everything both processes do alike and leaves the cost of N2 − N1 operations.
/// </summary>
/// <param name="Short">N1: at least 2, because with <c>-test.benchtime=1x</c> Go stops after its probe run and so
/// runs the benchmark's setup once instead of twice, which would leave one setup in the difference.</param>
/// <param name="Long">N2: the calibrated iteration count (at least N1 + 1), so that the window of N2 − N1
/// operations lasts about one sample time, large against the noise of process start.</param>
public sealed record PerfWindow(long Short, long Long)
{
    /// <summary>The smallest N1 that runs the setup as often as any larger N.</summary>
    public const long MinimumShort = 2;

    /// <summary>N2 − N1: the number of operations the difference counts.</summary>
    public long Operations => Long - Short;

    /// <summary>The window of a benchmark calibrated to <paramref name="iterations"/> iterations per sample.</summary>
    public static PerfWindow For(long iterations) => new(MinimumShort, Math.Max(iterations, MinimumShort + 1));

    /// <summary>The per-operation value of a count that was <paramref name="shortCount"/> with N1 and <paramref name="longCount"/> with N2.</summary>
    public double PerOperation(double shortCount, double longCount) => (longCount - shortCount) / Operations;
}
