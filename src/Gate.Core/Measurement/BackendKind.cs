namespace Gate.Core.Measurement;

/// <summary>How benchmarks are measured: Go's own figures, perf counters, or cachegrind's simulated counters.</summary>
public enum BackendKind
{
    /// <summary><c>go</c>: Go's own figures (sec/op, B/op, allocs/op, reported metrics).</summary>
    Go,

    /// <summary><c>perf</c>: perf stat counters per operation.</summary>
    Perf,

    /// <summary><c>cachegrind</c>: simulated, deterministic counters per operation.</summary>
    Cachegrind,
}

/// <summary>The names of the backends, as the command line, the configuration and the results file spell them.</summary>
public static class BackendKinds
{
    /// <summary>Every backend, in the order help texts list them.</summary>
    public static IReadOnlyList<BackendKind> All { get; } = [BackendKind.Go, BackendKind.Perf, BackendKind.Cachegrind];

    /// <summary>Every backend's name, in the order of <see cref="All"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(Name)];

    /// <summary>The backend's name: <c>go</c>, <c>perf</c> or <c>cachegrind</c>.</summary>
    public static string Name(this BackendKind kind) => kind switch
    {
        BackendKind.Go => "go",
        BackendKind.Perf => "perf",
        BackendKind.Cachegrind => "cachegrind",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The backend named <paramref name="name"/>; false for any other text.</summary>
    public static bool TryParse(string name, out BackendKind kind)
    {
        var index = Names.ToList().IndexOf(name);
        kind = index < 0 ? default : All[index];
        return index >= 0;
    }
}
