using Gate.Core.Reporting;

namespace Gate.Core.Tests.Reporting;

public class MetricFormatTests
{
    [Theory]
    [InlineData(1.2344e-6, "sec/op", "1.234µ")]
    [InlineData(103.5e-9, "sec/op", "103.5n")]
    [InlineData(2.5, "sec/op", "2.500")]
    [InlineData(11763, "B/op", "11.49Ki")]
    [InlineData(0, "B/op", "0")]
    [InlineData(166, "allocs/op", "166.0")]
    [InlineData(1234567, "instructions/op", "1.235M")]
    [InlineData(0.3125, "ratio", "0.3125")]
    [InlineData(0.00157, "context-switches/op", "1.570m")]
    [InlineData(-0.0004001, "page-faults/op", "-400.1µ")]
    [InlineData(0.05, "branch-miss-rate", "0.05000")]
    public void Format_ScalesByUnit(double value, string unit, string expected)
    {
        Assert.Equal(expected, MetricFormat.Format(value, unit));
    }

    [Theory]
    [InlineData(0.042, "+4.20%")]
    [InlineData(-0.1, "-10.00%")]
    public void Percent_Signed(double fraction, string expected)
    {
        Assert.Equal(expected, MetricFormat.Percent(fraction));
    }
}
