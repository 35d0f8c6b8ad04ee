using System.Diagnostics;
using System.Globalization;
using Gate.Core.Measurement;
using Gate.Core.Processes;
using Gate.Core.Results;
using Gate.Core.Running.Canary;

namespace Gate.Core.Running;

/// <summary>
/// The measuring half of the pipeline: discover (go list, test binary -test.list) → build (go test -c, once
/// per package) → calibrate (N per benchmark, natively) → measure (K samples per benchmark through a backend,
/// interleaved round robin so that the machine's drift spreads over all benchmarks) → results.
/// With a <paramref name="canary"/>, the machine-speed canary is timed before the first round and after every round.
/// With a <see cref="RunOptions.Deadline"/>, nothing new starts once it has passed; what was not measured is a failure.
/// The stages are public so that other measurements (<see cref="AbRunner"/>: two revisions interleaved) reuse them:
/// <see cref="PrepareAsync"/> (discover, build, calibrate), <see cref="SampleRounds"/> (measure) and
/// <see cref="DescribeAsync"/> (the results with their environment).
/// </summary>
public sealed class BenchmarkRunner(IProcessRunner runner, IMeasurementBackend backend, IProgress<RunProgress>? progress = null, ISpeedCanary? canary = null)
{
    /// <summary>Runs the benchmarks. Environment and usage errors throw <see cref="GateException"/> before measuring.</summary>
    public async Task<RunResults> RunAsync(RunOptions options, CancellationToken cancellationToken = default)
    {
        Validate(options);
        var started = DateTimeOffset.UtcNow;
        var workDirectory = Directory.CreateTempSubdirectory("benchgate-");
        try
        {
            var prepared = await PrepareAsync(options, workDirectory.FullName, cancellationToken).ConfigureAwait(false);
            var targets = prepared.Targets;
            var timeCanary = canary is not null && targets.Count > 0 && await canary.PrepareAsync(prepared.Go.GoPath, workDirectory.FullName, cancellationToken).ConfigureAwait(false);
            var plan = SamplePlan.RoundRobin(targets.Count, options.Samples) with { Deadline = options.Deadline };
            var sampled = await new SampleRounds(backend, progress, canary).TakeAsync(targets, plan, options.Jobs, timeCanary, cancellationToken).ConfigureAwait(false);
            var benchmarks = sampled.Where(s => s.Failure is null).Select(s => s.ToResult()).OfType<BenchmarkResult>().ToList();
            var failures = prepared.Failures.Concat(sampled.Select(s => s.ToFailure(options.Deadline)).OfType<BenchmarkFailure>()).ToList();
            return await DescribeAsync(prepared, options, started, benchmarks, failures, timeCanary ? canary!.Record : null, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            TryDelete(workDirectory);
        }
    }

    /// <summary>
    /// Checks the options a measurement needs. Counts and durations come checked from the settings (whose messages name
    /// them as the user wrote them), so a bad one here is a bug; a directory that does not exist is a <see cref="GateException"/>.
    /// </summary>
    public static void Validate(RunOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Samples, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Jobs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.SampleTime, TimeSpan.Zero);
        if (!Directory.Exists(options.Directory))
        {
            throw new GateException($"{options.Directory}: no such directory");
        }
    }

    /// <summary>
    /// The stages before measuring: finds the packages, builds their test binaries into <paramref name="workDirectory"/>,
    /// lists the benchmarks <see cref="RunOptions.Bench"/> selects (the shard's share of them) and calibrates them.
    /// Nothing to measure is a <see cref="GateException"/>; a package that does not build, or a benchmark that fails
    /// its calibration, is a failure of the result.
    /// </summary>
    public async Task<PreparedBenchmarks> PrepareAsync(RunOptions options, string workDirectory, CancellationToken cancellationToken)
    {
        var directory = Path.GetFullPath(options.Directory);
        var go = GoToolchain.Locate(runner);
        var goEnvironment = await go.EnvironmentAsync(directory, cancellationToken).ConfigureAwait(false);
        var groups = PackagePatterns.Group(directory, options.Packages);
        var packages = new List<GoPackage>();
        foreach (var group in groups)
        {
            packages.AddRange(await go.TestPackagesAsync(group.Directory, group.Patterns, cancellationToken).ConfigureAwait(false));
        }
        var patterns = string.Join(' ', options.Packages);
        if (packages.Count == 0)
        {
            throw new GateException($"no benchmarks: no package matching {patterns} has test files");
        }

        var failures = new List<BenchmarkFailure>();
        var binaries = await BuildAsync(go, packages, workDirectory, failures, options.Deadline, cancellationToken).ConfigureAwait(false);
        var topLevels = await DiscoverAsync(binaries, options.Bench, cancellationToken).ConfigureAwait(false);
        if (topLevels.Count == 0 && failures.Count == 0)
        {
            var any = await DiscoverAsync(binaries, ".", cancellationToken).ConfigureAwait(false);
            throw new GateException(any.Count == 0
                ? $"no benchmarks: the packages matching {patterns} define no Benchmark functions"
                : $"-bench '{options.Bench}' matches no benchmark in {patterns}");
        }
        var discovered = topLevels.Count;
        if (options.Shard is { } shard)
        {
            var keys = topLevels.Select(t => ShardCosts.Key(t.Package.ImportPath, t.TopLevel));
            var mine = ShardPlanner.Select(ShardCosts.Weigh(keys, options.ShardCosts), shard);
            topLevels.RemoveAll(t => !mine.Contains(ShardCosts.Key(t.Package.ImportPath, t.TopLevel)));
            Report("shard " + shard, topLevels.Count, discovered, "top-level benchmarks in this shard", null);
        }
        var (targets, cpu) = await CalibrateAsync(topLevels, options, failures, cancellationToken).ConfigureAwait(false);
        if (targets.Count == 0 && failures.Count == 0 && (options.Shard is null || topLevels.Count > 0))
        {
            throw new GateException($"-bench '{options.Bench}' matches no benchmark in {patterns}");
        }
        return new PreparedBenchmarks(directory, go, goEnvironment, groups, targets, failures, cpu);
    }

    /// <summary>The results of a measurement of <paramref name="prepared"/>, with the environment: toolchain, machine, git revision, backend.</summary>
    public async Task<RunResults> DescribeAsync(
        PreparedBenchmarks prepared, RunOptions options, DateTimeOffset started, IReadOnlyList<BenchmarkResult> benchmarks, IReadOnlyList<BenchmarkFailure> failures, CanaryRecord? canaryRecord, CancellationToken cancellationToken)
    {
        var goEnvironment = prepared.GoEnvironment;
        var probe = new EnvironmentProbe(runner);
        var (commit, branch) = await probe.GitAsync(prepared.Groups[0].Directory, cancellationToken).ConfigureAwait(false);
        var module = await prepared.Go.ModulePathAsync(prepared.Groups[0].Directory, cancellationToken).ConfigureAwait(false);
        var environment = await backend.DescribeAsync(
            new RunEnvironment(goEnvironment.Goos, goEnvironment.Goarch, backend.Name, options.CommandLine)
            {
                Cpu = prepared.Cpu ?? EnvironmentProbe.CpuModel(),
                GoVersion = goEnvironment.GoVersion,
                Kernel = EnvironmentProbe.Kernel(),
                Module = module,
                GitCommit = commit,
                GitBranch = branch,
                StartedUtc = started.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                Shard = options.Shard?.ToString(),
            },
            cancellationToken).ConfigureAwait(false);
        return new RunResults(RunResults.SchemaId, RunResults.CurrentSchemaVersion, environment, benchmarks, failures) { Canary = canaryRecord };
    }

    private async Task<List<(GoPackage Package, string Binary)>> BuildAsync(
        GoToolchain go, IReadOnlyList<GoPackage> packages, string work, List<BenchmarkFailure> failures, RunDeadline? deadline, CancellationToken cancellationToken)
    {
        var binaries = new List<(GoPackage, string)>();
        for (var i = 0; i < packages.Count; i++)
        {
            var package = packages[i];
            if (deadline is { Passed: true })
            {
                failures.Add(new BenchmarkFailure(package.ImportPath, "", deadline.NotMeasured));
                continue;
            }
            Report("build", i, packages.Count, package.ImportPath, null);
            var binary = Path.Combine(work, $"{i:000}-{Path.GetFileName(package.ImportPath)}.test");
            var outcome = await go.BuildTestBinaryAsync(package, binary, cancellationToken).ConfigureAwait(false);
            if (!outcome.Succeeded || !File.Exists(binary))
            {
                failures.Add(new BenchmarkFailure(package.ImportPath, "", "build failed: " + outcome.FirstLines(5)));
                continue;
            }
            binaries.Add((package, binary));
        }
        Report("build", packages.Count, packages.Count, "", null);
        return binaries;
    }

    /// <summary>Top-level benchmarks per binary, each with the calibration pattern that selects what the user asked.</summary>
    private async Task<List<(GoPackage Package, string Binary, string TopLevel, string Pattern)>> DiscoverAsync(
        List<(GoPackage Package, string Binary)> binaries, string bench, CancellationToken cancellationToken)
    {
        var alternatives = BenchPattern.Alternatives(bench);
        var found = new List<(GoPackage, string, string, string)>();
        foreach (var (package, binary) in binaries)
        {
            // Go evaluates each alternative's first level; .NET never interprets the user's RE2 syntax.
            var selectedBy = new Dictionary<string, List<IReadOnlyList<string>>>(StringComparer.Ordinal);
            var order = new List<string>();
            foreach (var alternative in alternatives)
            {
                var outcome = await runner.RunAsync(new ProcessSpec(binary, ["-test.list=" + alternative[0]], package.Directory), cancellationToken).ConfigureAwait(false);
                if (!outcome.Succeeded)
                {
                    throw new GateException($"-bench '{bench}': {package.ImportPath}: {outcome.FirstLines(1)}");
                }
                foreach (var name in outcome.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (!name.StartsWith("Benchmark", StringComparison.Ordinal))
                    {
                        continue;
                    }
                    if (!selectedBy.TryGetValue(name, out var list))
                    {
                        selectedBy[name] = list = [];
                        order.Add(name);
                    }
                    list.Add(alternative);
                }
            }
            found.AddRange(order.Select(name => (package, binary, name, BenchPattern.ForTopLevel(name, selectedBy[name]))));
        }
        return found;
    }

    private async Task<(List<BenchmarkTarget> Targets, string? Cpu)> CalibrateAsync(
        List<(GoPackage Package, string Binary, string TopLevel, string Pattern)> topLevels, RunOptions options, List<BenchmarkFailure> failures, CancellationToken cancellationToken)
    {
        var calibrator = new Calibrator(runner);
        var targets = new List<BenchmarkTarget>();
        string? cpu = null;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < topLevels.Count; i++)
        {
            var (package, binary, topLevel, pattern) = topLevels[i];
            if (options.Deadline is { Passed: true })
            {
                failures.Add(new BenchmarkFailure(package.ImportPath, topLevel, options.Deadline.NotMeasured));
                continue;
            }
            Report("calibrate", i, topLevels.Count, topLevel, Estimate(watch.Elapsed, i, topLevels.Count));
            var calibration = await calibrator.CalibrateAsync(package, binary, topLevel, pattern, options.SampleTime, cancellationToken).ConfigureAwait(false);
            targets.AddRange(calibration.Targets);
            failures.AddRange(calibration.Failures.Select(f => new BenchmarkFailure(package.ImportPath, f.Name, f.Message)));
            cpu ??= calibration.Cpu;
        }
        Report("calibrate", topLevels.Count, topLevels.Count, "", TimeSpan.Zero);
        return (targets, cpu);
    }

    private void Report(string stage, int done, int total, string current, TimeSpan? remaining) =>
        progress?.Report(new RunProgress(stage, done, total, current, remaining));

    private static TimeSpan? Estimate(TimeSpan elapsed, int done, int total) =>
        done == 0 ? null : elapsed / done * (total - done);

    internal static void TryDelete(DirectoryInfo directory)
    {
        try
        {
            directory.Delete(recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover temporary directory is harmless.
        }
    }
}
