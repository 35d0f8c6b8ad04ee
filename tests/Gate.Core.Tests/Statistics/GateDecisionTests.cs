using Gate.Core.Statistics;
using Gate.TestUtilities;

namespace Gate.Core.Tests.Statistics;

public class GateDecisionTests
{
    private static ComparisonReport Report(double newCenter) =>
        ComparisonEngine.Compare(
            new Runs().With("BenchmarkA", "sec/op", Runs.Around(1e-6)).Build(),
            new Runs().With("BenchmarkA", "sec/op", Runs.Around(newCenter, seed: 2)).Build(), TestOptions.Compare);

    [Theory]
    [InlineData(1.5e-6, FailOn.Regression, true)]
    [InlineData(1.5e-6, FailOn.Never, false)]
    [InlineData(1e-6, FailOn.Regression, false)]
    [InlineData(0.5e-6, FailOn.Regression, false)]
    public void Fails_RegressionOnlyWhenAsked(double newCenter, FailOn failOn, bool fails)
    {
        Assert.Equal(fails, GateDecision.Fails(Report(newCenter), failOn));
    }

    [Fact]
    public void ParseFailOn_ValuesAndDefault()
    {
        Assert.Equal(FailOn.Regression, GateDecision.ParseFailOn(null, "x"));
        Assert.Equal(FailOn.Never, GateDecision.ParseFailOn("never", "x"));
        Assert.Equal("benchgate.json: fail-on must be \"regression\" or \"never\" (got \"always\")", Assert.Throws<GateException>(() => GateDecision.ParseFailOn("always", "benchgate.json")).Message);
    }
}
