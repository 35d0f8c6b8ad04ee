using Gate.TestUtilities;

namespace Gate.Tasks.Tests;

/// <summary>
/// Tier 2: the task object run with a <see cref="MockEngine"/> on a real Go module (real go), against a baseline stored
/// by <c>benchgate baseline update</c>.
/// </summary>
[Trait(Traits.Category, Traits.Slow)]
public sealed class BenchGateTaskTests : IDisposable
{
    private const string Repository = "benchgate-tests/gatedemo";
    private readonly GoModule _module = new();
    private readonly MockEngine _engine = new();

    public void Dispose() => _module.Dispose();

    private BenchGate Task(string? failOn = null) => new()
    {
        BuildEngine = _engine,
        ProjectDirectory = _module.Directory,
        Repository = Repository,
        FailOn = failOn,
        ReportPath = "obj/benchgate/report.md",
        Environment = _ => null,
    };

    private void StoreBaseline() => _module.Benchgate("baseline", "update", "--branch", "main", "--repository", Repository);

    [Fact]
    public void Execute_PlantedRegression_FailsWithBG1001AtTheBenchmarksLine()
    {
        StoreBaseline();
        _module.PlantRegression();
        var task = Task();

        var succeeded = task.Execute();

        Assert.False(succeeded, _engine.Log);
        var allocs = Assert.Single(_engine.Errors, e => e.Message!.Contains("allocs/op", StringComparison.Ordinal));
        Assert.Equal("BG1001", allocs.Code);
        Assert.Equal(_module.WordsTest, allocs.File);
        Assert.Equal(_module.FieldsLine, allocs.LineNumber);
        Assert.StartsWith("BenchmarkFields (benchgate.test/gatedemo/words) regressed: allocs/op +291.89% (37.00", allocs.Message, StringComparison.Ordinal);
        Assert.All(_engine.Errors, e => Assert.Equal("BG1001", e.Code));
        Assert.DoesNotContain(_engine.Errors, e => e.Message!.Contains("BenchmarkInts", StringComparison.Ordinal));
        Assert.Equal(_engine.Errors.Count, task.Regressions);
        Assert.Equal(_module.Temp.Combine("gatedemo", "obj", "benchgate", "report.md"), task.ReportPath);
        Assert.StartsWith("### ❌ benchgate: ", File.ReadAllText(task.ReportPath!), StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_SameCodeThenFailOnNever_PassesThenRegressionsAreWarnings()
    {
        StoreBaseline();

        var same = Task();
        Assert.True(same.Execute(), _engine.Log);
        Assert.Empty(_engine.Errors);
        Assert.Equal(0, same.Regressions);
        Assert.True(same.Unchanged >= 2, _engine.Log);
        Assert.Contains(_engine.Messages, m => m.Message!.StartsWith("BenchGate: benchgate: ", StringComparison.Ordinal));

        _module.PlantRegression();
        var never = Task(failOn: "never");
        Assert.True(never.Execute(), _engine.Log);
        Assert.Empty(_engine.Errors);
        Assert.Contains(_engine.Warnings, w => w.Code == "BG1001" && w.File == _module.WordsTest && w.LineNumber == _module.FieldsLine);
        Assert.True(never.Regressions >= 1);
    }

    [Fact]
    public void Execute_NoBaseline_BG2005WithTheStoresExplanation()
    {
        var succeeded = Task().Execute();

        Assert.False(succeeded);
        var error = Assert.Single(_engine.Errors);
        Assert.Equal("BG2005", error.Code);
        Assert.StartsWith($"no baseline for {Repository} main (go;", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_InvalidPropertyOrStore_OneErrorBeforeMeasuring()
    {
        var samples = Task();
        samples.Samples = "many";
        var store = Task();
        store.BaselineStore = "s3:bucket";

        Assert.False(samples.Execute());
        Assert.False(store.Execute());

        Assert.Equal(["BG2001", "BG2004"], _engine.Errors.Select(e => e.Code));
        Assert.DoesNotContain(_engine.Messages, m => m.Message!.Contains("build [", StringComparison.Ordinal));
    }
}
