using Gate.Core.Measurement;
using Gate.Core.Results;

namespace Gate.Core.Running;

/// <summary>The benchmarks of one source tree, ready to measure: found, built, listed and calibrated (<see cref="BenchmarkRunner.PrepareAsync"/>).</summary>
/// <param name="Directory">The measured directory, absolute.</param>
/// <param name="Go">The go command.</param>
/// <param name="GoEnvironment">What go env says.</param>
/// <param name="Groups">The package patterns, grouped by the directory go list ran them in.</param>
/// <param name="Targets">The calibrated benchmarks, in discovery order.</param>
/// <param name="Failures">Packages that did not build, benchmarks that failed their calibration.</param>
/// <param name="Cpu">The CPU model Go reported, if it did.</param>
public sealed record PreparedBenchmarks(
    string Directory,
    GoToolchain Go,
    GoEnvironment GoEnvironment,
    IReadOnlyList<PatternGroup> Groups,
    IReadOnlyList<BenchmarkTarget> Targets,
    IReadOnlyList<BenchmarkFailure> Failures,
    string? Cpu);
