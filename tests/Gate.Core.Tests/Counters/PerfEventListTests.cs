using Gate.Core.Counters;
using Gate.Core.Results;

namespace Gate.Core.Tests.Counters;

public class PerfEventListTests
{
    [Fact]
    public void Parse_NoEvents_GivesDefaultHardwareThenSoftwareSet()
    {
        var events = PerfEventList.Parse(null);

        Assert.Equal(
            ["instructions", "cycles", "cache-references", "cache-misses", "branches", "branch-misses", "task-clock", "page-faults", "context-switches", "cpu-migrations"],
            events.Select(e => e.Spec));
        Assert.All(events.Take(6), e => Assert.Equal(MetricSource.PerfHw, e.Source));
        Assert.All(events.Skip(6), e => Assert.Equal(MetricSource.PerfSw, e.Source));
    }

    [Fact]
    public void Parse_PmuQualifiedEventWithCommas_KeepsItOneEvent()
    {
        var events = PerfEventList.Parse("task-clock,cpu/event=0x3c,umask=0x00/,page-faults, cpu/event=0xc0,umask=0x00/u");

        Assert.Equal(["task-clock", "cpu/event=0x3c,umask=0x00/", "page-faults", "cpu/event=0xc0,umask=0x00/u"], events.Select(e => e.Spec));
        Assert.Equal(MetricSource.PerfHw, events[1].Source);
    }

    [Fact]
    public void Parse_ModifiersRawEventsAndTracepoints_ClassifiesTheirSource()
    {
        var events = PerfEventList.Parse("cycles:u,r003c,sched:sched_switch,task-clock:u,L1-dcache-load-misses,software/cpu-clock/");

        Assert.Equal(
            [MetricSource.PerfHw, MetricSource.PerfHw, MetricSource.PerfSw, MetricSource.PerfSw, MetricSource.PerfHw, MetricSource.PerfSw],
            events.Select(e => e.Source));
    }

    [Theory]
    [InlineData("cycles,,instructions", "empty")]
    [InlineData(",cycles", "empty")]
    [InlineData("{cycles,instructions}", "groups")]
    [InlineData("cpu/event=0x3c", "unclosed")]
    [InlineData("cycles,cycles", "twice")]
    [InlineData("cy cles", "space")]
    public void Parse_BadList_IsAClearError(string text, string expected)
    {
        var error = Assert.Throws<GateException>(() => PerfEventList.Parse(text));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("--events", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("cycles", "", "cycles/op", 1)]
    [InlineData("task-clock", "msec", "task-clock-sec/op", 1e-3)]
    [InlineData("power/energy-pkg/", "Joules", "power/energy-pkg/-Joules/op", 1)]
    [InlineData("uncore_imc/data_reads/", "MiB", "uncore_imc/data_reads/-MiB/op", 1)]
    public void MetricName_ByUnit_NamesPerOpMetricAndScale(string spec, string unit, string metric, double scale)
    {
        var perfEvent = new PerfEvent(spec);

        Assert.Equal(metric, perfEvent.MetricName(unit));
        Assert.Equal(scale, PerfEvent.Scale(unit));
    }

    [Theory]
    [InlineData("cycles", "cycles", true, null)]
    [InlineData("cycles", "cycles:u", true, "u")]
    [InlineData("cycles:u", "cycles:u", true, null)]
    [InlineData("instructions", "cpu_core/instructions/", true, null)]
    [InlineData("instructions", "cpu_atom/instructions/u", true, "u")]
    [InlineData("instructions:u", "cpu_atom/instructions/u", true, null)]
    [InlineData("cpu/event=0x3c,umask=0x00/", "cpu/event=0x3c,umask=0x00/u", true, "u")]
    [InlineData("cycles", "instructions", false, null)]
    [InlineData("cycles", "cpu_core/instructions/", false, null)]
    [InlineData("sched:sched_switch", "sched:sched_switch", true, null)]
    [InlineData("sched:sched_switch", "sched:sched_wakeup", false, null)]
    public void Match_PrintedName_RecognisesTheEventAndAddedModifiers(string requested, string printed, bool isMatch, string? added)
    {
        var match = PerfEventNames.Match(new PerfEvent(requested), printed);

        Assert.Equal(isMatch, match.IsMatch);
        Assert.Equal(added, match.AddedModifiers);
    }
}
