using Gate.Core.Running;

namespace Gate.Core.Counters;

/// <summary>Creates the measurement backend a user names with <c>--backend</c>.</summary>
public static class BackendFactory
{
    /// <summary>The backend names the command line accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = ["go"];

    /// <summary>The backend called <paramref name="name"/>; an unknown name is a <see cref="GateException"/>.</summary>
    public static IMeasurementBackend Create(string name, IProcessRunner runner) => name switch
    {
        "go" => new GoBackend(runner),
        _ => throw new GateException($"--backend '{name}' is not one of: {string.Join(", ", Names)}"),
    };
}
