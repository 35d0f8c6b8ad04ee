using Gate.Core.Running;

namespace Gate.Core.Tests.Running;

public class AbScheduleTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public void Round_EveryPair_BaseAndHeadBackToBack(int pairs)
    {
        for (var round = 0; round < 6; round++)
        {
            // When a round is scheduled
            var order = AbSchedule.Round(pairs, round);

            // Then it holds every target once, and each pair's two sides are neighbours
            Assert.Equal(Enumerable.Range(0, 2 * pairs), order.Order());
            for (var i = 0; i < order.Count; i += 2)
            {
                Assert.Equal(order[i] / 2, order[i + 1] / 2);
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Round_EachPair_AlternatesWhichSideRunsFirst(int pairs)
    {
        for (var pair = 0; pair < pairs; pair++)
        {
            // Given which side of the pair runs first in rounds 0..7
            var firsts = Enumerable.Range(0, 8).Select(round =>
            {
                var order = AbSchedule.Round(pairs, round);
                return AbSchedule.IsBase(order[order.ToList().IndexOf(AbSchedule.Base(pair)) / 2 * 2]);
            }).ToList();

            // Then it alternates base, head, base, head (or head, base, …)
            for (var round = 1; round < firsts.Count; round++)
            {
                Assert.NotEqual(firsts[round - 1], firsts[round]);
            }
        }
    }

    [Fact]
    public void Round_LinearDriftWithinOneRound_AddsTheSameToBothSides()
    {
        // Given time t = position in the round and two pairs (an even count: ABBA within the round)
        var order = AbSchedule.Round(pairs: 4, round: 0);

        // When the positions of the base and of the head samples are summed
        var baseTime = order.Select((target, t) => (target, t)).Where(x => AbSchedule.IsBase(x.target)).Sum(x => x.t);
        var headTime = order.Select((target, t) => (target, t)).Where(x => !AbSchedule.IsBase(x.target)).Sum(x => x.t);

        // Then they are equal: a drift linear in time adds as much to one side as to the other
        Assert.Equal(baseTime, headTime);
        Assert.Equal([0, 1, 3, 2, 4, 5, 7, 6], order);
    }
}
