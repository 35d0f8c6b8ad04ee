using Gate.Core.Counters;
using Gate.Core.Statistics;
using Gate.TestUtilities;
using Xunit.Abstractions;

namespace Gate.Statistics.SimulationTests;

/// <summary>
/// A/A simulations: many pairs of runs of identical code (40 benchmarks, 10 samples per side, noise drawn
/// independently per sample). A run raises a false alarm when any comparison is called a regression or an
/// improvement. With Benjamini–Hochberg at q = 0.05 (all thresholds zero, so the statistics alone decide) the
/// share of runs with a false alarm stays at or below q (practical thresholds only lower it further); testing each comparison at α = 0.05, as benchstat does,
/// raises one in most runs.
/// </summary>
public class FalseAlarmTests(ITestOutputHelper output)
{
    private const int Runs = 400;
    private const int Benchmarks = 40;
    private const int Samples = 10;
    private const double Q = 0.05;

    public static TheoryData<string> NoiseModels => new() { "log-normal", "outliers", "bimodal" };

    private static Noise Model(string name) => name switch
    {
        "log-normal" => Noise.LogNormal,
        "outliers" => Noise.WithOutliers,
        _ => Noise.Bimodal,
    };

    [Theory]
    [Trait(Traits.Category, Traits.Slow)]
    [MemberData(nameof(NoiseModels))]
    public void Compare_AaRuns_FalseAlarmRatePerRunAtMostQWhilePlainTestingExceedsIt(string model)
    {
        // Given many A/A pairs drawn from the noise model
        var noise = Model(model);
        var random = new Random(20260127);
        var options = new CompareOptions { Metrics = BackendMetrics.Catalog, Q = Q, Thresholds = new SimulatedRuns.NoThresholds() };
        var benchGateAlarms = 0;
        var withThresholdsAlarms = 0;
        var plainAlarms = 0;
        var plainFalsePositives = 0;

        // When each pair is compared
        for (var run = 0; run < Runs; run++)
        {
            var (old, @new) = SimulatedRuns.Pair(random, noise, Benchmarks, Samples, _ => 1.0);
            var report = ComparisonEngine.Compare(old, @new, options);
            if (report.Comparisons.Any(c => c.Verdict is Verdict.Regression or Verdict.Improvement))
            {
                benchGateAlarms++;
            }
            if (ComparisonEngine.Compare(old, @new, TestOptions.Compare).Comparisons.Any(c => c.Verdict is Verdict.Regression or Verdict.Improvement))
            {
                withThresholdsAlarms++;
            }
            var significant = report.Comparisons.Count(c => c.PValue <= Q);
            plainFalsePositives += significant;
            if (significant > 0)
            {
                plainAlarms++;
            }
        }

        // Then BenchGate's rate of runs with a false alarm is at most q; plain per-comparison testing's is far above
        var benchGateRate = (double)benchGateAlarms / Runs;
        var plainRate = (double)plainAlarms / Runs;
        var withThresholdsRate = (double)withThresholdsAlarms / Runs;
        output.WriteLine($"{noise.Name}: runs with a false alarm: BenchGate (BH q={Q}) {benchGateRate:P1}, with the default 5% threshold too {withThresholdsRate:P1}, plain α={Q} per comparison {plainRate:P1}; per-comparison false positive rate {(double)plainFalsePositives / (Runs * Benchmarks):P2}");
        Assert.True(benchGateRate <= Q, $"BenchGate false-alarm rate per run {benchGateRate:P1} > q");
        Assert.True(plainRate > 0.5, $"plain testing false-alarm rate per run {plainRate:P1}");
        Assert.True(withThresholdsRate <= benchGateRate);
    }
}
