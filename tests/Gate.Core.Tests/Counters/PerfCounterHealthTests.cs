using Gate.Core.Counters;
using Gate.Core.Reporting;
using Gate.Core.Results;

namespace Gate.Core.Tests.Counters;

public class PerfCounterHealthTests
{
    private static readonly PerfHost VirtualMachine = new(IsVirtualMachine: true, Pmus: ["software", "tracepoint"], Paranoid: 2, IsPrivileged: false);
    private static readonly PerfHost WithPmu = new(IsVirtualMachine: false, Pmus: ["cpu", "software"], Paranoid: 2, IsPrivileged: false);

    private static PerfProbeResult Probe(string fixture, PerfHost host) =>
        PerfProbe.Interpret(PerfEventList.Default, PerfStatReaderTests.Fixture(fixture), host);

    private static PerfSampleMetrics HardwareSample(string longRun) =>
        PerfSampleMetrics.Compute(
            PerfEventList.Default,
            new PerfWindow(2, 1002),
            PerfEventCounts.Match(PerfEventList.Default, PerfStatReaderTests.Fixture("hw-6.1-n1.csv").Counts),
            PerfEventCounts.Match(PerfEventList.Default, PerfStatReaderTests.Fixture(longRun).Counts));

    [Fact]
    public void New_ProbeOnVirtualMachine_SaysTheUnsupportedEventsOnceInOneLine()
    {
        var said = new List<string>();

        var health = new PerfCounterHealth(VirtualMachine, Probe("vm-6.1-codec-n1.csv", VirtualMachine), said.Add);

        Assert.Equal(
            ["instructions, cycles, cache-references, cache-misses, branches, branch-misses: not supported on this machine (virtual machine without a PMU); use --backend cachegrind for simulated counters, or a self-hosted runner"],
            said);
        Assert.Equal(PerfEventList.DefaultHardware, health.Unsupported.Select(u => u.Event));
        Assert.All(health.Unsupported, u => Assert.Equal("not supported on this machine (virtual machine without a PMU)", u.Reason));
        Assert.True(health.IsUnsupported(new PerfEvent("cycles")));
        Assert.False(health.IsUnsupported(new PerfEvent("task-clock")));
    }

    [Fact]
    public void New_UnprivilegedProbe_SaysUserSpaceOnlyOnceAlsoWhenSamplesSayItAgain()
    {
        var said = new List<string>();
        var health = new PerfCounterHealth(VirtualMachine, Probe("vm-6.1-unprivileged.csv", VirtualMachine), said.Add);

        health.Report([new PerfNote(new PerfEvent("task-clock"), PerfNoteKind.UserSpaceOnly), new PerfNote(new PerfEvent("page-faults"), PerfNoteKind.UserSpaceOnly)], "BenchmarkX");

        Assert.Equal(2, said.Count);
        Assert.StartsWith("perf counts user space only (kernel.perf_event_paranoid = 2", said[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Report_MultiplexedInEverySample_SaidOncePerRun()
    {
        var said = new List<string>();
        var health = new PerfCounterHealth(WithPmu, Probe("hw-6.1-n1.csv", WithPmu), said.Add);
        var sample = HardwareSample("hw-6.1-n2.csv");

        for (var i = 0; i < 5; i++)
        {
            health.Report(sample.Notes, i % 2 == 0 ? "BenchmarkA" : "BenchmarkB");
        }

        var line = Assert.Single(said);
        Assert.Equal("cache-misses: multiplexed (counted 87.5% of the time, perf scaled the count); samples flagged 'multiplexed'; count fewer events at once (--events) for exact counts", line);
        Assert.Empty(health.Unsupported);
    }

    [Fact]
    public void Report_NotCountedInEverySample_SaidOncePerRunNamingTheEvent()
    {
        var said = new List<string>();
        var health = new PerfCounterHealth(WithPmu, Probe("hw-6.1-n1.csv", WithPmu), said.Add);
        var sample = HardwareSample("hw-6.1-n2-not-counted.csv");

        health.Report(sample.Notes, "BenchmarkA");
        health.Report(sample.Notes, "BenchmarkB");

        Assert.Equal(2, said.Count);
        Assert.Single(said, s => s.StartsWith("cycles: <not counted> in a sample of BenchmarkA", StringComparison.Ordinal));
        Assert.Single(said, s => s.StartsWith("cache-misses: multiplexed", StringComparison.Ordinal));
    }

    [Fact]
    public void Report_EventUnsupportedMidRun_IsRecordedAndSaidOnce()
    {
        var said = new List<string>();
        var health = new PerfCounterHealth(WithPmu, Probe("hw-6.1-n1.csv", WithPmu), said.Add);
        var note = new PerfNote(new PerfEvent("branch-misses"), PerfNoteKind.NotSupported);

        health.Report([note], "BenchmarkA");
        health.Report([note], "BenchmarkB");

        Assert.Equal(["branch-misses: not supported by this machine's PMU; 'perf list' shows the events this machine has"], said);
        Assert.Equal(new UnsupportedEvent("branch-misses", "not supported by this machine's PMU"), Assert.Single(health.Unsupported));
        Assert.True(health.IsUnsupported(note.Event));
    }

    [Fact]
    public void FlagSummary_MultiplexedSamples_CountedForTheRunReport()
    {
        var multiplexed = HardwareSample("hw-6.1-n2.csv");
        var clean = HardwareSample("hw-6.1-n1.csv");
        var benchmark = new BenchmarkResult("p", "BenchmarkA", 1, 1002, multiplexed.Metrics,
            [new Sample(multiplexed.Values, multiplexed.Flags), new Sample(clean.Values), new Sample(multiplexed.Values, multiplexed.Flags)]);
        var environment = new RunEnvironment("linux", "amd64", "perf", []);

        var lines = FlagSummary.Lines(new RunResults(null, 1, environment, [benchmark], []));

        Assert.Equal(["2 of 3 samples flagged 'multiplexed'"], lines);
        Assert.Empty(clean.Flags);
    }
}
