namespace Gate.Tasks;

/// <summary>An expected failure of the gate, with the stable code it is logged under (<see cref="DiagnosticCodes"/>).</summary>
public sealed class GateTaskError : Exception
{
    /// <summary>Creates the error.</summary>
    public GateTaskError(string code, string message, Exception? inner = null)
        : base(message, inner)
    {
        Code = code;
    }

    /// <summary>Creates an error without a code (<see cref="DiagnosticCodes.MeasureFailed"/>).</summary>
    public GateTaskError()
        : this(DiagnosticCodes.MeasureFailed, "the gate failed")
    {
    }

    /// <summary>Creates an error without a code (<see cref="DiagnosticCodes.MeasureFailed"/>).</summary>
    public GateTaskError(string message)
        : this(DiagnosticCodes.MeasureFailed, message)
    {
    }

    /// <summary>Creates an error without a code (<see cref="DiagnosticCodes.MeasureFailed"/>).</summary>
    public GateTaskError(string message, Exception inner)
        : this(DiagnosticCodes.MeasureFailed, message, inner)
    {
    }

    /// <summary>The BGxxxx code.</summary>
    public string Code { get; }
}
