using Gate.Core.Statistics;

namespace Gate.Core.Checking;

/// <summary>What a check concluded.</summary>
/// <param name="Sides">What was compared.</param>
/// <param name="Report">The comparison.</param>
/// <param name="Fails">True when the gate fails (a regression, and the policy says regressions fail).</param>
public sealed record CheckOutcome(CheckSides Sides, ComparisonReport Report, bool Fails)
{
    /// <summary>One line for logs and titles, for example <c>benchgate: 1 regression, 40 unchanged</c>.</summary>
    public string Headline(string gateName) => $"{gateName}: {Report.Tally()}";
}

/// <summary>
/// The decision stage of <c>benchgate check</c>, shared by the command line and the MSBuild task: compare the two
/// sides (with the sides' own thresholds where they bring them) and apply the fail-on policy.
/// </summary>
public static class GateCheck
{
    /// <summary>Compares the sides; a missing reference is a <see cref="GateException"/> carrying its explanation.</summary>
    public static CheckOutcome Evaluate(CheckSides sides, CompareOptions options, FailOn policy)
    {
        if (sides.Old is null)
        {
            throw new GateException(sides.OldDescription);
        }
        var effective = sides.Thresholds is null ? options : options with { Thresholds = sides.Thresholds };
        var report = ComparisonEngine.Compare(sides.Old, sides.New, effective);
        return new CheckOutcome(sides, report, GateDecision.Fails(report, policy));
    }
}
