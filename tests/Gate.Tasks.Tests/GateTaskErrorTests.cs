using Gate.Core;

namespace Gate.Tasks.Tests;

/// <summary>Tier 1: every kind of error the core reports maps to the BG code the README's table gives it.</summary>
public class GateTaskErrorTests
{
    [Theory]
    [InlineData(GateErrorKind.Usage, "BG2001")]
    [InlineData(GateErrorKind.Configuration, "BG2002")]
    [InlineData(GateErrorKind.Environment, "BG2003")]
    [InlineData(GateErrorKind.Measurement, "BG2003")]
    [InlineData(GateErrorKind.Unspecified, "BG2003")]
    [InlineData(GateErrorKind.Store, "BG2004")]
    [InlineData(GateErrorKind.Report, "BG2006")]
    public void From_ErrorOfAKind_ItsCodeAndMessage(GateErrorKind kind, string code)
    {
        var error = GateTaskError.From(new GateException(kind, "what went wrong"));

        Assert.Equal((code, "what went wrong"), (error.Code, error.Message));
    }
}
