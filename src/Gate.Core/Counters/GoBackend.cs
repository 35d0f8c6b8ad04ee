using Gate.Core.GoBench;
using Gate.Core.Measurement;
using Gate.Core.Metrics;
using Gate.Core.Processes;

namespace Gate.Core.Counters;

/// <summary>
/// The <c>go</c> backend: runs the benchmark with a fixed iteration count and takes Go's own per-op figures
/// (ns/op as sec/op, B/op, allocs/op, MB/s and every <c>b.ReportMetric</c> unit).
/// </summary>
public sealed class GoBackend(IProcessRunner runner, TimeSpan? timeout = null) : IMeasurementBackend
{
    /// <inheritdoc />
    public string Name => BackendKind.Go.Name();

    /// <inheritdoc />
    public async Task<SampleOutcome> MeasureAsync(BenchmarkTarget target, CancellationToken cancellationToken)
    {
        var spec = new ProcessSpec(target.TestBinary, target.BenchArguments(target.Iterations), target.Package.Directory, Timeout: timeout);
        var outcome = await runner.RunAsync(spec, cancellationToken).ConfigureAwait(false);
        return Interpret(target, outcome);
    }

    /// <summary>The sample in a test binary's output, or the reason there is none.</summary>
    public static SampleOutcome Interpret(BenchmarkTarget target, ProcessOutcome outcome)
    {
        var file = GoBenchReader.ReadText(outcome.Stdout, target.Name, new GoBenchReadOptions(target.Procs));
        var result = file.Results.FirstOrDefault(r => r.Name == target.Name);
        var failure = BenchmarkFailures.Describe(file, outcome);
        if (failure is not null)
        {
            return SampleOutcome.Failed(failure);
        }
        if (result is null)
        {
            return SampleOutcome.Failed("produced no result line" + (file.Errors.Count > 0 ? ": " + file.Errors[0].Message : ""));
        }
        return new SampleOutcome(GoMetrics.ToSample(result), GoMetrics.Describe(result), null);
    }
}
