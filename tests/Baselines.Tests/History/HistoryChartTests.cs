using System.Globalization;
using System.Xml.Linq;
using Gate.Baselines.History;

namespace Gate.Baselines.Tests.History;

public class HistoryChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void Svg_HistoryWithAStep_IsValidSvgWithOnePointPerRunAndTheShiftMarked()
    {
        // Given a detected 10 % step in 60 runs
        var series = SyntheticHistory.Series(SyntheticHistory.Step(11, 60, 30, 1.10, new SyntheticHistory.NoiseModel(0.02, 0, 1)));
        var shifts = ChangePointDetector.Detect(series);

        // When it is drawn
        var document = XDocument.Parse(HistoryChart.Svg(series, shifts));

        // Then it is well-formed SVG with 60 points, and one dashed line at the shift labelled with size and commit
        Assert.Equal(Svg + "svg", document.Root!.Name);
        Assert.Equal(60, document.Descendants(Svg + "circle").Count());
        var line = Assert.Single(document.Descendants(Svg + "line"), l => (string?)l.Attribute("class") == "shift");
        Assert.Equal(shifts[0].Point.Run.ToString(CultureInfo.InvariantCulture), (string?)line.Attribute("data-run"));
        var label = document.Descendants(Svg + "text").Select(t => t.Value).Single(t => t.Contains(" at c", StringComparison.Ordinal));
        Assert.Matches(@"^\+\d+\.\d\d% at c\d+$", label);
        Assert.Contains("sec/op", document.Descendants(Svg + "text").First().Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Svg_PointsAndShift_ArePlacedInOrderLeftToRight()
    {
        // Given a history with a shift
        var series = SyntheticHistory.Series(SyntheticHistory.Step(12, 40, 20, 1.5, new SyntheticHistory.NoiseModel(0.01, 0, 1)));
        var shifts = ChangePointDetector.Detect(series);
        var document = XDocument.Parse(HistoryChart.Svg(series, shifts));

        // Then x grows with the run, higher values are drawn higher (smaller y), and the shift line is between runs 19 and 20
        var circles = document.Descendants(Svg + "circle").Select(c => (X: double.Parse((string)c.Attribute("cx")!, CultureInfo.InvariantCulture), Y: double.Parse((string)c.Attribute("cy")!, CultureInfo.InvariantCulture))).ToList();
        Assert.Equal(circles.Select(c => c.X).Order(), circles.Select(c => c.X));
        Assert.True(circles.Take(20).Average(c => c.Y) > circles.Skip(20).Average(c => c.Y));
        var x = double.Parse((string)document.Descendants(Svg + "line").Single(l => (string?)l.Attribute("class") == "shift").Attribute("x1")!, CultureInfo.InvariantCulture);
        Assert.InRange(x, circles[19].X, circles[20].X);
    }

    [Fact]
    public void Svg_NoRuns_SaysSo()
    {
        var svg = HistoryChart.Svg(new MetricSeries("p BenchmarkX", "sec/op", []), []);

        Assert.Contains("no runs measured this metric", XDocument.Parse(svg).Root!.Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0, 1.0, 0.0, 1.0, 0.2)]
    [InlineData(1.02e-6, 1.13e-6, 1.0e-6, 1.15e-6, 0.05e-6)]
    [InlineData(98.0, 131.0, 90.0, 140.0, 10.0)]
    [InlineData(5.0, 5.0, 4.7, 5.3, 0.1)]
    public void Ticks_Range_EnclosesTheValuesWithRoundSteps(double min, double max, double low, double high, double step)
    {
        var ticks = HistoryChart.Ticks(min, max);

        Assert.Equal(low, ticks.Low, 1e-9 * Math.Abs(high));
        Assert.Equal(high, ticks.High, 1e-9 * Math.Abs(high));
        Assert.Equal(step, ticks.Step, 1e-9 * step);
    }
}
