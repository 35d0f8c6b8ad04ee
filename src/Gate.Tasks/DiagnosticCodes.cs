namespace Gate.Tasks;

/// <summary>
/// The stable codes the BenchGate task logs (documented in the README's table; never renumbered). BG1xxx are about
/// the results, BG2xxx about the configuration and the environment.
/// </summary>
public static class DiagnosticCodes
{
    /// <summary>Error (a warning with <c>BenchGateFailOn=never</c>): a benchmark regressed; logged at its <c>func Benchmark…</c> line.</summary>
    public const string Regression = "BG1001";

    /// <summary>Message: a benchmark improved; logged at its line.</summary>
    public const string Improvement = "BG1002";

    /// <summary>Warning: a benchmark failed (build error, panic) or was not measured, so it was not compared.</summary>
    public const string NotCompared = "BG1003";

    /// <summary>Warning: a benchmark's metric got no verdict (insufficient data, incomparable, machine speed changed).</summary>
    public const string NoVerdict = "BG1004";

    /// <summary>Error: a task property has an invalid value.</summary>
    public const string InvalidProperty = "BG2001";

    /// <summary>Error: the configuration file (benchgate.json) cannot be read or is invalid.</summary>
    public const string InvalidConfig = "BG2002";

    /// <summary>Error: the benchmarks could not be measured (Go or valgrind missing, no benchmarks, bad -bench).</summary>
    public const string MeasureFailed = "BG2003";

    /// <summary>Error: the baseline store cannot be opened or read.</summary>
    public const string StoreFailed = "BG2004";

    /// <summary>Error: the store holds no baseline for this repository, branch, backend and machine.</summary>
    public const string NoBaseline = "BG2005";

    /// <summary>Error: the report file cannot be written.</summary>
    public const string ReportFailed = "BG2006";

    /// <summary>Warning: what the measurement says about this machine (unsupported counters, flagged samples).</summary>
    public const string MeasurementNote = "BG2007";

    /// <summary>Error: the build was cancelled while the gate ran.</summary>
    public const string Cancelled = "BG2008";
}
