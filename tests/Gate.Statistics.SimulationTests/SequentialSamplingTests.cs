using Gate.Core.Results;
using Gate.Core.Statistics;
using Gate.TestUtilities;
using Xunit.Abstractions;

namespace Gate.Statistics.SimulationTests;

/// <summary>
/// <c>--samples auto</c> (<see cref="SequentialRule"/>) against a fixed 20 samples per side, on the same simulated
/// sample streams: each benchmark's 20 samples per side are drawn first; the fixed design compares all of them, the
/// sequential one takes them in order, one per side per round, asks the rule after every round, and compares the
/// samples it took. Runs of 20 benchmarks (sec/op), q = 0.05.
/// </summary>
public class SequentialSamplingTests(ITestOutputHelper output)
{
    private const int Runs = 200;
    private const int Benchmarks = 20;
    private const int Maximum = SequentialRule.DefaultMaximum;
    private const double Q = 0.05;

    /// <summary>What one design concluded over many runs.</summary>
    private sealed record Tally(int RunsWithAlarm, int Detected, int Agreements, int Comparisons, long Taken, long Fixed)
    {
        public double AlarmRate => (double)RunsWithAlarm / Runs;

        public double DetectionRate => (double)Detected / Runs;

        public double Agreement => (double)Agreements / Comparisons;

        public double Share => (double)Taken / Fixed;
    }

    /// <summary>The samples the rule takes of one run: per benchmark, how many per side before it settled (at most <see cref="Maximum"/>).</summary>
    private static int[] Taken(double[][] old, double[][] @new, CompareOptions options)
    {
        var rule = new SequentialRule(options, Maximum, comparisons: Benchmarks);
        var taken = new int[Benchmarks];
        var settled = new bool[Benchmarks];
        for (var round = 1; round <= Maximum; round++)
        {
            for (var i = 0; i < Benchmarks; i++)
            {
                if (settled[i])
                {
                    continue;
                }
                taken[i] = round;
                if (round < Maximum)
                {
                    settled[i] = rule.Judge(SimulatedRuns.Benchmark(i, old[i][..round]), SimulatedRuns.Benchmark(i, @new[i][..round]), null).Settled;
                }
            }
        }
        return taken;
    }

    private static RunResults Side(double[][] values, int[]? taken) =>
        SimulatedRuns.Run([.. values.Select((v, i) => SimulatedRuns.Benchmark(i, taken is null ? v : v[..taken[i]]))]);

    /// <summary>Runs both designs on <see cref="Runs"/> runs where benchmark 0's new side is <paramref name="factor"/> × slower.</summary>
    private static (Tally Fixed, Tally Auto) Simulate(Noise noise, double factor, CompareOptions options, int seed)
    {
        var random = new Random(seed);
        int fixedAlarms = 0, autoAlarms = 0, fixedDetected = 0, autoDetected = 0, agreements = 0;
        long taken = 0;
        for (var run = 0; run < Runs; run++)
        {
            var old = new double[Benchmarks][];
            var @new = new double[Benchmarks][];
            for (var i = 0; i < Benchmarks; i++)
            {
                var center = 1e-6 * (1 + i);
                old[i] = noise.Draw(random, center, Maximum);
                @new[i] = noise.Draw(random, center * (i == 0 ? factor : 1), Maximum);
            }
            var counts = Taken(old, @new, options);
            taken += 2L * counts.Sum();
            var fixedReport = ComparisonEngine.Compare(Side(old, null), Side(@new, null), options);
            var autoReport = ComparisonEngine.Compare(Side(old, counts), Side(@new, counts), options);
            bool Alarm(MetricComparison c) => c.Benchmark != "BenchmarkSim0" || factor == 1 ? c.Verdict is Verdict.Regression or Verdict.Improvement : false;
            fixedAlarms += fixedReport.Comparisons.Any(Alarm) ? 1 : 0;
            autoAlarms += autoReport.Comparisons.Any(Alarm) ? 1 : 0;
            fixedDetected += fixedReport.Comparisons[0].Verdict == Verdict.Regression ? 1 : 0;
            autoDetected += autoReport.Comparisons[0].Verdict == Verdict.Regression ? 1 : 0;
            agreements += fixedReport.Comparisons.Zip(autoReport.Comparisons).Count(p => p.First.Verdict == p.Second.Verdict);
        }
        var all = (long)Runs * Benchmarks * 2 * Maximum;
        return (new Tally(fixedAlarms, fixedDetected, Runs * Benchmarks, Runs * Benchmarks, all, all),
                new Tally(autoAlarms, autoDetected, agreements, Runs * Benchmarks, taken, all));
    }

    private static CompareOptions Options(bool thresholds) =>
        TestOptions.Compare with { Q = Q, Thresholds = thresholds ? Thresholds.Default : new SimulatedRuns.NoThresholds() };

    [Theory]
    [Trait(Traits.Category, Traits.Slow)]
    [InlineData("log-normal")]
    [InlineData("outliers")]
    public void Auto_AaRuns_FalseAlarmsAsWithTwentySamplesAndWithinTheBound(string model)
    {
        // Given A/A runs judged by the statistics alone (every threshold zero: the hardest case for false alarms)
        var noise = model == "outliers" ? Noise.WithOutliers : Noise.LogNormal;

        // When compared after a fixed 20 samples per side, and after --samples auto on the same sample streams
        var (fix, auto) = Simulate(noise, 1.0, Options(thresholds: false), seed: 7);

        // Then the runs with a false alarm exceed the fixed design's by at most q × 1/4 (the rule's bound on its interim
        // stops), in fact by at most one run of 200
        output.WriteLine($"A/A {noise.Name}, no thresholds: runs with a false alarm: 20 samples {fix.AlarmRate:P1}, auto {auto.AlarmRate:P1}; verdicts equal {auto.Agreement:P2}; samples taken {auto.Share:P1}");
        Assert.True(auto.AlarmRate <= fix.AlarmRate + Q * SequentialRule.InterimShare, $"auto {auto.AlarmRate:P1}, 20 samples {fix.AlarmRate:P1}");
        Assert.InRange(auto.RunsWithAlarm - fix.RunsWithAlarm, -1, 1);
        Assert.True(auto.Agreement >= 0.999, $"agreement {auto.Agreement:P2}");
    }

    [Theory]
    [Trait(Traits.Category, Traits.Slow)]
    [InlineData(0.01, 0.30)]
    [InlineData(0.03, 0.55)]
    [InlineData(0.05, 0.85)]
    [InlineData(0.25, 0.97)]
    public void Auto_OneRegressionAmongOthers_SameVerdictsWithFewerSamples(double sigma, double share)
    {
        // Given runs of 20 benchmarks with σ noise (25 %: wall times on this development machine), one 20 % slower,
        // the default 5 % threshold
        var noise = new Noise($"log-normal σ={sigma:P0}", sigma);

        // When compared after a fixed 20 samples per side, and after --samples auto
        var (fix, auto) = Simulate(noise, 1.20, Options(thresholds: true), seed: 11);

        // Then the verdicts are the same, the regression is found as often, with fewer samples
        output.WriteLine($"one +20 % among 20, {noise.Name}, default thresholds: detected 20 samples {fix.DetectionRate:P1}, auto {auto.DetectionRate:P1}; verdicts equal {auto.Agreement:P2}; samples taken {auto.Share:P1} of 20 per side");
        Assert.True(auto.Agreement >= 0.999, $"agreement {auto.Agreement:P2}");
        Assert.Equal(fix.DetectionRate, auto.DetectionRate);
        Assert.True(auto.Share <= share, $"samples taken {auto.Share:P1}");
    }

    [Theory]
    [Trait(Traits.Category, Traits.Slow)]
    [InlineData("log-normal")]
    [InlineData("outliers")]
    [InlineData("bimodal")]
    public void Auto_RegressionNearTheThreshold_FoundAsOftenAsWithTwentySamples(string model)
    {
        // Given a 10 % slowdown (twice the threshold) in noise that makes the interval wide: stopping early as futile
        // or as inside the threshold is tempting
        var noise = model switch { "outliers" => Noise.WithOutliers, "bimodal" => Noise.Bimodal, _ => Noise.LogNormal };
        var (fix, auto) = Simulate(noise, 1.10, Options(thresholds: true), seed: 13);

        // Then --samples auto loses no power: it stops early only where the verdict is already settled
        output.WriteLine($"one +10 % among 20, {noise.Name}, default thresholds: detected 20 samples {fix.DetectionRate:P1}, auto {auto.DetectionRate:P1}; verdicts equal {auto.Agreement:P2}; samples taken {auto.Share:P1}");
        Assert.True(auto.DetectionRate >= fix.DetectionRate - 0.01, $"auto {auto.DetectionRate:P1} vs {fix.DetectionRate:P1}");
        Assert.True(auto.Agreement >= 0.999, $"agreement {auto.Agreement:P2}");
        Assert.True(auto.Share < 1);
    }
}
