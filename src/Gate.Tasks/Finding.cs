namespace Gate.Tasks;

/// <summary>How a finding is logged.</summary>
public enum FindingLevel
{
    /// <summary>A high-importance message.</summary>
    Message,

    /// <summary>A warning.</summary>
    Warning,

    /// <summary>An error: the build fails.</summary>
    Error,
}

/// <summary>One thing the gate tells the build, with a stable code and, when known, the Go source line it is about.</summary>
/// <param name="Code">A <see cref="DiagnosticCodes"/> code.</param>
/// <param name="Level">Message, warning or error.</param>
/// <param name="File">The <c>_test.go</c> file that defines the benchmark, or null.</param>
/// <param name="Line">The line of its <c>func Benchmark…</c>, or 0.</param>
/// <param name="Message">One line.</param>
public sealed record Finding(string Code, FindingLevel Level, string? File, int Line, string Message);
