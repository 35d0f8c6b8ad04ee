using Gate.Core.Counters;
using Gate.Core.Results;

namespace Gate.Core.Tests.Counters;

public class PerfSampleMetricsTests
{
    private static readonly PerfWindow HandWrittenWindow = new(2, 1002);

    private static PerfSampleMetrics Compute(IReadOnlyList<PerfEvent> events, PerfWindow window, string shortRun, string longRun) =>
        PerfSampleMetrics.Compute(
            events,
            window,
            PerfEventCounts.Match(events, PerfStatReaderTests.Fixture(shortRun).Counts),
            PerfEventCounts.Match(events, PerfStatReaderTests.Fixture(longRun).Counts));

    [Theory]
    [InlineData("csv")]
    [InlineData("json")]
    public void Compute_HardwareMachine_PerOpCountsAndRatiosOfTheWindow(string format)
    {
        var metrics = Compute(PerfEventList.Default, HandWrittenWindow, $"hw-6.1-n1.{format}", $"hw-6.1-n2.{format}");

        var expected = new Dictionary<string, double>
        {
            ["instructions/op"] = 12000, ["cycles/op"] = 6000, ["cache-references/op"] = 100, ["cache-misses/op"] = 5,
            ["branches/op"] = 2000, ["branch-misses/op"] = 20, ["task-clock-sec/op"] = 2e-6, ["page-faults/op"] = 0,
            ["context-switches/op"] = 0.002, ["cpu-migrations/op"] = 0, ["IPC"] = 2, ["cache-miss-rate"] = 0.05, ["branch-miss-rate"] = 0.01,
        };
        Assert.Equal(expected.Keys.Order(), metrics.Values.Keys.Order());
        Assert.All(expected, e => Assert.Equal(e.Value, metrics.Values[e.Key], Math.Abs(e.Value) * 1e-12 + 1e-15));
        Assert.Equal(13, metrics.Metrics.Count);
    }

    [Fact]
    public void Compute_HardwareMachine_MetricsHaveSourceAndBetterDirection()
    {
        var metrics = Compute(PerfEventList.Default, HandWrittenWindow, "hw-6.1-n1.csv", "hw-6.1-n2.csv");

        var byName = metrics.Metrics.ToDictionary(m => m.Name);
        Assert.Equal(new MetricInfo("instructions/op", MetricSource.PerfHw, Better.Lower), byName["instructions/op"]);
        Assert.Equal(new MetricInfo("task-clock-sec/op", MetricSource.PerfSw, Better.Lower), byName["task-clock-sec/op"]);
        Assert.Equal(new MetricInfo("page-faults/op", MetricSource.PerfSw, Better.Lower), byName["page-faults/op"]);
        Assert.Equal(new MetricInfo("IPC", MetricSource.PerfHw, Better.Higher), byName["IPC"]);
        Assert.Equal(new MetricInfo("cache-miss-rate", MetricSource.PerfHw, Better.Lower), byName["cache-miss-rate"]);
        Assert.Equal(new MetricInfo("branch-miss-rate", MetricSource.PerfHw, Better.Lower), byName["branch-miss-rate"]);
    }

    [Fact]
    public void Compute_GrowingEventSmallerInTheLongRun_DisturbedWhileRareEventsMayShrink()
    {
        // Given a long run with less CPU time and fewer instructions than the short run, and fewer page faults
        PerfEvent[] events = [new("task-clock"), new("instructions:u"), new("page-faults"), new("cycles")];
        static PerfEventCount Count(double value, string unit = "") => new(PerfCountStatus.Counted, value, unit, 100, null);
        var shortRun = new Dictionary<PerfEvent, PerfEventCount>
        {
            [events[0]] = Count(41.5, "msec"), [events[1]] = Count(9_000_000), [events[2]] = Count(120), [events[3]] = Count(1000),
        };
        var longRun = new Dictionary<PerfEvent, PerfEventCount>
        {
            [events[0]] = Count(30.25, "msec"), [events[1]] = Count(9_000_000), [events[2]] = Count(118), [events[3]] = Count(5000),
        };

        var metrics = PerfSampleMetrics.Compute(events, new PerfWindow(2, 1002), shortRun, longRun);

        // Then CPU time and instructions are named (equal is not growth), page faults (-0.002/op) and cycles are not
        Assert.Equal(["task-clock: 41.5 msec with 2 iterations, 30.25 msec with 1002", "instructions:u: 9000000 with 2 iterations, 9000000 with 1002"], metrics.Disturbed);
        Assert.Equal(-0.002, metrics.Values["page-faults/op"], 1e-12);
    }

    [Fact]
    public void Compute_CapturedRuns_NothingDisturbed()
    {
        Assert.Empty(Compute(PerfEventList.Default, HandWrittenWindow, "hw-6.1-n1.csv", "hw-6.1-n2.csv").Disturbed);
    }

    [Fact]
    public void Compute_MultiplexedEvent_KeepsTheSampleFlaggedWithANote()
    {
        var metrics = Compute(PerfEventList.Default, HandWrittenWindow, "hw-6.1-n1.json", "hw-6.1-n2.json");

        Assert.Equal([PerfSampleMetrics.MultiplexedFlag], metrics.Flags);
        var note = Assert.Single(metrics.Notes);
        Assert.Equal(new PerfNote(new PerfEvent("cache-misses"), PerfNoteKind.Multiplexed, 87.5), note);
        Assert.True(metrics.Values.ContainsKey("cache-misses/op"));
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("json")]
    public void Compute_NotCountedEvent_LeavesItAndItsRatioOutAndFlagsTheSample(string format)
    {
        var metrics = Compute(PerfEventList.Default, HandWrittenWindow, $"hw-6.1-n1.{format}", $"hw-6.1-n2-not-counted.{format}");

        Assert.False(metrics.Values.ContainsKey("cycles/op"));
        Assert.False(metrics.Values.ContainsKey("IPC"));
        Assert.Equal(12000, metrics.Values["instructions/op"], 1e-9);
        Assert.Contains(PerfSampleMetrics.NotCountedFlag, metrics.Flags);
        Assert.Contains(new PerfNote(new PerfEvent("cycles"), PerfNoteKind.NotCounted), metrics.Notes);
        Assert.DoesNotContain(metrics.Metrics, m => m.Name == "cycles/op" || m.Name == "IPC");
    }

    [Fact]
    public void Compute_HybridCpu_SumsTheCorePmusAndIgnoresTheNotCountedPart()
    {
        var events = PerfEventList.Parse("instructions,cycles,task-clock");

        var metrics = Compute(events, HandWrittenWindow, "hybrid-6.1-n1.csv", "hybrid-6.1-n2.csv");

        Assert.Equal(3000, metrics.Values["instructions/op"], 1e-9);
        Assert.Equal(1500, metrics.Values["cycles/op"], 1e-9);
        Assert.Equal(2, metrics.Values["IPC"], 1e-12);
        Assert.Equal(1.5e-6, metrics.Values["task-clock-sec/op"], 1e-12);
        Assert.Empty(metrics.Flags);
        Assert.Empty(metrics.Notes);
    }

    [Theory]
    [InlineData("csv", 34.20, 18.59)]
    [InlineData("json", 39.026799, 11.877984)]
    public void Compute_RealCaptureWithoutPmu_SoftwareMetricsOnlyNeverZeroForHardware(string format, double longMsec, double shortMsec)
    {
        var window = new PerfWindow(2, 200000);

        var metrics = Compute(PerfEventList.Default, window, $"vm-6.1-codec-n1.{format}", $"vm-6.1-codec-n2.{format}");

        Assert.Equal(["task-clock-sec/op", "page-faults/op", "context-switches/op", "cpu-migrations/op"], metrics.Metrics.Select(m => m.Name));
        Assert.Equal(metrics.Metrics.Select(m => m.Name).Order(), metrics.Values.Keys.Order());
        Assert.Equal((longMsec - shortMsec) / 1000 / window.Operations, metrics.Values["task-clock-sec/op"], 1e-15);
        Assert.Empty(metrics.Flags);
        Assert.Equal(PerfEventList.DefaultHardware, metrics.Notes.Select(n => n.Event.Spec));
        Assert.All(metrics.Notes, n => Assert.Equal(PerfNoteKind.NotSupported, n.Kind));
    }

    [Fact]
    public void Compute_UnprivilegedCapture_NotesUserSpaceOnlyAndKeepsTheRequestedNames()
    {
        var metrics = Compute(PerfEventList.Default, new PerfWindow(2, 3), "vm-6.1-unprivileged.csv", "vm-6.1-unprivileged.csv");

        Assert.Equal(["task-clock-sec/op", "page-faults/op", "context-switches/op", "cpu-migrations/op"], metrics.Metrics.Select(m => m.Name));
        Assert.Contains(metrics.Notes, n => n.Kind == PerfNoteKind.UserSpaceOnly && n.Event.Spec == "task-clock");
    }

    [Fact]
    public void Compute_EventWithoutLine_IsAbsentWithANote()
    {
        var events = PerfEventList.Parse("task-clock,page-faults");
        var shortRun = PerfEventCounts.Match(events, PerfStatReader.ReadCsv("10.00,msec,task-clock,10000000,100.00,,\n").Counts);
        var longRun = PerfEventCounts.Match(events, PerfStatReader.ReadCsv("11.00,msec,task-clock,11000000,100.00,,\n").Counts);

        var metrics = PerfSampleMetrics.Compute(events, new PerfWindow(2, 1002), shortRun, longRun);

        Assert.Equal(["task-clock-sec/op"], metrics.Values.Keys);
        Assert.Equal(new PerfNote(new PerfEvent("page-faults"), PerfNoteKind.Missing), Assert.Single(metrics.Notes));
    }

    [Theory]
    [InlineData(1, 2, 3)]
    [InlineData(2, 2, 3)]
    [InlineData(3, 2, 3)]
    [InlineData(1000, 2, 1000)]
    public void Window_ForCalibratedIterations_ShortRunsTheSetupTwiceAndLongIsLonger(long iterations, long expectedShort, long expectedLong)
    {
        var window = PerfWindow.For(iterations);

        Assert.Equal(expectedShort, window.Short);
        Assert.Equal(expectedLong, window.Long);
        Assert.Equal(0.5, window.PerOperation(10, 10 + 0.5 * window.Operations), 1e-12);
    }
}
