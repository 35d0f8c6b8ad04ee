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

    [Theory]
    [InlineData("vm-6.1-unknown-event.stderr", 129,
        "--events: perf does not know the event 'bogus-event' (parser error); 'perf list' shows the events of this machine")]
    [InlineData("vm-6.1-missing-pmu.stderr", 129,
        "--events: cpu/event=0x3c,umask=0x00/: this machine has no PMU 'cpu' (virtual machine without a PMU); use --backend cachegrind for simulated counters, or a self-hosted runner")]
    [InlineData("vm-6.1-paranoid-refused.stderr", 255,
        "perf: the kernel refuses performance events (kernel.perf_event_paranoid = 2, benchgate not privileged); allow them with 'sysctl kernel.perf_event_paranoid=2' (user space only) or lower, or grant CAP_PERFMON")]
    [InlineData("vm-6.1-tracepoint-permission.stderr", 129,
        "--events: sched:sched_switch: perf may not read this event's definition (No permissions to read /sys/kernel/tracing/events/sched/sched_switch); run benchgate as a user who can read /sys/kernel/tracing, or choose other events")]
    [InlineData("vm-6.1-workload-failed.stderr", 255,
        "perf stat failed (exit code 255): Workload failed: No such file or directory")]
    public void StartFailure_RealPerfError_OneClearLine(string stderr, int exitCode, string expected)
    {
        var message = PerfDiagnosis.StartFailure(Stderr(stderr), exitCode, VirtualMachine);

        Assert.Equal(expected, message);
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
