using System.Diagnostics;
using System.Globalization;
using Gate.Core.Counters;
using Gate.Core.Results;
using Gate.Core.Running.Canary;

namespace Gate.Core.Running;

/// <summary>
/// The measuring half of the pipeline: discover (go list, test binary -test.list) → build (go test -c, once
/// per package) → calibrate (N per benchmark, natively) → measure (K samples per benchmark through a backend,
/// interleaved round robin so that the machine's drift spreads over all benchmarks) → results.
/// With a <paramref name="canary"/>, the machine-speed canary is timed before the first round and after every round.
/// With a <see cref="RunOptions.Deadline"/>, nothing new starts once it has passed; what was not measured is a failure.
/// </summary>
public sealed class BenchmarkRunner(IProcessRunner runner, IMeasurementBackend backend, IProgress<RunProgress>? progress = null, ISpeedCanary? canary = null)
{
    /// <summary>Runs the benchmarks. Environment and usage errors throw <see cref="GateException"/> before measuring.</summary>
    public async Task<RunResults> RunAsync(RunOptions options, CancellationToken cancellationToken = default)
    {
        if (options.Samples < 1)
        {
            throw new GateException($"--samples must be at least 1 (got {options.Samples})");
        }
        if (options.Jobs < 1)
        {
            throw new GateException($"--jobs must be at least 1 (got {options.Jobs})");
        }
        if (options.SampleTime <= TimeSpan.Zero)
        {
            throw new GateException("--sample-time must be positive");
        }
        if (!Directory.Exists(options.Directory))
        {
            throw new GateException($"{options.Directory}: no such directory");
        }
        var started = DateTimeOffset.UtcNow;
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
        var workDirectory = Directory.CreateTempSubdirectory("benchgate-");
        try
        {
            var binaries = await BuildAsync(go, packages, workDirectory.FullName, failures, options.Deadline, cancellationToken).ConfigureAwait(false);
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
            var timeCanary = canary is not null && targets.Count > 0 && await canary.PrepareAsync(go.GoPath, workDirectory.FullName, cancellationToken).ConfigureAwait(false);
            var benchmarks = await MeasureAsync(targets, options, failures, timeCanary, cancellationToken).ConfigureAwait(false);

            var probe = new EnvironmentProbe(runner);
            var (commit, branch) = await probe.GitAsync(groups[0].Directory, cancellationToken).ConfigureAwait(false);
            var module = await go.ModulePathAsync(groups[0].Directory, cancellationToken).ConfigureAwait(false);
            var environment = await backend.DescribeAsync(
                new RunEnvironment(goEnvironment.Goos, goEnvironment.Goarch, backend.Name, options.CommandLine)
                {
                    Cpu = cpu ?? EnvironmentProbe.CpuModel(),
                    GoVersion = goEnvironment.GoVersion,
                    Kernel = EnvironmentProbe.Kernel(),
                    Module = module,
                    GitCommit = commit,
                    GitBranch = branch,
                    StartedUtc = started.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                    Shard = options.Shard?.ToString(),
                },
                cancellationToken).ConfigureAwait(false);
            return new RunResults(RunResults.SchemaId, RunResults.CurrentSchemaVersion, environment, benchmarks, failures) { Canary = timeCanary ? canary!.Record : null };
        }
        finally
        {
            TryDelete(workDirectory);
        }
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

    /// <summary>
    /// Takes the samples round by round (every benchmark once per round, in rotating order), up to
    /// <see cref="RunOptions.Jobs"/> at a time within a round, and times the speed canary before the first round and
    /// after every round. Samples keep their round's place and failures their benchmark's, so that the results do not
    /// depend on the number of jobs.
    /// </summary>
    private async Task<List<BenchmarkResult>> MeasureAsync(List<BenchmarkTarget> targets, RunOptions options, List<BenchmarkFailure> failures, bool timeCanary, CancellationToken cancellationToken)
    {
        var samples = options.Samples;
        var collected = targets.Select(_ => new SampleCollector(samples)).ToArray();
        var failed = new string?[targets.Count];
        var schedule = SampleSchedule.RoundRobin(targets.Count, samples).ToList();
        var total = schedule.Count;
        var done = 0;
        var gate = new Lock();
        var watch = Stopwatch.StartNew();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Jobs, CancellationToken = cancellationToken };
        for (var round = 0; round < samples && options.Deadline is not { Passed: true }; round++)
        {
            if (timeCanary)
            {
                await canary!.TimeAsync(cancellationToken).ConfigureAwait(false);
            }
            var thisRound = round;
            await Parallel.ForEachAsync(schedule.Skip(round * targets.Count).Take(targets.Count), parallel, async (index, token) =>
            {
                var target = targets[index];
                lock (gate)
                {
                    if (failed[index] is not null || options.Deadline is { Passed: true })
                    {
                        total--;
                        return;
                    }
                    Report("measure", done, total, $"{target.Name} ({thisRound + 1}/{samples})", Estimate(watch.Elapsed, done, total));
                }
                var outcome = await backend.MeasureAsync(target, token).ConfigureAwait(false);
                lock (gate)
                {
                    done++;
                    if (outcome.Sample is null)
                    {
                        failed[index] ??= outcome.Failure ?? "no sample";
                        return;
                    }
                    collected[index].Add(thisRound, outcome);
                }
            }).ConfigureAwait(false);
        }
        if (timeCanary)
        {
            await canary!.TimeAsync(cancellationToken).ConfigureAwait(false);
        }
        Report("measure", done, total, "", TimeSpan.Zero);
        var results = new List<BenchmarkResult>();
        for (var i = 0; i < targets.Count; i++)
        {
            var target = targets[i];
            if (failed[i] is { } failure)
            {
                failures.Add(new BenchmarkFailure(target.Package.ImportPath, target.Name, failure));
            }
            else if (collected[i].Count > 0)
            {
                var window = collected[i].Window;
                var iterations = window is null ? target.Iterations : window.N2 - window.N1;
                results.Add(new BenchmarkResult(target.Package.ImportPath, target.Name, collected[i].Procs ?? target.Procs, iterations, collected[i].Metrics, collected[i].Samples)
                {
                    Window = window,
                });
            }
            else if (options.Deadline is { } deadline)
            {
                failures.Add(new BenchmarkFailure(target.Package.ImportPath, target.Name, deadline.NotMeasured));
            }
        }
        return results;
    }

    private void Report(string stage, int done, int total, string current, TimeSpan? remaining) =>
        progress?.Report(new RunProgress(stage, done, total, current, remaining));

    private static TimeSpan? Estimate(TimeSpan elapsed, int done, int total) =>
        done == 0 ? null : elapsed / done * (total - done);

    private static void TryDelete(DirectoryInfo directory)
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

    /// <summary>Samples of one benchmark by round, and the union of their metric descriptions, in first-seen order.</summary>
    private sealed class SampleCollector(int rounds)
    {
        private readonly List<MetricInfo> _metrics = [];
        private readonly Sample?[] _samples = new Sample?[rounds];

        public int Count => _samples.Count(s => s is not null);

        public IReadOnlyList<MetricInfo> Metrics => _metrics;

        public IReadOnlyList<Sample> Samples => [.. _samples.OfType<Sample>()];

        /// <summary>The iteration window the backend reported, if any.</summary>
        public IterationWindow? Window { get; private set; }

        /// <summary>GOMAXPROCS the backend fixed, if any.</summary>
        public int? Procs { get; private set; }

        public void Add(int round, SampleOutcome outcome)
        {
            foreach (var metric in outcome.Metrics)
            {
                if (!_metrics.Exists(m => m.Name == metric.Name))
                {
                    _metrics.Add(metric);
                }
            }
            _samples[round] = outcome.Sample!;
            Window ??= outcome.Window;
            Procs ??= outcome.Procs;
        }
    }
}
