using Gate.Baselines.History;

namespace Gate.Baselines.Tests.History;

/// <summary>
/// Synthetic metric histories with known shifts, in two noise models of nightly medians of a timing metric:
/// <see cref="Gaussian"/> (3 % coefficient of variation) and <see cref="WithSlowRuns"/> (2 %, plus one run in
/// twenty slowed by 25 %, a noisy neighbour, so that the tails are heavier on the slow side as real timings are).
/// </summary>
public static class SyntheticHistory
{
    /// <summary>A noise model: coefficient of variation, rate of slow runs and their factor.</summary>
    public sealed record NoiseModel(double Cv, double SlowRate, double SlowFactor);

    public static readonly NoiseModel Gaussian = new(0.03, 0, 1);

    public static readonly NoiseModel WithSlowRuns = new(0.02, 0.05, 1.25);

    /// <summary><paramref name="runs"/> values at <paramref name="level"/>, times <paramref name="step"/> from run <paramref name="stepAt"/> on.</summary>
    public static double[] Step(int seed, int runs, int stepAt, double step, NoiseModel? noise = null, double level = 1e-6)
    {
        var random = new Random(seed);
        var model = noise ?? WithSlowRuns;
        return [.. Enumerable.Range(0, runs).Select(run => level * (run >= stepAt ? step : 1) * Noise(random, model))];
    }

    public static double[] Flat(int seed, int runs, NoiseModel? noise = null) => Step(seed, runs, runs, 1, noise);

    /// <summary>A series with commits c0, c1, … for the values.</summary>
    public static MetricSeries Series(IReadOnlyList<double> values) =>
        new("example.com/m BenchmarkA", "sec/op", [.. values.Select((v, i) => new MetricPoint(i, $"c{i}", $"2026-01-{1 + (i % 28):00}T00:00:00Z", v))]);

    private static double Noise(Random random, NoiseModel model)
    {
        var u1 = 1 - random.NextDouble();
        var u2 = random.NextDouble();
        var gaussian = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        var slow = random.NextDouble() < model.SlowRate ? model.SlowFactor : 1;
        return (1 + (model.Cv * gaussian)) * slow;
    }
}
