using Gate.Baselines.History;
using Gate.Baselines.Tests.Support;

namespace Gate.Baselines.Tests.History;

public class HistoryNoiseTests
{
    private const string Benchmark = SampleResults.Package + " BenchmarkA";

    /// <summary>A history whose runs have the given sec/op medians (each run: three samples around the median).</summary>
    private static IReadOnlyList<HistoryEntry> HistoryOf(IEnumerable<double> medians) =>
        [.. medians.Select((m, i) => HistoryEntry.From(SampleResults.Synthetic($"c{i}", m * 0.99, m, m * 1.01), $"2026-01-01T00:00:{i % 60:00}Z"))];

    [Fact]
    public void ThresholdFor_QuietMetric_IsTighterThanForANoisyOne()
    {
        // Given two histories of 30 runs: one with 1 % run-to-run noise, one with 8 %
        var quiet = HistoryNoise.From(HistoryOf(SyntheticHistory.Flat(3, 30, new SyntheticHistory.NoiseModel(0.01, 0, 1))));
        var noisy = HistoryNoise.From(HistoryOf(SyntheticHistory.Flat(3, 30, new SyntheticHistory.NoiseModel(0.08, 0, 1))));

        // When thresholds are derived
        var tight = quiet.ThresholdFor(Benchmark, "sec/op");
        var loose = noisy.ThresholdFor(Benchmark, "sec/op");

        // Then each is about 3√2 times its noise, so the noisy one is about eight times looser
        Assert.NotNull(tight);
        Assert.NotNull(loose);
        Assert.InRange(tight.Value, 0.03, 0.06);
        Assert.InRange(loose.Value, 0.24, 0.48);
    }

    [Fact]
    public void ThresholdFor_DeterministicMetric_IsTheFloor()
    {
        // Given a metric that is exactly the same in every run (allocs/op = 3)
        var noise = HistoryNoise.From(HistoryOf(Enumerable.Repeat(1e-6, 10)));

        // Then its threshold is the floor, 0.1 %
        Assert.Equal(HistoryNoise.Floor, noise.ThresholdFor(Benchmark, "allocs/op"));
    }

    [Fact]
    public void ThresholdFor_ShortOrUnknownHistory_IsNull()
    {
        // Given four runs only
        var noise = HistoryNoise.From(HistoryOf(SyntheticHistory.Flat(1, 4)));

        // Then there is no opinion, for that metric or for one that never ran
        Assert.Null(noise.ThresholdFor(Benchmark, "sec/op"));
        Assert.Null(noise.ThresholdFor(Benchmark + "/other", "sec/op"));
    }

    [Fact]
    public void EstimateFor_HistoryWithAShift_UsesOnlyTheRunsAfterIt()
    {
        // Given 40 quiet runs (1 % noise) with a 30 % step at run 20
        var noise = HistoryNoise.From(HistoryOf(SyntheticHistory.Step(5, 40, 20, 1.30, new SyntheticHistory.NoiseModel(0.01, 0, 1))));

        // When the noise is estimated
        var estimate = noise.EstimateFor(Benchmark, "sec/op");

        // Then the step is not mistaken for noise: 20 runs after it, centred on the new level, a tight threshold
        Assert.NotNull(estimate);
        Assert.Equal(20, estimate.Runs);
        Assert.Equal(1.30e-6, estimate.Center, 0.05e-6);
        Assert.True(estimate.Threshold < 0.07, $"threshold {estimate.Threshold:P2}");
    }
}
