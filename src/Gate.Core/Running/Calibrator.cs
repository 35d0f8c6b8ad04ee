using System.Globalization;
using Gate.Core.GoBench;
using Gate.Core.Measurement;
using Gate.Core.Processes;

namespace Gate.Core.Running;

/// <summary>The benchmarks a calibration run found, and those that failed in it.</summary>
public sealed record Calibration(IReadOnlyList<BenchmarkTarget> Targets, IReadOnlyList<(string Name, string Message)> Failures, string? Cpu);

/// <summary>
/// Calibrates one top-level benchmark (with the sub-benchmarks the pattern selects): runs it natively with
/// <c>-test.benchtime=SAMPLE_TIME</c>, where Go itself grows N until one run lasts the sample time, and keeps
/// each benchmark's final N as its fixed iteration count. One process per top-level benchmark, so that a panic
/// loses only that benchmark.
/// </summary>
public sealed class Calibrator(IProcessRunner runner)
{
    /// <summary>Calibrates <paramref name="pattern"/> (one top-level benchmark) of a package's test binary.</summary>
    public async Task<Calibration> CalibrateAsync(GoPackage package, string binary, string topLevel, string pattern, TimeSpan sampleTime, CancellationToken cancellationToken)
    {
        var seconds = sampleTime.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        string[] arguments = ["-test.run=^$", "-test.bench=" + pattern, "-test.benchtime=" + seconds + "s", "-test.count=1", "-test.benchmem"];
        var outcome = await runner.RunAsync(new ProcessSpec(binary, arguments, package.Directory), cancellationToken).ConfigureAwait(false);
        var file = GoBenchReader.ReadText(outcome.Stdout, binary);
        var targets = file.Results
            .Select(r => new BenchmarkTarget(package, binary, r.Name, r.Procs, r.Iterations))
            .ToList();
        var failures = new List<(string, string)>();
        var failure = BenchmarkFailures.Describe(file, outcome);
        if (failure is not null)
        {
            var named = file.Failures.FirstOrDefault(f => f.Kind != GoBenchFailureKind.Skipped && f.Name is not null)?.Name;
            failures.Add((named ?? topLevel, failure));
            // A failed or panicking sub-benchmark: the figures of its siblings in the same process stay usable.
            if (named is not null)
            {
                targets.RemoveAll(t => t.Name == named || t.Name.StartsWith(named + "/", StringComparison.Ordinal));
            }
        }
        var cpu = file.Results.Select(r => r.Config.Get("cpu")).FirstOrDefault(c => c is not null);
        return new Calibration(targets, failures, cpu);
    }
}
