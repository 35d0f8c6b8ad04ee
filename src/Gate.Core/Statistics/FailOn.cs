namespace Gate.Core.Statistics;

/// <summary>When a comparison fails the gate (<c>--fail-on</c>, <c>failOn</c> in benchgate.json).</summary>
public enum FailOn
{
    /// <summary>At least one regression fails the gate (exit code 1).</summary>
    Regression,

    /// <summary>Report only: the gate never fails on results.</summary>
    Never,
}

/// <summary>The pass/fail decision of the gate, kept pure so that every host (compare, check, MSBuild) decides alike.</summary>
public static class GateDecision
{
    /// <summary>Parses <c>regression</c> or <c>never</c>; null gives the default (<see cref="FailOn.Regression"/>).</summary>
    public static FailOn ParseFailOn(string? text, string where) => text switch
    {
        null or "regression" => FailOn.Regression,
        "never" => FailOn.Never,
        _ => throw new GateException($"{where}: fail-on must be \"regression\" or \"never\" (got \"{text}\")"),
    };

    /// <summary>True when <paramref name="report"/> fails the gate under <paramref name="failOn"/>.</summary>
    public static bool Fails(ComparisonReport report, FailOn failOn) => failOn == FailOn.Regression && report.HasRegression;
}
