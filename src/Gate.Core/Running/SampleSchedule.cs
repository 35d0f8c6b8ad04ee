namespace Gate.Core.Running;

/// <summary>The order in which samples are taken.</summary>
public static class SampleSchedule
{
    /// <summary>
    /// Round robin: every round takes one sample of every benchmark, so that a change of the machine's speed
    /// during the run touches all benchmarks alike instead of a few entirely. Each round starts one benchmark
    /// later than the previous one, so that no benchmark always runs first (after a pause) or last.
    /// </summary>
    /// <returns>Benchmark indexes, <paramref name="samples"/> × <paramref name="benchmarks"/> of them.</returns>
    public static IEnumerable<int> RoundRobin(int benchmarks, int samples)
    {
        for (var round = 0; round < samples; round++)
        {
            for (var i = 0; i < benchmarks; i++)
            {
                yield return (round + i) % benchmarks;
            }
        }
    }
}
