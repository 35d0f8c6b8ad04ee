using Gate.Core.Statistics;
using Perfolizer.Mathematics.SignificanceTesting.Base;
using Perfolizer.Mathematics.SignificanceTesting.MannWhitney;
using PerfolizerThreshold = Perfolizer.Metrology.Threshold;

namespace Gate.Core.Tests.Statistics;

public class MannWhitneyTests
{
    private static double[] Sorted(params double[] values) => [.. values.Order()];

    [Theory]
    [InlineData(5, 5, 1)]
    [InlineData(8, 10, 2)]
    [InlineData(10, 10, 3)]
    [InlineData(12, 7, 4)]
    [InlineData(20, 20, 5)]
    public void Test_NoTies_AgreesWithPerfolizerExact(int n1, int n2, int seed)
    {
        // Given samples without ties (continuous values) and a shift
        var random = new Random(seed);
        for (var round = 0; round < 20; round++)
        {
            var x = Sorted([.. Enumerable.Range(0, n1).Select(_ => random.NextDouble())]);
            var y = Sorted([.. Enumerable.Range(0, n2).Select(_ => random.NextDouble() + round * 0.03)]);

            // When both compute the two-sided p-value
            var ours = new MannWhitney().Test(x, y);
            var perfolizer = MannWhitneyTest.Instance.PerformStrategy(new Pragmastat.Sample(x), new Pragmastat.Sample(y), AlternativeHypothesis.TwoSides, PerfolizerThreshold.Zero, MannWhitneyStrategy.ClassicExact);

            // Then they agree
            Assert.Equal(MannWhitneyMethod.Exact, ours.Method);
            Assert.Equal(Math.Min(1, perfolizer.PValue.Value), ours.PValue, 1e-9);
        }
    }

    [Fact]
    public void Test_Ties_UsesExactTieDistributionNotPerfolizersMidranks()
    {
        // Given the corpus's CRC32/size=15/align=0 timings (ns/op), which tie once (28.21 twice)
        var old = Sorted(27.86, 28.22, 27.86, 28.61, 32.64, 28.44, 50.65, 32.84, 28.21, 27.55);
        double[] @new = [.. old.Select((v, i) => i % 3 == 0 ? v * 1.2 : v).Order()];

        // When tested
        var ours = new MannWhitney().Test(old, @new);
        var perfolizer = MannWhitneyTest.Instance.Perform(new Pragmastat.Sample(old), new Pragmastat.Sample(@new), AlternativeHypothesis.TwoSides, PerfolizerThreshold.Zero).PValue.Value;

        // Then the tie-aware exact method applies and differs from Perfolizer (which ranks ties but keeps the tie-free distribution)
        Assert.Equal(MannWhitneyMethod.ExactWithTies, ours.Method);
        Assert.NotEqual(Math.Round(perfolizer, 3), Math.Round(ours.PValue, 3));
    }

    [Fact]
    public void Test_SmallTiedExample_MatchesHandCount()
    {
        // Given x = {1, 2}, y = {2, 3}: midranks 1, 2.5, 2.5, 4; R1 = 3.5, U1 = 0.5
        // The 6 equally likely assignments of {1, 2.5, 2.5, 4} give R1 ∈ {3.5, 3.5, 5, 5, 6.5, 6.5}; P(R1 ≤ 3.5) = 2/6
        var result = new MannWhitney().Test([1, 2], [2, 3]);

        Assert.Equal(0.5, result.U);
        Assert.Equal(MannWhitneyMethod.ExactWithTies, result.Method);
        Assert.Equal(2.0 / 3, result.PValue, 1e-12);
    }

    [Fact]
    public void Test_LargeTiedSamples_NormalApproximationWithCorrections()
    {
        // Given 30 values per side with ties (integers)
        var x = Sorted([.. Enumerable.Range(0, 30).Select(i => (double)(i % 10))]);
        var y = Sorted([.. Enumerable.Range(0, 30).Select(i => (double)(i % 10 + 1))]);

        var result = new MannWhitney().Test(x, y);

        // Then: U from midranks, z with tie correction and continuity correction (values computed by hand below)
        Assert.Equal(MannWhitneyMethod.NormalApproximation, result.Method);
        double n1 = 30, n2 = 30, n = 60;
        var ties = 0.0;
        foreach (var size in new[] { 3, 6, 6, 6, 6, 6, 6, 6, 6, 6, 3 })
        {
            ties += (double)size * size * size - size;
        }
        var sd = Math.Sqrt(n1 * n2 * ((n + 1) - ties / (n * (n - 1))) / 12);
        var z = (result.U - n1 * n2 / 2 + 0.5) / sd;
        Assert.Equal(2 * (0.5 * (1 + Erf(z / Math.Sqrt(2)))), result.PValue, 1e-6);
    }

    [Fact]
    public void Test_AllValuesEqual_PIsOne()
    {
        var result = new MannWhitney().Test([3, 3, 3], [3, 3]);

        Assert.Equal(MannWhitneyMethod.AllEqual, result.Method);
        Assert.Equal(1, result.PValue);
    }

    [Theory]
    [InlineData(3, 3, 0.1)]
    [InlineData(4, 4, 2.0 / 70)]
    [InlineData(10, 10, 2.0 / 184756)]
    public void MinimumPValue_CompletelySeparated(int n1, int n2, double expected)
    {
        Assert.Equal(expected, MannWhitney.MinimumPValue(n1, n2), 1e-12);
        var separated = new MannWhitney().Test([.. Enumerable.Range(0, n1).Select(i => (double)i)], [.. Enumerable.Range(100, n2).Select(i => (double)i)]);
        Assert.Equal(expected, separated.PValue, 1e-12);
    }

    private static double Erf(double x)
    {
        // Abramowitz–Stegun 7.1.26 is too coarse for 1e-6; integrate instead (Simpson, fine grid).
        var steps = 20000;
        var h = x / steps;
        var sum = 0.0;
        for (var i = 0; i <= steps; i++)
        {
            var t = i * h;
            var weight = i == 0 || i == steps ? 1 : i % 2 == 1 ? 4 : 2;
            sum += weight * Math.Exp(-t * t);
        }
        return 2 / Math.Sqrt(Math.PI) * sum * h / 3;
    }
}
