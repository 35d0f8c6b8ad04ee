using Gate.Core.Counters;

namespace Gate.Core.Doctor;

/// <summary>The simulated backend (<c>--backend cachegrind</c>): valgrind runs cachegrind here, and with which cache model.</summary>
public sealed class SimulatedBackendCheck : IDoctorCheck
{
    /// <inheritdoc />
    public int Order => 55;

    /// <inheritdoc />
    public string Name => "simulated (cachegrind)";

    /// <inheritdoc />
    public async Task<IReadOnlyList<DoctorFinding>> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var readiness = await CachegrindProbe.CheckAsync(context.Processes, CacheModel.Default, context.SearchPath, cancellationToken).ConfigureAwait(false);
        return
        [
            new DoctorFinding(Name, "backend", readiness.Ready ? DoctorStatus.Ok : DoctorStatus.Warn, readiness.Ready ? "ready" : "unavailable", readiness.Summary),
            new DoctorFinding(Name, "cache model", DoctorStatus.Ok, readiness.CacheModel, "default geometry; change it with --cache-model"),
        ];
    }
}
