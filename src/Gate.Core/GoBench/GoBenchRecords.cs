namespace Gate.Core.GoBench;

/// <summary>One value/unit pair of a result line, units already tidied (<c>ns/op</c> read as <c>sec/op</c>).</summary>
/// <param name="Value">The measured value in <paramref name="Unit"/>.</param>
/// <param name="Unit">The unit, for example <c>sec/op</c>, <c>B/op</c>, <c>allocs/op</c> or a custom <c>b.ReportMetric</c> unit.</param>
public sealed record GoBenchValue(double Value, string Unit);

/// <summary>One result line of Go benchmark text.</summary>
/// <param name="Name">Full benchmark name without the <c>-P</c> suffix, for example <c>BenchmarkFoo/size=10</c>.</param>
/// <param name="Procs">GOMAXPROCS, from the <c>-P</c> suffix; 1 when there is none (as <c>go test</c> prints it).</param>
/// <param name="Iterations">The iteration count N of the line.</param>
/// <param name="Values">The value/unit pairs, in line order.</param>
/// <param name="Config">The configuration in force at this line.</param>
/// <param name="Line">1-based line number in the source.</param>
public sealed record GoBenchResult(string Name, int Procs, long Iterations, IReadOnlyList<GoBenchValue> Values, GoBenchConfig Config, int Line)
{
    /// <summary>The <c>pkg</c> key of the configuration, or an empty string.</summary>
    public string Package => Config.Get("pkg") ?? "";

    /// <summary>The value of <paramref name="unit"/>, or null when the line does not have it.</summary>
    public double? ValueOf(string unit)
    {
        foreach (var value in Values)
        {
            if (value.Unit == unit)
            {
                return value.Value;
            }
        }
        return null;
    }
}

/// <summary>A line that looks like a result or configuration but cannot be read; never fatal.</summary>
public sealed record SyntaxError(string File, int Line, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}: {Message}";
}

/// <summary>What kind of non-result outcome a benchmark had.</summary>
public enum GoBenchFailureKind
{
    /// <summary><c>--- FAIL: BenchmarkX</c>: the benchmark called <c>b.Fatal</c>/<c>b.Error</c>.</summary>
    Failed,

    /// <summary><c>--- SKIP: BenchmarkX</c>: the benchmark called <c>b.Skip</c>.</summary>
    Skipped,

    /// <summary>A <c>panic:</c> line: the process died.</summary>
    Panicked,
}

/// <summary>A benchmark that produced no result line: failed, skipped or panicked.</summary>
/// <param name="Name">Benchmark name without <c>-P</c>, or null when the output does not say (a panic).</param>
/// <param name="Kind">What happened.</param>
/// <param name="Line">1-based line where it was reported.</param>
/// <param name="Detail">The first lines of output that explain it.</param>
public sealed record GoBenchFailure(string? Name, GoBenchFailureKind Kind, int Line, string Detail);

/// <summary>Everything read from one Go benchmark text.</summary>
public sealed record GoBenchFile(
    string Path,
    IReadOnlyList<GoBenchResult> Results,
    IReadOnlyList<SyntaxError> Errors,
    IReadOnlyList<GoBenchFailure> Failures);
