using Gate.Core.Statistics;
using Gate.TestUtilities;
using Xunit.Abstractions;

namespace Gate.Statistics.SimulationTests;

/// <summary>
/// Power: the smallest slowdown BenchGate calls a regression in at least 95 % of runs, at 10 samples per side,
/// for one noise level (log-normal σ = 5 %, that is about ±5 % jitter), with the default 5 % threshold and
/// Benjamini–Hochberg over a run of 20 benchmarks of which one is slower. The README quotes the figure.
/// </summary>
public class PowerTests(ITestOutputHelper output)
{
    private const int Trials = 200;
    private const int Benchmarks = 20;
    private const int Samples = 10;

    /// <summary>Share of trials in which the slowed benchmark is called a regression.</summary>
    private static double DetectionRate(double slowdown, Noise noise, int seed)
    {
        var random = new Random(seed);
        var detected = 0;
        for (var trial = 0; trial < Trials; trial++)
        {
            var (old, @new) = SimulatedRuns.Pair(random, noise, Benchmarks, Samples, i => i == 0 ? 1 + slowdown : 1.0);
            var report = ComparisonEngine.Compare(old, @new, TestOptions.Compare);
            if (report.Comparisons.Single(c => c.Benchmark == "BenchmarkSim0").Verdict == Verdict.Regression)
            {
                detected++;
            }
        }
        return (double)detected / Trials;
    }

    [Fact]
    [Trait(Traits.Category, Traits.Slow)]
    public void Compare_TenSamplesFivePercentNoise_SmallestShiftDetected95PercentOfTheTime()
    {
        // Given slowdowns from 1 % to 30 %
        double? smallest = null;
        for (var percent = 1; percent <= 30; percent++)
        {
            // When each is simulated many times
            var rate = DetectionRate(percent / 100.0, Noise.LogNormal, seed: 1000 + percent);
            output.WriteLine($"slowdown {percent,2}%: detected in {rate:P1} of runs");
            if (rate >= 0.95)
            {
                smallest = percent;
                break;
            }
        }

        // Then the smallest slowdown detected 95 % of the time is about 14 % (README: "Power")
        Assert.NotNull(smallest);
        Assert.InRange(smallest!.Value, 8, 16);
    }

    [Fact]
    [Trait(Traits.Category, Traits.Slow)]
    public void Compare_BelowThreshold_NeverARegression()
    {
        // A 3 % slowdown is below the 5 % threshold: however clear, it is not a regression
        Assert.Equal(0, DetectionRate(0.03, new Noise("σ=0.5%", 0.005), seed: 5));
    }
}
