using System.Text.Json;
using Gate.Core.Counters;
using Gate.Core.Doctor;
using Gate.TestUtilities;

namespace Gate.Core.Tests.Doctor;

public class DoctorTests
{
    [Fact]
    public void Checks_BuiltIn_AreFoundInReportOrder()
    {
        var checks = Gate.Core.Doctor.Doctor.Checks();

        Assert.Equal(["go", "perf", "perf_event_paranoid", "perf events", "valgrind", "simulated (cachegrind)"], checks.Select(c => c.Name));
    }

    [Fact]
    [Trait(Traits.Category, Traits.Slow)]
    public async Task RunAsync_ThisMachine_ReportsGoPerfEventsAndValgrind()
    {
        var host = PerfHost.Read();

        var report = await Gate.Core.Doctor.Doctor.RunAsync(new DoctorContext(Tools.Processes));

        var findings = report.Findings;
        var go = findings.Single(f => f.Check == "go");
        Assert.Equal(DoctorStatus.Ok, go.Status);
        Assert.StartsWith("go1.", go.Value, StringComparison.Ordinal);
        var perf = findings.Single(f => f.Check == "perf");
        Assert.Equal(DoctorStatus.Ok, perf.Status);
        Assert.Equal((await PerfTool.LocateAsync(Tools.Processes, null, CancellationToken.None)).Version, perf.Value);
        var events = findings.Where(f => f.Check == "perf events" && PerfEventList.Default.Any(e => e.Spec == f.Item)).ToList();
        Assert.Equal(PerfEventList.Default.Select(e => e.Spec), events.Select(f => f.Item));
        Assert.All(events.Where(f => PerfEventList.DefaultSoftware.Contains(f.Item)), f => Assert.Equal("supported", f.Value));
        Assert.All(events.Where(f => PerfEventList.DefaultHardware.Contains(f.Item)), f =>
            Assert.Equal(host.HasCorePmu ? "supported" : PerfDiagnosis.NotSupportedReason(new PerfEvent(f.Item), host), f.Value));
        var pmu = findings.Single(f => f.Item == "CPU PMU");
        Assert.Equal(host.HasCorePmu ? DoctorStatus.Ok : DoctorStatus.Warn, pmu.Status);
        Assert.Equal(host.ParanoidText, findings.Single(f => f.Check == "perf_event_paranoid").Value);
        var valgrind = findings.Single(f => f.Check == "valgrind");
        Assert.Equal(DoctorStatus.Ok, valgrind.Status);
        Assert.Matches(@"^\d+\.\d+", valgrind.Value);
        var simulated = findings.Where(f => f.Check == "simulated (cachegrind)").ToList();
        Assert.Equal(("backend", DoctorStatus.Ok, "ready"), (simulated[0].Item, simulated[0].Status, simulated[0].Value));
        Assert.Equal(("cache model", CacheModel.Default.ToString()), (simulated[1].Item, simulated[1].Value));
        Assert.False(report.HasFailure);
    }

    [Fact]
    public async Task RunAsync_NoToolsOnPath_SaysWhatIsMissing()
    {
        using var empty = new TempDirectory();

        var report = await Gate.Core.Doctor.Doctor.RunAsync(new DoctorContext(Tools.Processes, empty.Path));

        var byCheck = report.Findings.ToLookup(f => f.Check);
        Assert.Equal(DoctorStatus.Fail, byCheck["go"].Single().Status);
        Assert.Equal("not found on PATH", byCheck["go"].Single().Value);
        Assert.Equal(DoctorStatus.Warn, byCheck["perf"].Single().Status);
        Assert.Equal(PerfDiagnosis.Missing, byCheck["perf"].Single().Detail);
        Assert.Contains(byCheck["perf events"], f => f.Value == "not probed");
        Assert.Equal(DoctorStatus.Warn, byCheck["valgrind"].Single().Status);
        Assert.Equal((DoctorStatus.Warn, "unavailable"), (byCheck["simulated (cachegrind)"].First().Status, byCheck["simulated (cachegrind)"].First().Value));
        Assert.Equal(CachegrindProbe.NotFoundMessage, byCheck["simulated (cachegrind)"].First().Detail);
        Assert.True(report.HasFailure);
    }

    [Theory]
    [InlineData(2, true, DoctorStatus.Ok, "privileged")]
    [InlineData(1, false, DoctorStatus.Ok, "user and kernel")]
    [InlineData(2, false, DoctorStatus.Warn, "user space only")]
    [InlineData(3, false, DoctorStatus.Warn, "refused")]
    [InlineData(null, false, DoctorStatus.Warn, "not readable")]
    public void ParanoidCheck_ByLevelAndPrivilege_SaysWhatIsCounted(int? level, bool privileged, DoctorStatus status, string detail)
    {
        var finding = new PerfParanoidCheck().Describe(new PerfHost(false, [], level, privileged));

        Assert.Equal(status, finding.Status);
        Assert.Contains(detail, finding.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_TableAndJson_HoldEveryFinding()
    {
        var report = new DoctorReport(
        [
            new DoctorFinding("go", "version", DoctorStatus.Ok, "go1.23.5", "/usr/local/bin/go"),
            new DoctorFinding("perf events", "cycles", DoctorStatus.Warn, "not supported on this machine (virtual machine without a PMU)"),
        ]);

        var table = report.ToTable().Split('\n');
        using var json = JsonDocument.Parse(report.ToJson());

        Assert.StartsWith("check", table[0], StringComparison.Ordinal);
        Assert.StartsWith("perf events  cycles   warn    not supported on this machine", table[2], StringComparison.Ordinal);
        var findings = json.RootElement.GetProperty("findings");
        Assert.Equal(2, findings.GetArrayLength());
        Assert.Equal("warn", findings[1].GetProperty("status").GetString());
        Assert.False(findings[1].TryGetProperty("detail", out _));
        Assert.Equal("go1.23.5", findings[0].GetProperty("value").GetString());
    }
}
