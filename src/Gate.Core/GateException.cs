namespace Gate.Core;

/// <summary>
/// A problem of the user's input, configuration or environment: its message is one clear line for stderr,
/// and the tool exits with code 2. Never used for bugs.
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
}
