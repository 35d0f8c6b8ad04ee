using Gate.Core.Running;

namespace Gate.Core.Counters;

/// <summary>What a user may tell the backend besides its name.</summary>
/// <param name="Events">perf events (<c>--events</c>, comma-separated); null for the backend's default.</param>
/// <param name="Warn">Receives one-line diagnoses the backend wants said once (for stderr); null drops them.</param>
public sealed record BackendOptions(string? Events = null, Action<string>? Warn = null);

/// <summary>Creates the measurement backend a user names with <c>--backend</c>.</summary>
public static class BackendFactory
{
    /// <summary>The backend names the command line accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = ["go", "perf"];

    /// <summary>
    /// The backend called <paramref name="name"/>, checked to be usable here before anything runs (perf: present,
    /// every event known). An unknown name, an option the backend does not take, or a backend that cannot
    /// measure on this machine is a <see cref="GateException"/>.
    /// </summary>
    public static async Task<IMeasurementBackend> CreateAsync(string name, BackendOptions options, IProcessRunner runner, CancellationToken cancellationToken)
    {
        if (options.Events is not null && name != "perf")
        {
            throw new GateException($"--events chooses perf events: it needs --backend perf (not {name})");
        }
        return name switch
        {
            "go" => new GoBackend(runner),
            "perf" => await PerfBackend.CreateAsync(new PerfOptions(PerfEventList.Parse(options.Events)), runner, options.Warn, cancellationToken).ConfigureAwait(false),
            _ => throw new GateException($"--backend '{name}' is not one of: {string.Join(", ", Names)}"),
        };
    }
}
