namespace Gate.Core;

/// <summary>What an error is about: the tool maps kinds to exit codes, the MSBuild task to BG codes, the hook to allow/block.</summary>
public enum GateErrorKind
{
    /// <summary>Not classified where it was thrown; the stage that catches it says what it was doing.</summary>
    Unspecified,

    /// <summary>A flag, MSBuild property or action input has a bad value, or two of them contradict each other.</summary>
    Usage,

    /// <summary>The configuration file (benchgate.json) cannot be read or holds a bad value.</summary>
    Configuration,

    /// <summary>This machine lacks what the measurement needs (Go, valgrind, perf, a git work tree).</summary>
    Environment,

    /// <summary>The baseline store cannot be opened, read or written.</summary>
    Store,

    /// <summary>The benchmarks could not be measured (nothing matches, a bad -bench, no benchmark in both revisions).</summary>
    Measurement,

    /// <summary>The report file cannot be written.</summary>
    Report,
}

/// <summary>
/// A problem of the user's input, configuration or environment: its message is one clear line for stderr,
/// and the tool exits with code 2. Never used for bugs. <see cref="Kind"/> says what it is about.
/// </summary>
public sealed class GateException : Exception
{
    /// <summary>Creates the exception with a one-line message.</summary>
    public GateException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a one-line message and its cause.</summary>
    public GateException(string message, Exception inner) : base(message, inner)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public GateException() : base("benchgate failed")
    {
    }

    /// <summary>Creates the exception with its kind and a one-line message.</summary>
    public GateException(GateErrorKind kind, string message, Exception? inner = null) : base(message, inner)
    {
        Kind = kind;
    }

    /// <summary>What the error is about.</summary>
    public GateErrorKind Kind { get; }

    /// <summary>This error with <paramref name="kind"/> when it has none yet (same message); else itself.</summary>
    public GateException Classified(GateErrorKind kind) => Kind == GateErrorKind.Unspecified ? new GateException(kind, Message, this) : this;
}
