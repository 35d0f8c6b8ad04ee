using Gate.Core.Counters;
using Gate.Core.Reporting;
using Gate.Core.Results;
using Gate.TestUtilities;
using Xunit.Abstractions;

namespace Gate.Tool.Tests;

/// <summary>
/// <c>--samples auto</c> on examples/ for real: a repository with examples/ (commit 1) and one planted allocation per op
/// in WordFreq (commit 2), checked against HEAD~1 once with a fixed 20 samples per side and once with auto. Wall
/// times must be neither a regression nor an improvement in either check: the test runs alone and at q = 0.01
/// (a configuration file outside the repository) so that the engine's false-alarm rate per run (at most q) makes it
/// fail by chance in at most about 2 % of runs; the allocation's verdict does not depend on q.
/// </summary>
[Collection(TimingCollection.Name)]
public class AbSamplesAutoTests(ITestOutputHelper output)
{
    private static readonly string[] Common = ["check", "--against", "HEAD~1", "--sample-time", "20ms", "--no-comment", "--format", "json"];

    [Fact]
    [Trait(Traits.Category, Traits.Slow)]
    public void SamplesAuto_Examples_SameVerdictsAsTwentySamplesWithFewerRuns()
    {
        // Given examples/ and a commit that adds one allocation per op to WordFreq
        using var repository = new AbRepository(RepoPaths.Examples, "examples");
        var source = Path.Combine(repository.Module, "textproc", "wordfreq.go");
        File.WriteAllText(source, File.ReadAllText(source)
            .Replace("func TopWords(text string, n int) []WordCount {", "var Scratch []byte\n\nfunc TopWords(text string, n int) []WordCount {\n\tScratch = make([]byte, 64)", StringComparison.Ordinal));
        repository.Commit("v2: WordFreq allocates");

        // When checked against HEAD~1 with 20 samples per side, and with --samples auto (at most 20)
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var twenty = Check(repository, "20", "twenty.json");
        var twentyTime = watch.Elapsed;
        watch.Restart();
        var auto = Check(repository, "auto", "auto.json");
        var autoTime = watch.Elapsed;

        // Then the verdicts are the same (wall times: neither a regression nor an improvement, since the speed canary
        // is the machine's and may differ between the two checks), with fewer sample runs in total
        Assert.Equal(twenty.Keys.Order(StringComparer.Ordinal), auto.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, fixedRow) in twenty)
        {
            var autoRow = auto[key];
            if (BackendMetrics.Catalog.Find(MetricSource.Go, fixedRow.Metric).DependsOnMachineSpeed)
            {
                Assert.DoesNotContain(fixedRow.Verdict, new[] { "regression", "improvement" });
                Assert.DoesNotContain(autoRow.Verdict, new[] { "regression", "improvement" });
            }
            else
            {
                Assert.True(fixedRow.Verdict == autoRow.Verdict, $"{key}: 20 samples {fixedRow.Verdict}, auto {autoRow.Verdict} ({autoRow.Reason})");
            }
        }
        Assert.Equal(["BenchmarkWordFreq"], twenty.Values.Where(r => r.Verdict == "regression").Select(r => r.Benchmark).Distinct());
        var benchmarks = twenty.Values.Select(r => r.Benchmark).Distinct().Count();
        var fixedRuns = Runs(twenty.Values);
        var autoRuns = Runs(auto.Values);
        output.WriteLine($"examples/ ({benchmarks} benchmarks): 20 samples per side: {fixedRuns} sample runs, {twentyTime.TotalSeconds:0} s; --samples auto: {autoRuns} sample runs ({(double)autoRuns / fixedRuns:P0}), {autoTime.TotalSeconds:0} s");
        Assert.Equal(2 * 20 * benchmarks, fixedRuns);
        Assert.True(autoRuns < fixedRuns, $"auto took {autoRuns} of {fixedRuns}");
    }

    /// <summary>Runs check and returns its JSON report's rows by (benchmark, metric).</summary>
    private static Dictionary<string, ComparisonRowDocument> Check(AbRepository repository, string samples, string report)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, ErrIsTerminal: false, repository.Module, CancellationToken.None) { Processes = Tools.Processes, Environment = _ => null };
        var config = Path.Combine(repository.Root, "..", "benchgate.json");
        File.WriteAllText(config, """{ "q": 0.01 }""");
        var code = Cli.RunAsync(context, [.. Common, "--samples", samples, "--config", config, "--out", Path.Combine(repository.Root, "..", report)]).GetAwaiter().GetResult();
        Assert.True(code == 1, $"exit {code}\n{output}\n{error}");
        var document = ComparisonJson.Parse(File.ReadAllText(Path.Combine(repository.Root, "..", report)));
        Assert.Equal(0.01, document.Q);
        return document.Comparisons.ToDictionary(r => r.Package + " " + r.Benchmark + " " + r.Metric, StringComparer.Ordinal);
    }

    /// <summary>Sample runs of both sides: each benchmark's sample counts, once per benchmark.</summary>
    private static int Runs(IEnumerable<ComparisonRowDocument> rows) =>
        rows.GroupBy(r => r.Package + " " + r.Benchmark).Sum(g => g.Max(r => r.Old?.N ?? 0) + g.Max(r => r.New?.N ?? 0));
}
