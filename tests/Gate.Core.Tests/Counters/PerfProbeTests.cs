using Gate.Core.Counters;
using Gate.TestUtilities;

namespace Gate.Core.Tests.Counters;

[Trait(Traits.Category, Traits.Slow)]
public class PerfProbeTests
{
    private static async Task<PerfTool> Perf() => await PerfTool.LocateAsync(Tools.Processes, null, CancellationToken.None);

    [Theory]
    [InlineData(PerfOutputFormat.Csv)]
    [InlineData(PerfOutputFormat.Json)]
    public async Task RunAsync_DefaultEvents_SoftwareSupportedHardwareAsTheMachineHasIt(PerfOutputFormat format)
    {
        var host = PerfHost.Read();

        var probe = await PerfProbe.RunAsync(await Perf(), format, PerfEventList.Default, host, Tools.Processes, CancellationToken.None);

        Assert.Equal(PerfEventList.Default, probe.Events.Select(e => e.Event));
        Assert.All(probe.Events.Where(e => e.Event.IsSoftware), e => Assert.True(e.IsSupported, e.Event.Spec));
        foreach (var hardware in probe.Events.Where(e => !e.Event.IsSoftware))
        {
            Assert.Equal(host.HasCorePmu, hardware.IsSupported);
            if (!host.HasCorePmu)
            {
                Assert.Equal(PerfDiagnosis.NotSupportedReason(hardware.Event, host), hardware.Reason);
            }
        }
    }

    [Theory]
    [InlineData("task-clock,no-such-event-anywhere", PerfOutputFormat.Csv, "--events: perf does not know the event 'no-such-event-anywhere'")]
    [InlineData("task-clock,nosuchpmu/event=0x3c,umask=0x00/", PerfOutputFormat.Json, "--events: nosuchpmu/event=0x3c,umask=0x00/: this machine has no PMU 'nosuchpmu'")]
    public async Task RunAsync_EventPerfRejects_ThrowsNamingIt(string list, PerfOutputFormat format, string expected)
    {
        var events = PerfEventList.Parse(list);
        var perf = await Perf();

        var error = await Assert.ThrowsAsync<GateException>(() => PerfProbe.RunAsync(perf, format, events, PerfHost.Read(), Tools.Processes, CancellationToken.None));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LocateAsync_ThisMachine_ReadsTheVersionPerfPrints()
    {
        var perf = await Perf();
        var printed = Tools.Run(perf.Path, Path.GetTempPath(), "--version").Stdout.Trim();

        Assert.Equal("perf version " + perf.Version, printed);
        Assert.NotNull(perf.VersionNumber);
    }

    [Theory]
    [InlineData("6.1.187", PerfOutputFormat.Json)]
    [InlineData("6.12", PerfOutputFormat.Json)]
    [InlineData("5.15.0-91-generic", PerfOutputFormat.Csv)]
    [InlineData("4.19.282", PerfOutputFormat.Csv)]
    [InlineData("unknown", PerfOutputFormat.Csv)]
    public void PreferredFormat_ByVersion_JsonFrom61(string version, PerfOutputFormat expected)
    {
        Assert.Equal(expected, new PerfTool("/usr/bin/perf", version).PreferredFormat);
    }
}
