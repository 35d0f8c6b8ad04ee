using Gate.Baselines.Checking;
using Gate.Baselines.Keys;
using Gate.Baselines.Storage;
using Gate.Baselines.Tests.Support;
using Gate.Core;
using Gate.Core.Checking;
using Gate.Core.Config;
using Gate.Core.Results;
using Gate.TestUtilities;

namespace Gate.Baselines.Tests.Checking;

/// <summary>
/// The core check session against a real directory store, with given results as the candidate (<c>check --from</c>):
/// every expected outcome is a value — passed, regressed with where each regression is defined, no comparable baseline
/// with the nearest one — and what remains is an error of a kind.
/// </summary>
public sealed class CheckSessionTests : IDisposable
{
    private const string Repository = "benchgate/session";
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Store => "dir:" + _temp.Combine("store");

    private CheckServices Services(ICheckPublisher? publisher = null) => new(Tools.Processes, _ => null, _temp.Path)
    {
        OpenStore = (store, baseDirectory) => StoredBaselineSides.Open(store, baseDirectory, Tools.Processes, _ => null),
        Publisher = publisher,
    };

    private GateSettings Settings(SettingLayer? given = null) =>
        SettingsResolver.Resolve(
            (given ?? SettingLayer.Of(SettingHost.CommandLine)).With(Gate.Core.Config.Settings.Store, Store).With(Gate.Core.Config.Settings.Repository, Repository),
            new SettingsContext(_temp.Path, _ => null, 2));

    /// <summary>A candidate written to a file, as <c>check --from</c> takes it.</summary>
    private CheckRequest FromFile(RunResults candidate, GateSettings? settings = null)
    {
        var path = _temp.Combine("candidate.json");
        ResultsJson.WriteFile(path, candidate);
        return new CheckRequest(settings ?? Settings(), CheckReference.StoredBaseline) { ResultsFile = (path, "candidate.json") };
    }

    private async Task StoreBaseline(RunResults results) =>
        await StoredStore().UpdateAsync(BaselineKey.For(results, Repository, "main"), results, CancellationToken.None);

    private IBaselineStore StoredStore() => BaselineStores.Open(Store, _temp.Path, _ => null, TimeProvider.System);

    [Fact]
    public async Task Run_EmptyStore_NoComparableBaselineAsAValue()
    {
        var result = await new CheckSession(Services()).RunAsync(FromFile(SampleResults.Synthetic("c1", 1e-6, 1e-6, 1e-6)), CancellationToken.None);

        Assert.Equal(CheckStatus.NoComparableBaseline, result.Status);
        Assert.Null(result.Comparison);
        Assert.StartsWith($"no baseline for {Repository} main (go;", result.Missing!.Explanation, StringComparison.Ordinal);
        Assert.Contains("the store is empty", result.Missing.Explanation);
        Assert.Null(result.Missing.Nearest);
    }

    [Fact]
    public async Task Run_BaselineOfAnotherMachine_NoComparableBaselineNamingTheNearestAndHowItDiffers()
    {
        await StoreBaseline(SampleResults.Synthetic("c1", "main", [1e-6, 1e-6, 1e-6], cpu: "Other CPU 9000"));

        var result = await new CheckSession(Services()).RunAsync(FromFile(SampleResults.Synthetic("c2", 1e-6, 1e-6, 1e-6)), CancellationToken.None);

        Assert.Equal(CheckStatus.NoComparableBaseline, result.Status);
        Assert.NotNull(result.Missing!.Nearest);
        Assert.Contains(result.Missing.Differences, d => d.Contains("Other CPU 9000", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_SameResults_PassedWithoutRegressions()
    {
        var results = SampleResults.Synthetic("c1", 1e-6, 1.1e-6, 0.9e-6, 1e-6, 1.05e-6, 0.95e-6);
        await StoreBaseline(results);

        var result = await new CheckSession(Services()).RunAsync(FromFile(results), CancellationToken.None);

        Assert.Equal(CheckStatus.Passed, result.Status);
        Assert.Empty(result.Regressions);
        Assert.NotNull(result.Comparison);
    }

    [Fact]
    public async Task Run_AllocationAdded_RegressedWithTheRegressionAndThePublisherCalledOnce()
    {
        // Given a baseline with 3 allocations per op and a candidate with 4 (deterministic: judged by the threshold alone)
        await StoreBaseline(SampleResults.Synthetic("c1", 1e-6, 1e-6, 1e-6));
        var candidate = SampleResults.Synthetic("c2", 1e-6, 1e-6, 1e-6);
        candidate = candidate with
        {
            Benchmarks = [.. candidate.Benchmarks.Select(b => b with { Samples = [.. b.Samples.Select(s => s with { Values = new Dictionary<string, double>(s.Values) { ["allocs/op"] = 4 } })] })],
        };
        var publisher = new RecordingPublisher();

        // When checked, with publishing asked for
        var result = await new CheckSession(Services(publisher)).RunAsync(FromFile(candidate) with { Publish = new PublishWishes("gate") }, CancellationToken.None);

        // Then the regression is a value, with its benchmark's source (its package is not on disk here: no location), and it was published
        Assert.Equal(CheckStatus.Regressed, result.Status);
        var regression = Assert.Single(result.Regressions);
        Assert.Equal(("BenchmarkA", "allocs/op"), (regression.Comparison.Benchmark, regression.Comparison.Metric.Name));
        Assert.Null(regression.Source.Location);
        Assert.Same(result, Assert.Single(publisher.Published));
    }

    [Fact]
    public async Task Run_SequentialSamplesAgainstAStoredBaseline_UsageErrorNamingTheSettingAsWritten()
    {
        File.WriteAllText(_temp.Combine("benchgate.json"), """{ "run": { "samples": "auto" } }""");

        var error = await Assert.ThrowsAsync<GateException>(() => new CheckSession(Services()).RunAsync(FromFile(SampleResults.Synthetic("c1", 1e-6)), CancellationToken.None));

        Assert.Equal(GateErrorKind.Usage, error.Kind);
        Assert.Equal("benchgate.json: run.samples auto needs both sides measured in this job: use it with check --against REF or ab BASE HEAD", error.Message);
    }

    [Fact]
    public async Task Run_UnreadableStoreOrReportFile_ErrorsOfTheirKind()
    {
        File.WriteAllText(_temp.Combine("store"), "a file where the store's directory should be");
        var results = SampleResults.Synthetic("c1", 1e-6);

        var store = await Assert.ThrowsAsync<GateException>(() => new CheckSession(Services()).RunAsync(FromFile(results), CancellationToken.None));
        var report = await Assert.ThrowsAsync<GateException>(() => new CheckSession(Services()).RunAsync(
            FromFile(results) with { Report = new ReportFile(_temp.Combine("missing", "report.md"), "missing/report.md", "markdown") }, CancellationToken.None));

        Assert.Equal(GateErrorKind.Store, store.Kind);
        Assert.Equal(GateErrorKind.Report, report.Kind);
        Assert.Contains("missing/report.md", report.Message);
    }

    private sealed class RecordingPublisher : ICheckPublisher
    {
        public List<CheckResult> Published { get; } = [];

        public Task PublishAsync(CheckResult result, PublishWishes wishes, CancellationToken cancellationToken)
        {
            Published.Add(result);
            return Task.CompletedTask;
        }
    }
}
