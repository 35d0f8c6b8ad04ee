using System.Globalization;
using Gate.Core.GoBench;
using Gate.Core.Metrics;
using Gate.Core.Processes;
using Gate.Core.Results;

namespace Gate.Core.Running.Canary;

/// <summary>A timing taken between sample rounds; the runner calls it and records what it measured.</summary>
public interface ISpeedCanary
{
    /// <summary>Builds and calibrates the canary with <paramref name="goPath"/> in <paramref name="workDirectory"/>; false when it cannot run (the run goes on without it).</summary>
    Task<bool> PrepareAsync(string goPath, string workDirectory, CancellationToken cancellationToken);

    /// <summary>Times the canary once.</summary>
    Task TimeAsync(CancellationToken cancellationToken);

    /// <summary>The timings so far, or null when the canary could not run.</summary>
    CanaryRecord? Record { get; }
}

/// <summary>
/// The machine-speed canary: BenchGate's own Go benchmarks (an embedded module, standard library only), built
/// with the user's Go, each calibrated once to about <see cref="TargetTime"/> per timing, then run with that fixed
/// iteration count whenever the runner asks (before the first sample round and after every round): first the
/// CPU-bound loop, then the memory phase (a stream through 16 MiB), each in its own process.
/// </summary>
public sealed class SpeedCanary(IProcessRunner runner) : ISpeedCanary
{
    /// <summary>The canary's name, recorded with its timings; change it whenever the loop changes.</summary>
    public const string Name = "benchgate-canary-v1";

    /// <summary>The memory phase's name, recorded with its timings; change it whenever its loop changes.</summary>
    public const string MemoryName = "benchgate-memory-canary-v1";

    /// <summary>Target duration of one timing.</summary>
    public static readonly TimeSpan TargetTime = TimeSpan.FromMilliseconds(20);

    private readonly Phase _cpu = new(Name, "BenchmarkCanary");
    private readonly Phase _memory = new(MemoryName, "BenchmarkCanaryMemory");
    private string? _binary;
    private string? _directory;

    /// <inheritdoc />
    public CanaryRecord? Record => _cpu.Record is { } cpu ? cpu with { Memory = _memory.Record } : null;

    /// <inheritdoc />
    public async Task<bool> PrepareAsync(string goPath, string workDirectory, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(workDirectory, "canary");
        Directory.CreateDirectory(directory);
        foreach (var (name, text) in ModuleFiles())
        {
            await File.WriteAllTextAsync(Path.Combine(directory, name), text, cancellationToken).ConfigureAwait(false);
        }
        var binary = Path.Combine(directory, "canary.test");
        var environment = new Dictionary<string, string?> { ["GOWORK"] = "off", ["GOFLAGS"] = "-mod=mod", ["CGO_ENABLED"] = "0" };
        var build = await runner.RunAsync(new ProcessSpec(goPath, ["test", "-c", "-o", binary, "."], directory, environment, TimeSpan.FromMinutes(5)), cancellationToken).ConfigureAwait(false);
        if (!build.Succeeded || !File.Exists(binary))
        {
            return false;
        }
        var seconds = TargetTime.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";
        async Task<long> CalibrateAsync(Phase phase) =>
            (await RunAsync(binary, directory, phase.Benchmark, seconds, cancellationToken).ConfigureAwait(false))?.Iterations ?? 0;
        _cpu.Iterations = await CalibrateAsync(_cpu).ConfigureAwait(false);
        if (_cpu.Iterations == 0)
        {
            return false;
        }
        _memory.Iterations = await CalibrateAsync(_memory).ConfigureAwait(false); // 0: the canary goes on without its memory phase
        (_binary, _directory) = (binary, directory);
        return true;
    }

    /// <inheritdoc />
    public async Task TimeAsync(CancellationToken cancellationToken)
    {
        if (_binary is null)
        {
            return;
        }
        foreach (var phase in new[] { _cpu, _memory }.Where(p => p.Iterations > 0))
        {
            var benchtime = phase.Iterations.ToString(CultureInfo.InvariantCulture) + "x";
            if (await RunAsync(_binary, _directory!, phase.Benchmark, benchtime, cancellationToken).ConfigureAwait(false) is { } timing)
            {
                phase.Timings.Add(timing.SecondsPerOp);
            }
        }
    }

    /// <summary>The embedded Go module: (file name, text) pairs.</summary>
    public static IEnumerable<(string Name, string Text)> ModuleFiles()
    {
        var assembly = typeof(SpeedCanary).Assembly;
        foreach (var name in new[] { "go.mod", "canary_test.go" })
        {
            using var stream = assembly.GetManifestResourceStream("Gate.Core.Canary." + name)
                ?? throw new InvalidOperationException("embedded canary file missing: " + name);
            using var reader = new StreamReader(stream);
            yield return (name, reader.ReadToEnd());
        }
    }

    private async Task<(long Iterations, double SecondsPerOp)?> RunAsync(string binary, string directory, string benchmark, string benchtime, CancellationToken cancellationToken)
    {
        string[] arguments = ["-test.run=^$", "-test.bench=^" + benchmark + "$", "-test.benchtime=" + benchtime, "-test.count=1", "-test.cpu=1"];
        var outcome = await runner.RunAsync(new ProcessSpec(binary, arguments, directory, Timeout: TimeSpan.FromMinutes(1)), cancellationToken).ConfigureAwait(false);
        if (!outcome.Succeeded)
        {
            return null;
        }
        var result = GoBenchReader.ReadText(outcome.Stdout).Results.FirstOrDefault(r => r.Name == benchmark);
        return result?.ValueOf(GoMetrics.SecondsPerOp) is { } secondsPerOp ? (result.Iterations, secondsPerOp) : null;
    }

    /// <summary>One of the canary's benchmarks: its recorded name, Go benchmark, calibrated iteration count (0: cannot run) and timings.</summary>
    private sealed class Phase(string name, string benchmark)
    {
        public string Benchmark => benchmark;

        public long Iterations { get; set; }

        public List<double> Timings { get; } = [];

        public CanaryRecord? Record => Iterations > 0 && Timings.Count > 0 ? new CanaryRecord(name, Iterations, [.. Timings]) : null;
    }
}
