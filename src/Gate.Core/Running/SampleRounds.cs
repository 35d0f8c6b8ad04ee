using System.Diagnostics;
using Gate.Core.Measurement;
using Gate.Core.Results;
using Gate.Core.Running.Canary;

namespace Gate.Core.Running;

/// <summary>
/// The order and the length of a measurement: how many rounds at most, which targets each round samples in which
/// order, and (optionally) after each round which targets need no more samples.
/// </summary>
/// <param name="Rounds">Rounds at most: every target that is neither failed nor settled gets one sample per round.</param>
/// <param name="Order">The target indexes of round r, in the order they are measured.</param>
public sealed record SamplePlan(int Rounds, Func<int, IReadOnlyList<int>> Order)
{
    /// <summary>Once it has passed, no new sample starts (<see cref="RunOptions.Deadline"/>); null: no deadline.</summary>
    public RunDeadline? Deadline { get; init; }

    /// <summary>How a target is named in progress lines; null: its benchmark name.</summary>
    public Func<int, string>? Label { get; init; }

    /// <summary>
    /// Called after every round but the last with the number of rounds done and every target's samples so far; returns
    /// the targets that need no more samples. Null: every target is sampled in every round.
    /// </summary>
    public Func<int, IReadOnlyList<SampledTarget>, IEnumerable<int>>? Settled { get; init; }

    /// <summary>Round robin over <paramref name="targets"/> targets (<see cref="SampleSchedule.RoundRobin"/>), <paramref name="rounds"/> rounds.</summary>
    public static SamplePlan RoundRobin(int targets, int rounds)
    {
        var schedule = SampleSchedule.RoundRobin(targets, rounds).ToArray();
        return new SamplePlan(rounds, round => new ArraySegment<int>(schedule, round * targets, targets));
    }
}

/// <summary>
/// The measure stage: takes samples round by round, up to <c>jobs</c> at a time within a round, and times the speed
/// canary before the first round and after every round. Samples keep their round's place and failures their
/// target's, so that the results do not depend on the number of jobs.
/// </summary>
public sealed class SampleRounds(IMeasurementBackend backend, IProgress<RunProgress>? progress = null, ISpeedCanary? canary = null)
{
    /// <summary>Measures <paramref name="targets"/> as <paramref name="plan"/> says; with <paramref name="timeCanary"/>, times the (prepared) canary.</summary>
    public async Task<IReadOnlyList<SampledTarget>> TakeAsync(
        IReadOnlyList<BenchmarkTarget> targets, SamplePlan plan, int jobs, bool timeCanary, CancellationToken cancellationToken)
    {
        var rounds = plan.Rounds;
        var sampled = targets.Select(t => new SampledTarget(t, rounds)).ToArray();
        var total = targets.Count * rounds;
        var done = 0;
        var gate = new Lock();
        var watch = Stopwatch.StartNew();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = jobs, CancellationToken = cancellationToken };
        for (var round = 0; round < rounds && plan.Deadline is not { Passed: true }; round++)
        {
            if (timeCanary)
            {
                await canary!.TimeAsync(cancellationToken).ConfigureAwait(false);
            }
            var thisRound = round;
            await Parallel.ForEachAsync(plan.Order(round), parallel, async (index, token) =>
            {
                var target = sampled[index];
                lock (gate)
                {
                    if (target.Failure is not null || target.Settled || plan.Deadline is { Passed: true })
                    {
                        total--;
                        return;
                    }
                    Report(done, total, $"{plan.Label?.Invoke(index) ?? target.Target.Name} ({thisRound + 1}/{rounds})", Estimate(watch.Elapsed, done, total));
                }
                var clock = Stopwatch.StartNew();
                var outcome = await backend.MeasureAsync(target.Target, token).ConfigureAwait(false);
                lock (gate)
                {
                    done++;
                    target.Add(thisRound, outcome, clock.Elapsed);
                }
            }).ConfigureAwait(false);
            if (plan.Settled is not null && round + 1 < rounds)
            {
                foreach (var index in plan.Settled(round + 1, sampled))
                {
                    sampled[index].Settle();
                }
            }
        }
        if (timeCanary)
        {
            await canary!.TimeAsync(cancellationToken).ConfigureAwait(false);
        }
        Report(done, total, "", TimeSpan.Zero);
        return sampled;
    }

    private void Report(int done, int total, string current, TimeSpan? remaining) =>
        progress?.Report(new RunProgress("measure", done, total, current, remaining));

    private static TimeSpan? Estimate(TimeSpan elapsed, int done, int total) =>
        done == 0 ? null : elapsed / done * (total - done);
}

/// <summary>
/// One target's samples by round while a measurement runs, the union of their metric descriptions in first-seen
/// order, and its failure: the first failed sample ends a target's measurement.
/// </summary>
public sealed class SampledTarget
{
    private readonly List<MetricInfo> _metrics = [];
    private readonly Sample?[] _samples;

    internal SampledTarget(BenchmarkTarget target, int rounds)
    {
        Target = target;
        _samples = new Sample?[rounds];
    }

    /// <summary>The benchmark measured.</summary>
    public BenchmarkTarget Target { get; }

    /// <summary>Samples taken.</summary>
    public int Count => _samples.Count(s => s is not null);

    /// <summary>Why the target could not be measured, or null.</summary>
    public string? Failure { get; private set; }

    /// <summary>True when the plan said that it needs no more samples.</summary>
    public bool Settled { get; private set; }

    /// <summary>Time spent measuring it (the backend's calls, summed).</summary>
    public TimeSpan Elapsed { get; private set; }

    /// <summary>The iteration window the backend reported, if any.</summary>
    public IterationWindow? Window { get; private set; }

    /// <summary>GOMAXPROCS the backend fixed, if any.</summary>
    public int? Procs { get; private set; }

    /// <summary>The samples so far as a result (in round order); null before the first sample.</summary>
    public BenchmarkResult? ToResult()
    {
        if (Count == 0)
        {
            return null;
        }
        var iterations = Window is null ? Target.Iterations : Window.N2 - Window.N1;
        return new BenchmarkResult(Target.Package.ImportPath, Target.Name, Procs ?? Target.Procs, iterations, [.. _metrics], [.. _samples.OfType<Sample>()])
        {
            Window = Window,
        };
    }

    /// <summary>
    /// The failure, when the target failed; with a <paramref name="deadline"/>, a target that got no sample at all is
    /// a failure <c>not measured: REASON</c> too, never a silent pass.
    /// </summary>
    public BenchmarkFailure? ToFailure(RunDeadline? deadline = null) =>
        Failure is not null ? new BenchmarkFailure(Target.Package.ImportPath, Target.Name, Failure)
        : Count == 0 && deadline is not null ? new BenchmarkFailure(Target.Package.ImportPath, Target.Name, deadline.NotMeasured)
        : null;

    internal void Settle() => Settled = true;

    internal void Add(int round, SampleOutcome outcome, TimeSpan elapsed)
    {
        Elapsed += elapsed;
        if (outcome.Sample is null)
        {
            Failure ??= outcome.Failure ?? "no sample";
            return;
        }
        foreach (var metric in outcome.Metrics)
        {
            if (!_metrics.Exists(m => m.Name == metric.Name))
            {
                _metrics.Add(metric);
            }
        }
        _samples[round] = outcome.Sample;
        Window ??= outcome.Window;
        Procs ??= outcome.Procs;
    }
}
