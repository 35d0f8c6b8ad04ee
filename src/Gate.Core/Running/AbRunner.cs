using Gate.Core.Git;
using Gate.Core.Measurement;
using Gate.Core.Processes;
using Gate.Core.Results;
using Gate.Core.Running.Canary;
using Gate.Core.Statistics;

namespace Gate.Core.Running;

/// <summary>
/// Measures two revisions of a Go module in one job: the base (and the head, when it is a revision) checked out with
/// <c>git worktree add --detach</c> into a temporary directory, the head by default the working tree itself with its
/// uncommitted changes. Both sides go through <see cref="BenchmarkRunner"/>'s stages (find, build, list, calibrate);
/// the benchmarks common to both are then measured interleaved (<see cref="AbSchedule"/>) through one backend, the
/// speed canary timed between rounds, so that whatever the machine does during the run it does to both sides alike.
/// With <see cref="AbOptions.AutoSamples"/>, a pair gets no more samples once <see cref="SequentialRule"/> says its
/// verdict is settled. Worktrees and binaries are removed afterwards, also on failure or cancellation.
/// </summary>
public sealed class AbRunner(IProcessRunner runner, IMeasurementBackend backend, IProgress<RunProgress>? progress = null, ISpeedCanary? canary = null)
{
    /// <summary>Measures both sides. Bad input (not a repository, an unknown revision, nothing to measure on a side) is a <see cref="GateException"/>.</summary>
    public async Task<AbResults> RunAsync(AbOptions options, CancellationToken cancellationToken = default)
    {
        BenchmarkRunner.Validate(options.Run);
        var git = await GitRepository.OpenAsync(runner, options.Run.Directory, cancellationToken).ConfigureAwait(false);
        var prefix = await git.PrefixAsync(cancellationToken).ConfigureAwait(false);
        var baseRevision = await AbRevision.ResolveAsync(git, options.Base, cancellationToken).ConfigureAwait(false);
        var headRevision = options.Head is null
            ? await AbRevision.WorkingTreeAsync(git, cancellationToken).ConfigureAwait(false)
            : await AbRevision.ResolveAsync(git, options.Head, cancellationToken).ConfigureAwait(false);
        var started = DateTimeOffset.UtcNow;
        var work = Directory.CreateTempSubdirectory("benchgate-ab-");
        try
        {
            await using var baseTree = await AbWorktree.AddAsync(git, baseRevision.Commit, Path.Combine(work.FullName, "base"), prefix, cancellationToken).ConfigureAwait(false);
            var headTree = options.Head is null ? null : await AbWorktree.AddAsync(git, headRevision.Commit, Path.Combine(work.FullName, "head"), prefix, cancellationToken).ConfigureAwait(false);
            try
            {
                var baseSide = Side("base", baseRevision, baseTree.Mapped, baseTree.Path, git.TopLevel, prefix, options.Run);
                var headSide = headTree is null
                    ? Side("head", headRevision, Path.GetFullPath(options.Run.Directory), null, git.TopLevel, prefix, options.Run)
                    : Side("head", headRevision, headTree.Mapped, headTree.Path, git.TopLevel, prefix, options.Run);
                return await MeasureAsync(options, baseSide, headSide, work.FullName, started, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                if (headTree is not null)
                {
                    await headTree.DisposeAsync().ConfigureAwait(false);
                }
            }
        }
        finally
        {
            BenchmarkRunner.TryDelete(work);
        }
    }

    private async Task<AbResults> MeasureAsync(AbOptions options, AbSide baseSide, AbSide headSide, string work, DateTimeOffset started, CancellationToken cancellationToken)
    {
        var basePrepared = await PrepareAsync(baseSide, Path.Combine(work, "base-build"), cancellationToken).ConfigureAwait(false);
        var headPrepared = await PrepareAsync(headSide, Path.Combine(work, "head-build"), cancellationToken).ConfigureAwait(false);

        var baseByKey = basePrepared.Targets.ToDictionary(Key, StringComparer.Ordinal);
        var headKeys = headPrepared.Targets.Select(Key).ToHashSet(StringComparer.Ordinal);
        var baseFailed = basePrepared.Failures.Select(f => f.Package + " " + f.Name).ToHashSet(StringComparer.Ordinal);
        var pairs = headPrepared.Targets.Where(t => baseByKey.ContainsKey(Key(t))).Select(t => (Base: baseByKey[Key(t)], Head: t)).ToList();
        var added = headPrepared.Targets.Where(t => !baseByKey.ContainsKey(Key(t)) && !baseFailed.Contains(Key(t))).Select(Display).ToList();
        var removed = basePrepared.Targets.Where(t => !headKeys.Contains(Key(t))).Select(Display).ToList();
        if (pairs.Count == 0 && headPrepared.Failures.Count == 0 && basePrepared.Failures.Count == 0)
        {
            throw new GateException($"no benchmark is in both {baseSide.Revision.Describe()} and {headSide.Revision.Describe()}: nothing to compare");
        }

        var targets = pairs.SelectMany(p => new[] { p.Base, p.Head }).ToList();
        var timeCanary = canary is not null && targets.Count > 0 && await canary.PrepareAsync(headPrepared.Go.GoPath, work, cancellationToken).ConfigureAwait(false);
        var rounds = options.Run.Samples;
        SequentialRule? rule = null;
        var plan = new SamplePlan(rounds, round => AbSchedule.Round(pairs.Count, round))
        {
            Label = index => (AbSchedule.IsBase(index) ? "base " : "head ") + targets[index].Name,
            Deadline = options.Run.Deadline,
            Settled = (_, sampled) => Settled(sampled, options.AutoSamples ? rule ??= Rule(options, sampled) : null),
        };
        var sampled = await new SampleRounds(backend, progress, canary).TakeAsync(targets, plan, options.Run.Jobs, timeCanary, cancellationToken).ConfigureAwait(false);

        var canaryRecord = timeCanary ? canary!.Record : null;
        var baseResults = await DescribeAsync(baseSide, basePrepared, sampled, isBase: true, started, canaryRecord, cancellationToken).ConfigureAwait(false);
        var headResults = await DescribeAsync(headSide, headPrepared, sampled, isBase: false, started, canaryRecord, cancellationToken).ConfigureAwait(false);
        var maximumRuns = targets.Count * rounds;
        var saved = sampled.Where(s => s.Count > 0).Sum(s => (s.Elapsed / s.Count * (rounds - s.Count)).TotalSeconds);
        return new AbResults(baseResults, headResults, baseSide.Revision, headSide.Revision)
        {
            Added = added,
            Removed = removed,
            Pairs = pairs.Count,
            SampleRuns = sampled.Sum(s => s.Count),
            MaximumRuns = maximumRuns,
            AutoSamples = options.AutoSamples,
            Measuring = TimeSpan.FromTicks(sampled.Sum(s => s.Elapsed.Ticks)),
            Saved = TimeSpan.FromSeconds(saved),
        };
    }

    private static SequentialRule Rule(AbOptions options, IReadOnlyList<SampledTarget> sampled) =>
        new(options.Compare, options.Run.Samples, SequentialRule.NoisyComparisons(sampled.Where((_, i) => AbSchedule.IsBase(i)).Select(s => s.ToResult()), options.Compare.Metrics));

    /// <summary>The pairs (both of their targets) that need no more samples: failed on one side, or settled by the rule (with --samples auto).</summary>
    private IEnumerable<int> Settled(IReadOnlyList<SampledTarget> sampled, SequentialRule? rule)
    {
        var record = canary?.Record;
        for (var pair = 0; pair < sampled.Count / 2; pair++)
        {
            var (a, b) = (sampled[AbSchedule.Base(pair)], sampled[AbSchedule.Head(pair)]);
            if (a.Settled || b.Settled)
            {
                continue;
            }
            var settled = a.Failure is not null || b.Failure is not null
                || (rule is not null && a.ToResult() is { } old && b.ToResult() is { } @new && rule.Judge(old, @new, record).Settled);
            if (settled)
            {
                yield return AbSchedule.Base(pair);
                yield return AbSchedule.Head(pair);
            }
        }
    }

    /// <summary>One side's results: its pairs' samples where both sides of the pair were measured, its own failures, its own commit.</summary>
    private async Task<RunResults> DescribeAsync(
        AbSide side, PreparedBenchmarks prepared, IReadOnlyList<SampledTarget> sampled, bool isBase, DateTimeOffset started, CanaryRecord? canaryRecord, CancellationToken cancellationToken)
    {
        var benchmarks = new List<BenchmarkResult>();
        var failures = prepared.Failures.ToList();
        for (var pair = 0; pair < sampled.Count / 2; pair++)
        {
            var (mine, other) = isBase
                ? (sampled[AbSchedule.Base(pair)], sampled[AbSchedule.Head(pair)])
                : (sampled[AbSchedule.Head(pair)], sampled[AbSchedule.Base(pair)]);
            if (mine.ToFailure(side.Options.Deadline) is { } failure)
            {
                failures.Add(failure);
            }
            else if (other.ToFailure(side.Options.Deadline) is null && mine.ToResult() is { } result)
            {
                benchmarks.Add(result);
            }
        }
        var stages = new BenchmarkRunner(runner, backend);
        var results = await stages.DescribeAsync(prepared, side.Options, started, benchmarks, failures, canaryRecord, cancellationToken).ConfigureAwait(false);
        return results with { Environment = results.Environment with { GitCommit = side.Revision.Commit } };
    }

    private async Task<PreparedBenchmarks> PrepareAsync(AbSide side, string buildDirectory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(buildDirectory);
        var stages = new BenchmarkRunner(runner, backend, progress is null ? null : new SideProgress(progress, side.Name));
        try
        {
            return await stages.PrepareAsync(side.Options, buildDirectory, cancellationToken).ConfigureAwait(false);
        }
        catch (GateException e)
        {
            throw new GateException($"{side.Name} ({side.Revision.Describe()}): {e.Message}", e);
        }
    }

    /// <summary>One side's run options: the directory in its tree, package patterns that are absolute paths moved into that tree.</summary>
    private static AbSide Side(string name, AbRevision revision, string directory, string? tree, string topLevel, string prefix, RunOptions run)
    {
        if (!Directory.Exists(directory))
        {
            throw new GateException($"{name} ({revision.Describe()}) has no directory {prefix.TrimEnd('/')}");
        }
        var packages = run.Packages.Select(pattern =>
        {
            if (!Path.IsPathRooted(pattern))
            {
                return pattern;
            }
            var relative = Path.GetRelativePath(topLevel, pattern);
            if (relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative))
            {
                throw new GateException($"package pattern {pattern} is outside the repository {topLevel}: an A/B measurement measures the repository's revisions only");
            }
            return tree is null ? pattern : Path.Combine(tree, relative);
        }).ToList();
        return new AbSide(name, revision, run with { Directory = directory, Packages = packages, Shard = null, ShardCosts = null });
    }

    private static string Key(BenchmarkTarget target) => target.Package.ImportPath + " " + target.Name;

    private static string Display(BenchmarkTarget target) => target.Name;

    /// <summary>One side: its name in messages (base, head), its revision, and the run options that measure its tree.</summary>
    private sealed record AbSide(string Name, AbRevision Revision, RunOptions Options);

    /// <summary>Progress of one side's preparation: its stages named <c>base build</c>, <c>head calibrate</c>…</summary>
    private sealed class SideProgress(IProgress<RunProgress> inner, string side) : IProgress<RunProgress>
    {
        public void Report(RunProgress value) => inner.Report(value with { Stage = side + " " + value.Stage });
    }
}
