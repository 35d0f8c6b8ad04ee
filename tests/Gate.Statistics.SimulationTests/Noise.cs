namespace Gate.Statistics.SimulationTests;

/// <summary>
/// Realistic benchmark noise around a true value, drawn independently per sample (what interleaved sampling
/// gives): multiplicative log-normal jitter, optionally with rare large outliers (a GC, an interrupt) or a second
/// mode (the machine running at half speed for some samples).
/// </summary>
/// <param name="Name">For reports.</param>
/// <param name="Sigma">σ of the log-normal jitter (0.05 ≈ 5 % spread).</param>
/// <param name="OutlierRate">Share of samples that are outliers, ×1.5–2.5.</param>
/// <param name="SlowModeRate">Share of samples in the slow mode, ×2.</param>
public sealed record Noise(string Name, double Sigma, double OutlierRate = 0, double SlowModeRate = 0)
{
    public static Noise LogNormal { get; } = new("log-normal σ=5%", 0.05);

    public static Noise WithOutliers { get; } = new("log-normal σ=5% + 5% outliers ×1.5–2.5", 0.05, OutlierRate: 0.05);

    public static Noise Bimodal { get; } = new("bimodal: σ=3%, 30% of samples at half speed", 0.03, SlowModeRate: 0.3);

    public double[] Draw(Random random, double center, int n)
    {
        var values = new double[n];
        for (var i = 0; i < n; i++)
        {
            var value = center * Math.Exp(Sigma * Gaussian(random));
            if (random.NextDouble() < OutlierRate)
            {
                value *= 1.5 + random.NextDouble();
            }
            if (random.NextDouble() < SlowModeRate)
            {
                value *= 2;
            }
            values[i] = value;
        }
        return values;
    }

    private static double Gaussian(Random random)
    {
        var u1 = 1 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
