using Gate.Core.Results;
using Gate.Core.Statistics;

namespace Gate.Core.Checking;

/// <summary>How a check ended, for the host to map: an exit code, BG codes, allow or block the push.</summary>
public enum CheckStatus
{
    /// <summary>Compared; the gate passes (no regression, or fail-on never).</summary>
    Passed,

    /// <summary>Compared; at least one regression fails the gate.</summary>
    Regressed,

    /// <summary>No baseline fits the candidate (none stored, or only ones of another branch, backend or machine): nothing was compared.</summary>
    NoComparableBaseline,
}

/// <summary>Where a benchmark of the outcome is defined.</summary>
/// <param name="Package">Go import path.</param>
/// <param name="Benchmark">Full benchmark name.</param>
/// <param name="PackageDirectory">The package's directory (from go list), or null when unknown.</param>
/// <param name="Location">Its <c>func Benchmark…</c> line, or null when not found.</param>
public sealed record BenchmarkSource(string Package, string Benchmark, string? PackageDirectory, SourceLocation? Location);

/// <summary>A regressed comparison and where its benchmark is defined.</summary>
/// <param name="Comparison">The comparison.</param>
/// <param name="Source">Where the benchmark is.</param>
public sealed record LocatedRegression(MetricComparison Comparison, BenchmarkSource Source);

/// <summary>Why nothing was compared: no stored baseline fits the candidate.</summary>
/// <param name="Explanation">One paragraph for people: what is missing, the nearest stored baseline and how it differs.</param>
/// <param name="Nearest">The nearest stored baseline's key, or null when the store is empty.</param>
/// <param name="Differences">How it differs from what the candidate needs (one line each).</param>
public sealed record MissingBaseline(string Explanation, string? Nearest, IReadOnlyList<string> Differences);

/// <summary>
/// What a check concluded: a value for every expected outcome — passed, regressed (with each regression's source
/// location), no comparable baseline (with the nearest one) — and the candidate's failures. Errors that remain are
/// <see cref="GateException"/>s with a <see cref="GateErrorKind"/>.
/// </summary>
/// <param name="Status">How it ended.</param>
/// <param name="Candidate">The results checked (measured now, or read).</param>
public sealed record CheckResult(CheckStatus Status, RunResults Candidate)
{
    /// <summary>The comparison, when there was one (not with <see cref="CheckStatus.NoComparableBaseline"/>).</summary>
    public CheckOutcome? Comparison { get; init; }

    /// <summary>Why nothing was compared, with <see cref="CheckStatus.NoComparableBaseline"/>.</summary>
    public MissingBaseline? Missing { get; init; }

    /// <summary>The regressions, each with where its benchmark is defined.</summary>
    public IReadOnlyList<LocatedRegression> Regressions { get; init; } = [];

    /// <summary>Where each benchmark the outcome names (regressed, improved, undecided, failed) is defined.</summary>
    public IReadOnlyList<BenchmarkSource> Sources { get; init; } = [];

    /// <summary>Benchmarks that failed or were not measured, so were not compared.</summary>
    public IReadOnlyList<BenchmarkFailure> Failures => Candidate.Failures;

    /// <summary>The report file written, or null.</summary>
    public string? ReportPath { get; init; }

    /// <summary>Where <paramref name="benchmark"/> of <paramref name="package"/> is defined, when known.</summary>
    public SourceLocation? Locate(string package, string benchmark) =>
        Sources.FirstOrDefault(s => s.Package == package && s.Benchmark == benchmark)?.Location;
}
