namespace Gate.Core.Running;

/// <summary>
/// The order of an A/B measurement. Targets are pairs: index 2p is benchmark p of the base, 2p + 1 the same benchmark
/// of the head. Every round measures every pair, base and head back to back, the pairs in rotating order (as
/// <see cref="SampleSchedule.RoundRobin"/> rotates benchmarks); pair p runs base first in rounds where r + p is even
/// and head first otherwise. So each pair alternates its order from round to round (A B, B A, A B …), neighbouring
/// pairs within a round alternate too (A B B A …), and a drift of the machine that is linear over a few samples adds
/// the same to both sides instead of to the side that always runs second.
/// </summary>
public static class AbSchedule
{
    /// <summary>The target index of pair <paramref name="pair"/>'s base side.</summary>
    public static int Base(int pair) => 2 * pair;

    /// <summary>The target index of pair <paramref name="pair"/>'s head side.</summary>
    public static int Head(int pair) => 2 * pair + 1;

    /// <summary>True when target <paramref name="target"/> is a base side.</summary>
    public static bool IsBase(int target) => target % 2 == 0;

    /// <summary>The target indexes of round <paramref name="round"/> (0-based) over <paramref name="pairs"/> pairs: 2 × pairs of them.</summary>
    public static IReadOnlyList<int> Round(int pairs, int round)
    {
        var order = new int[2 * pairs];
        for (var i = 0; i < pairs; i++)
        {
            var pair = (round + i) % pairs;
            var baseFirst = (round + pair) % 2 == 0;
            order[2 * i] = baseFirst ? Base(pair) : Head(pair);
            order[2 * i + 1] = baseFirst ? Head(pair) : Base(pair);
        }
        return order;
    }
}
