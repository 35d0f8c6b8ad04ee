using Gate.Core.Counters;

namespace Gate.Core.Doctor;

/// <summary>kernel.perf_event_paranoid: what it lets BenchGate, as the user it runs as, count.</summary>
public sealed class PerfParanoidCheck : IDoctorCheck
{
    /// <inheritdoc />
    public int Order => 30;

    /// <inheritdoc />
    public string Name => "perf_event_paranoid";

    /// <inheritdoc />
    public Task<IReadOnlyList<DoctorFinding>> RunAsync(DoctorContext context, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DoctorFinding>>([Describe(PerfHost.Read())]);

    /// <summary>The finding for a machine's paranoid level and privilege.</summary>
    public DoctorFinding Describe(PerfHost host)
    {
        var value = host.ParanoidText;
        if (host.Paranoid is null)
        {
            return new DoctorFinding(Name, "level", DoctorStatus.Warn, value, "/proc/sys/kernel/perf_event_paranoid is not readable (not Linux?)");
        }
        if (host.IsPrivileged)
        {
            return new DoctorFinding(Name, "level", DoctorStatus.Ok, value, "benchgate runs privileged: the level does not restrict it");
        }
        return host.Paranoid switch
        {
            <= 1 => new DoctorFinding(Name, "level", DoctorStatus.Ok, value, "user and kernel work of the benchmark is counted"),
            2 => new DoctorFinding(Name, "level", DoctorStatus.Warn, value, "user space only: the benchmark's kernel work is not counted; 'sysctl kernel.perf_event_paranoid=1' or CAP_PERFMON includes it"),
            _ => new DoctorFinding(Name, "level", DoctorStatus.Warn, value, "perf events are refused to unprivileged users; 'sysctl kernel.perf_event_paranoid=2' (user space) or lower, or CAP_PERFMON"),
        };
    }
}
