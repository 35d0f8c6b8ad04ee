using Gate.Core.Counters;
using Gate.Core.Running;
using Gate.Core.Statistics;
using Gate.TestUtilities;
using Xunit.Abstractions;

namespace Gate.Statistics.SimulationTests;

/// <summary>
/// A/A under a slow drift of the machine: the same code on both sides, while every sample is slower than the one before
/// by a constant step, <c>drift</c> in total over the run (a runner warming up, a neighbour's load growing). Sequential
/// A-then-B (two runs, as a stored baseline and a later check are) gives the head side the slower half of the run;
/// interleaved A/B (<see cref="AbSchedule"/>, as <c>check --against</c> measures) gives both sides the same mix of the
/// run. The sample order is the real one: <see cref="SampleSchedule.RoundRobin"/> within each sequential run,
/// <see cref="AbSchedule.Round"/> for A/B.
/// </summary>
public class AbDriftTests(ITestOutputHelper output)
{
    private const int Runs = 400;
    private const int Benchmarks = 20;
    private const int Samples = 10;
    private const double Q = 0.05;

    /// <summary>The old and new values of one A/A run: benchmark i's sample k of each side at its time in the run.</summary>
    private static (double[][] Old, double[][] New) Draw(Random random, Noise noise, double drift, bool interleaved)
    {
        var old = new double[Benchmarks][];
        var @new = new double[Benchmarks][];
        for (var i = 0; i < Benchmarks; i++)
        {
            (old[i], @new[i]) = (new double[Samples], new double[Samples]);
        }
        var total = 2 * Benchmarks * Samples;
        var t = 0;
        double Value(int benchmark) => 1e-6 * (1 + benchmark) * noise.Draw(random, 1, 1)[0] * (1 + drift * t++ / (total - 1));
        if (interleaved)
        {
            for (var round = 0; round < Samples; round++)
            {
                foreach (var target in AbSchedule.Round(Benchmarks, round))
                {
                    var side = AbSchedule.IsBase(target) ? old : @new;
                    side[target / 2][round] = Value(target / 2);
                }
            }
        }
        else
        {
            foreach (var side in new[] { old, @new })
            {
                var schedule = SampleSchedule.RoundRobin(Benchmarks, Samples).ToList();
                for (var s = 0; s < schedule.Count; s++)
                {
                    side[schedule[s]][s / Benchmarks] = Value(schedule[s]);
                }
            }
        }
        return (old, @new);
    }

    private static double FalseAlarmRate(Noise noise, double drift, bool interleaved, CompareOptions options, int seed)
    {
        var random = new Random(seed);
        var alarms = 0;
        for (var run = 0; run < Runs; run++)
        {
            var (old, @new) = Draw(random, noise, drift, interleaved);
            var report = ComparisonEngine.Compare(
                SimulatedRuns.Run([.. old.Select((values, i) => SimulatedRuns.Benchmark(i, values))]),
                SimulatedRuns.Run([.. @new.Select((values, i) => SimulatedRuns.Benchmark(i, values))]),
                options);
            if (report.Comparisons.Any(c => c.Verdict is Verdict.Regression or Verdict.Improvement))
            {
                alarms++;
            }
        }
        return (double)alarms / Runs;
    }

    public static TheoryData<double, string> Cases => new()
    {
        // +5 % over the run, the statistics alone deciding (every threshold zero, as in FalseAlarmTests)
        { 0.05, "none" },
        // +15 % over the run with the default thresholds (5 %): sequential runs then differ by about 7.5 %
        { 0.15, "default" },
    };

    [Theory]
    [Trait(Traits.Category, Traits.Slow)]
    [MemberData(nameof(Cases))]
    public void Compare_SlowDrift_InterleavedKeepsFalseAlarmsAtQWhileSequentialDoesNot(double drift, string thresholds)
    {
        // Given A/A runs of 20 benchmarks × 10 samples per side with 2 % log-normal noise and a linear drift
        var noise = new Noise("log-normal σ=2%", 0.02);
        var options = new CompareOptions { Metrics = BackendMetrics.Catalog, Q = Q, Thresholds = thresholds == "none" ? new SimulatedRuns.NoThresholds() : Thresholds.Default };

        // When measured interleaved (A/B) and one side after the other (A then B)
        var interleaved = FalseAlarmRate(noise, drift, interleaved: true, options, seed: 9);
        var sequential = FalseAlarmRate(noise, drift, interleaved: false, options, seed: 9);
        var still = FalseAlarmRate(noise, 0, interleaved: false, options, seed: 9);

        // Then interleaving keeps the share of runs with a false alarm at most q; sequential raises one in most runs
        output.WriteLine($"drift +{drift:P0} over the run, thresholds {thresholds}: runs with a false alarm: interleaved A/B {interleaved:P1}, sequential A then B {sequential:P1} (without drift {still:P1}); q = {Q}");
        Assert.True(interleaved <= Q, $"interleaved {interleaved:P1}");
        Assert.True(sequential > 0.5, $"sequential {sequential:P1}");
        Assert.True(still <= Q, $"sequential without drift {still:P1}");
    }
}
