using Gate.Core.Counters;
using Gate.Core.Hooks;
using Gate.Core.Results;
using Gate.Core.Running;
using Gate.TestUtilities;

namespace Gate.Core.Tests.Running;

/// <summary>
/// The runner's deadline, with real go on tests/Fixtures/msbuild/module (packages words and sum, one benchmark each).
/// The deadline is reached from the progress callback at a chosen step, so that what is measured does not depend
/// on the machine's speed.
/// </summary>
[Trait(Traits.Category, Traits.Slow)]
public sealed class RunDeadlineTests : IDisposable
{
    private const string Reason = "the test's deadline passed";
    private readonly CancellationTokenSource _deadline = new();

    public void Dispose() => _deadline.Dispose();

    /// <summary>Cancels the deadline when progress reports <paramref name="stage"/> at step <paramref name="done"/>.</summary>
    private sealed class DeadlineAt(string stage, int done, CancellationTokenSource deadline) : IProgress<RunProgress>
    {
        public void Report(RunProgress value)
        {
            if (value.Stage == stage && value.Done == done && value.Current.Length > 0)
            {
                deadline.Cancel();
            }
        }
    }

    private RunResults Run(IProgress<RunProgress>? progress, int samples = 3)
    {
        var options = new RunOptions(RepoPaths.Fixture("msbuild", "module"), ["./..."], ".", samples, TimeSpan.FromMilliseconds(10), ["test"])
        {
            Deadline = new RunDeadline(_deadline.Token, Reason),
        };
        return new BenchmarkRunner(Tools.Processes, new GoBackend(Tools.Processes), progress).RunAsync(options).GetAwaiter().GetResult();
    }

    [Fact]
    public void RunAsync_DeadlinePassedBeforeStart_EveryPackageReportedNotMeasured()
    {
        _deadline.Cancel();

        var results = Run(progress: null);

        Assert.Empty(results.Benchmarks);
        Assert.Equal(
            [("benchgate.test/gatedemo/sum", ""), ("benchgate.test/gatedemo/words", "")],
            results.Failures.Select(f => (f.Package, f.Name)).Order());
        Assert.All(results.Failures, f => Assert.Equal("not measured: " + Reason, f.Message));
    }

    [Fact]
    public void RunAsync_DeadlineDuringCalibration_NoBenchmarkPassesSilently()
    {
        // When the deadline passes while the second benchmark is about to be calibrated
        var results = Run(new DeadlineAt("calibrate", 1, _deadline));

        // Then neither is measured, and both are failures: one calibrated but never sampled, one never calibrated
        Assert.Empty(results.Benchmarks);
        Assert.Equal(2, results.Failures.Count);
        Assert.All(results.Failures, f => Assert.Equal("not measured: " + Reason, f.Message));
        Assert.Equal(["BenchmarkFields", "BenchmarkInts"], results.Failures.Select(f => f.Name).Order());
    }

    [Fact]
    public void RunAsync_DeadlineDuringTheFirstRound_WhatWasMeasuredIsKeptAndShortfallsSaid()
    {
        // When the deadline passes as the second sample of the first round starts (that sample still finishes)
        var results = Run(new DeadlineAt("measure", 1, _deadline), samples: 3);

        // Then both benchmarks have one sample of three, no round after it ran, and the shortfall is said
        Assert.Empty(results.Failures);
        Assert.Equal(2, results.Benchmarks.Count);
        Assert.All(results.Benchmarks, b => Assert.Single(b.Samples));
        Assert.StartsWith("2 benchmarks measured with fewer samples than 3: ", QuickCheck.Shortfalls(results, 3).Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void RunAsync_DeadlineNotReached_EverythingMeasured()
    {
        var results = Run(progress: null, samples: 2);

        Assert.Empty(results.Failures);
        Assert.All(results.Benchmarks, b => Assert.Equal(2, b.Samples.Count));
    }
}
