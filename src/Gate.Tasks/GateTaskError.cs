using Gate.Core;

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

    /// <summary>The error of <paramref name="error"/>, under the code of its kind.</summary>
    public static GateTaskError From(GateException error) => new(CodeOf(error.Kind), error.Message, error);

    /// <summary>The code an error of <paramref name="kind"/> is logged under.</summary>
    public static string CodeOf(GateErrorKind kind) => kind switch
    {
        GateErrorKind.Usage => DiagnosticCodes.InvalidProperty,
        GateErrorKind.Configuration => DiagnosticCodes.InvalidConfig,
        GateErrorKind.Store => DiagnosticCodes.StoreFailed,
        GateErrorKind.Report => DiagnosticCodes.ReportFailed,
        _ => DiagnosticCodes.MeasureFailed,
    };
}
