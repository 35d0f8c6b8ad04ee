using System.Text.Json.Serialization;

namespace Gate.Core.Results;

/// <summary>Where a metric's numbers come from. Metrics are compared only with the same metric from the same source.</summary>
public enum MetricSource
{
    /// <summary>Go's own benchmark output (ns/op, B/op, allocs/op, MB/s, b.ReportMetric units).</summary>
    [JsonStringEnumMemberName("go")] Go,

    /// <summary>perf stat hardware events (instructions, cycles, cache and branch events).</summary>
    [JsonStringEnumMemberName("perf-hw")] PerfHw,

    /// <summary>perf stat software events (task-clock, page-faults, context switches).</summary>
    [JsonStringEnumMemberName("perf-sw")] PerfSw,

    /// <summary>Simulated counters (cachegrind): deterministic.</summary>
    [JsonStringEnumMemberName("sim")] Sim,
}

/// <summary>Which direction of change is an improvement.</summary>
public enum Better
{
    /// <summary>Smaller is better (time, bytes, allocations, misses).</summary>
    [JsonStringEnumMemberName("lower")] Lower,

    /// <summary>Larger is better (throughput, IPC).</summary>
    [JsonStringEnumMemberName("higher")] Higher,
}

/// <summary>A metric a benchmark reports: its name (a Go benchmark unit), source and better direction.</summary>
public sealed record MetricInfo(string Name, MetricSource Source, Better Better);

/// <summary>One sample: every metric's per-operation value measured in one run of the benchmark.</summary>
/// <param name="Values">Metric name to value; a metric the sample could not measure is absent, never zero.</param>
/// <param name="Flags">Notes on this sample, for example <c>multiplexed</c>; null when there are none.</param>
public sealed record Sample(IReadOnlyDictionary<string, double> Values, IReadOnlyList<string>? Flags = null);

/// <summary>All samples of one benchmark.</summary>
/// <param name="Package">Go import path.</param>
/// <param name="Name">Full name without the <c>-P</c> suffix, for example <c>BenchmarkParse/size=64</c>.</param>
/// <param name="Procs">GOMAXPROCS the benchmark ran with.</param>
/// <param name="Iterations">Iteration count N of every sample (fixed by calibration).</param>
/// <param name="Metrics">The metrics the samples hold, in report order.</param>
/// <param name="Samples">The samples, in the order they were taken.</param>
public sealed record BenchmarkResult(
    string Package,
    string Name,
    int Procs,
    long Iterations,
    IReadOnlyList<MetricInfo> Metrics,
    IReadOnlyList<Sample> Samples)
{
    /// <summary>
    /// For backends that measure whole processes (cachegrind): the two iteration counts whose difference
    /// gave the per-op figures, and how they were chosen; null otherwise.
    /// </summary>
    public IterationWindow? Window { get; init; }

    /// <summary>Package and name: what identifies a benchmark across runs.</summary>
    [JsonIgnore]
    public string Key => Package + " " + Name;

    /// <summary>The values of one metric over the samples that have it, in sample order.</summary>
    public double[] ValuesOf(string metric)
    {
        var values = new List<double>(Samples.Count);
        foreach (var sample in Samples)
        {
            if (sample.Values.TryGetValue(metric, out var value))
            {
                values.Add(value);
            }
        }
        return [.. values];
    }
}

/// <summary>
/// Per-op figures from two runs: (count at <paramref name="N2"/> − count at <paramref name="N1"/>) / (N2 − N1), so that
/// what both runs share (process start, package init, setup, Go's N=1 probe) cancels.
/// </summary>
/// <param name="N1">Iterations of the first run.</param>
/// <param name="N2">Iterations of the second run (larger).</param>
/// <param name="Rule">How the window was chosen and checked, in words.</param>
public sealed record IterationWindow(long N1, long N2, string Rule);

/// <summary>A benchmark (or a package build) that failed, panicked or could not be measured.</summary>
/// <param name="Package">Go import path.</param>
/// <param name="Name">Benchmark name, or empty when the whole package failed (build error).</param>
/// <param name="Message">What happened, with the first lines of its output.</param>
public sealed record BenchmarkFailure(string Package, string Name, string Message);

/// <summary>Where and how the results were measured.</summary>
/// <param name="Goos">GOOS.</param>
/// <param name="Goarch">GOARCH.</param>
/// <param name="Backend"><c>go</c>, <c>perf</c> or <c>cachegrind</c>.</param>
/// <param name="CommandLine">The benchgate arguments of the run.</param>
/// <param name="Cpu">CPU model as Go reports it (<c>cpu:</c> line), else from /proc/cpuinfo.</param>
/// <param name="GoVersion">For example <c>go1.23.5</c>.</param>
/// <param name="Kernel">Kernel release.</param>
/// <param name="Module">Go module path of the measured directory, when there is one.</param>
/// <param name="GitCommit">Commit of the measured directory, when it is in a git repository.</param>
/// <param name="GitBranch">Branch of the measured directory, when it is on one.</param>
/// <param name="StartedUtc">When the run started, ISO 8601 UTC.</param>
public sealed record RunEnvironment(
    string Goos,
    string Goarch,
    string Backend,
    IReadOnlyList<string> CommandLine,
    string? Cpu = null,
    string? GoVersion = null,
    string? Kernel = null,
    string? Module = null,
    string? GitCommit = null,
    string? GitBranch = null,
    string? StartedUtc = null)
{
    /// <summary>perf version, when the perf backend measured.</summary>
    public string? PerfVersion { get; init; }

    /// <summary>
    /// Events the backend was asked for but could not count on this machine, with the reason; their metrics
    /// are absent from every sample (never zero). Null when there were none.
    /// </summary>
    public IReadOnlyList<UnsupportedEvent>? UnsupportedEvents { get; init; }

    /// <summary>valgrind version, when the cachegrind backend measured.</summary>
    public string? ValgrindVersion { get; init; }

    /// <summary>The share <c>I/N</c> of the benchmarks these results hold (<c>run --shard</c>); null for a whole run or a merge.</summary>
    public string? Shard { get; init; }

    /// <summary>Simulated cache geometry (for example <c>I1=32768,8,64 D1=32768,8,64 LL=33554432,16,64</c>), cachegrind only.</summary>
    public string? CacheModel { get; init; }
}

/// <summary>An event the backend could not count here, for example <c>cycles</c> on a virtual machine without a PMU.</summary>
/// <param name="Event">The event as it was asked for.</param>
/// <param name="Reason">Why, for example <c>not supported on this machine (virtual machine without a PMU)</c>.</param>
public sealed record UnsupportedEvent(string Event, string Reason);

/// <summary>The results file (schema version 1): environment, benchmarks with samples, failures.</summary>
public sealed record RunResults(
    [property: JsonPropertyName("$schema")] string? Schema,
    int SchemaVersion,
    RunEnvironment Environment,
    IReadOnlyList<BenchmarkResult> Benchmarks,
    IReadOnlyList<BenchmarkFailure> Failures)
{
    /// <summary>The schema version this code writes and reads.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>The schema's identifier, written as <c>$schema</c>.</summary>
    public const string SchemaId = "https://github.com/benchgate/benchgate/raw/main/schemas/results.v1.schema.json";

    /// <summary>The machine-speed canary timed between sample rounds, when the run recorded one.</summary>
    public CanaryRecord? Canary { get; init; }
}

/// <summary>
/// The machine-speed canary of a run: a fixed CPU-bound Go benchmark shipped with BenchGate, timed with a fixed
/// iteration count before the first sample round and after every round. If it moved between two runs, so did the
/// machine's speed, and their wall times cannot be compared as they are.
/// </summary>
/// <param name="Name">The canary benchmark's name (its version: a different canary is not comparable).</param>
/// <param name="Iterations">The fixed iteration count of every timing.</param>
/// <param name="SecondsPerOp">The timings, in the order they were taken.</param>
public sealed record CanaryRecord(string Name, long Iterations, IReadOnlyList<double> SecondsPerOp)
{
    /// <summary>
    /// The memory phase, timed right after each CPU timing: a stream over more memory than an L2 cache holds. It
    /// moves when the memory system's speed moves (a neighbour filling the shared cache, memory bandwidth taken)
    /// while the CPU-bound loop stays put. Null in runs recorded before it existed.
    /// </summary>
    public CanaryRecord? Memory { get; init; }

    /// <summary>The timings of several runs' canaries pooled into one record, or null when they are not all the same canary.</summary>
    public static CanaryRecord? Pool(IReadOnlyList<CanaryRecord?> canaries)
    {
        var first = canaries.Count > 0 ? canaries[0] : null;
        if (first is null || canaries.Any(c => c is null || c.Name != first.Name || c.Iterations != first.Iterations))
        {
            return null;
        }
        return first with
        {
            SecondsPerOp = [.. canaries.SelectMany(c => c!.SecondsPerOp)],
            Memory = Pool([.. canaries.Select(c => c!.Memory)]),
        };
    }
}
