using Gate.Core.Counters;

namespace Gate.Core.Doctor;

/// <summary>Which of the default perf events this machine counts: a probe of each, and whether a CPU PMU is visible.</summary>
public sealed class PerfEventsCheck : IDoctorCheck
{
    /// <inheritdoc />
    public int Order => 40;

    /// <inheritdoc />
    public string Name => "perf events";

    /// <inheritdoc />
    public async Task<IReadOnlyList<DoctorFinding>> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var host = PerfHost.Read();
        var findings = new List<DoctorFinding> { Pmu(host) };
        PerfTool tool;
        try
        {
            tool = await PerfTool.LocateAsync(context.Processes, context.SearchPath, cancellationToken).ConfigureAwait(false);
        }
        catch (GateException)
        {
            findings.Add(new DoctorFinding(Name, "events", DoctorStatus.Warn, "not probed", "perf is not usable (see the perf line)"));
            return findings;
        }
        PerfProbeResult probe;
        try
        {
            probe = await PerfProbe.RunAsync(tool, tool.PreferredFormat, PerfEventList.Default, host, context.Processes, cancellationToken).ConfigureAwait(false);
        }
        catch (GateException e)
        {
            findings.Add(new DoctorFinding(Name, "events", DoctorStatus.Warn, "refused", e.Message));
            return findings;
        }
        findings.AddRange(probe.Events.Select(Describe));
        if (probe.UserSpaceOnly)
        {
            findings.Add(new DoctorFinding(Name, "scope", DoctorStatus.Warn, "user space only", PerfDiagnosis.UserSpaceOnly(host)));
        }
        return findings;
    }

    private DoctorFinding Pmu(PerfHost host)
    {
        var cores = host.Pmus.Where(PerfHost.IsCorePmu).ToList();
        if (cores.Count > 0)
        {
            return new DoctorFinding(Name, "CPU PMU", DoctorStatus.Ok, string.Join(", ", cores));
        }
        var why = host.IsVirtualMachine ? "virtual machine without a PMU" : "no hardware PMU";
        return new DoctorFinding(Name, "CPU PMU", DoctorStatus.Warn, "none", $"{why}: hardware events cannot be counted; use --backend cachegrind for simulated counters, or a self-hosted runner");
    }

    private DoctorFinding Describe(PerfEventSupport support) => support.Status switch
    {
        PerfCountStatus.Counted => new DoctorFinding(Name, support.Event.Spec, DoctorStatus.Ok, "supported", support.Event.Source == Results.MetricSource.PerfHw ? "hardware" : "software"),
        PerfCountStatus.NotCounted => new DoctorFinding(Name, support.Event.Spec, DoctorStatus.Ok, "supported", "not counted in the probe (it ran too briefly, or shared a counter)"),
        _ => new DoctorFinding(Name, support.Event.Spec, DoctorStatus.Warn, support.Reason ?? "not supported"),
    };
}
