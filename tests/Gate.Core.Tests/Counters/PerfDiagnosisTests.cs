using Gate.Core.Counters;
using Gate.TestUtilities;

namespace Gate.Core.Tests.Counters;

public class PerfDiagnosisTests
{
    private static readonly PerfHost VirtualMachine = new(IsVirtualMachine: true, Pmus: ["breakpoint", "msr", "software", "tracepoint"], Paranoid: 2, IsPrivileged: false);
    private static readonly PerfHost BareMetalWithoutPmu = new(IsVirtualMachine: false, Pmus: ["software", "tracepoint"], Paranoid: 2, IsPrivileged: false);
    private static readonly PerfHost WithPmu = new(IsVirtualMachine: false, Pmus: ["cpu", "software", "tracepoint"], Paranoid: 1, IsPrivileged: false);

    private static string Stderr(string name) => File.ReadAllText(RepoPaths.Fixture("perf", name));

    [Fact]
    public void Unsupported_CyclesOnVirtualMachine_SaysWhyAndWhatToDo()
    {
        var reason = PerfDiagnosis.NotSupportedReason(new PerfEvent("cycles"), VirtualMachine);

        var line = PerfDiagnosis.Unsupported(["cycles"], reason, VirtualMachine);

        Assert.Equal("cycles: not supported on this machine (virtual machine without a PMU); use --backend cachegrind for simulated counters, or a self-hosted runner", line);
    }

    [Fact]
    public void NotSupportedReason_ByMachine_NamesTheCause()
    {
        Assert.Equal("not supported on this machine (no hardware PMU)", PerfDiagnosis.NotSupportedReason(new PerfEvent("cycles"), BareMetalWithoutPmu));
        Assert.Equal("not supported by this machine's PMU", PerfDiagnosis.NotSupportedReason(new PerfEvent("cycles"), WithPmu));
        Assert.Equal("not supported by this kernel", PerfDiagnosis.NotSupportedReason(new PerfEvent("cgroup-switches"), WithPmu));
        Assert.Contains("'perf list'", PerfDiagnosis.Unsupported(["cycles"], "not supported by this machine's PMU", WithPmu), StringComparison.Ordinal);
    }

    [Fact]
    public void StartFailure_UnknownEvent_NamesTheEvent()
    {
        var message = PerfDiagnosis.StartFailure(Stderr("vm-6.1-unknown-event.stderr"), 129, VirtualMachine);

        Assert.Equal("--events: perf does not know the event 'bogus-event' (parser error); 'perf list' shows the events of this machine", message);
    }

    [Fact]
    public void StartFailure_MissingPmu_NamesThePmuAndTheSimulatedBackend()
    {
        var message = PerfDiagnosis.StartFailure(Stderr("vm-6.1-missing-pmu.stderr"), 129, VirtualMachine);

        Assert.Equal(
            "--events: cpu/event=0x3c,umask=0x00/: this machine has no PMU 'cpu' (virtual machine without a PMU); use --backend cachegrind for simulated counters, or a self-hosted runner",
            message);
    }

    [Fact]
    public void StartFailure_ParanoidKernel_SaysTheLevelAndHowToAllow()
    {
        var message = PerfDiagnosis.StartFailure(Stderr("vm-6.1-paranoid-refused.stderr"), 255, VirtualMachine);

        Assert.StartsWith("perf: the kernel refuses performance events (kernel.perf_event_paranoid = 2, benchgate not privileged)", message, StringComparison.Ordinal);
        Assert.Contains("CAP_PERFMON", message, StringComparison.Ordinal);
    }

    [Fact]
    public void StartFailure_TracepointWithoutPermission_NamesTheEventAndTheFile()
    {
        var message = PerfDiagnosis.StartFailure(Stderr("vm-6.1-tracepoint-permission.stderr"), 129, VirtualMachine);

        Assert.StartsWith("--events: sched:sched_switch: perf may not read this event's definition (No permissions to read /sys/kernel/tracing/events/sched/sched_switch)", message, StringComparison.Ordinal);
    }

    [Fact]
    public void StartFailure_WorkloadFailed_QuotesPerf()
    {
        var message = PerfDiagnosis.StartFailure(Stderr("vm-6.1-workload-failed.stderr"), 255, VirtualMachine);

        Assert.Equal("perf stat failed (exit code 255): Workload failed: No such file or directory", message);
    }

    [Fact]
    public void Messages_AreOneLineEach()
    {
        var cycles = new PerfEvent("cycles");
        string[] messages =
        [
            PerfDiagnosis.Missing,
            PerfDiagnosis.NotCounted(cycles, "BenchmarkX"),
            PerfDiagnosis.Multiplexed(cycles, 62.5),
            PerfDiagnosis.NoLine(cycles),
            PerfDiagnosis.UserSpaceOnly(VirtualMachine),
            PerfDiagnosis.NothingToCount(["cycles: not supported"]),
            .. Directory.GetFiles(RepoPaths.Fixture("perf"), "*.stderr").Select(f => PerfDiagnosis.StartFailure(File.ReadAllText(f), 1, VirtualMachine)),
        ];

        Assert.All(messages, m => Assert.DoesNotContain('\n', m));
        Assert.Contains("62.5%", messages[2], StringComparison.Ordinal);
    }
}
