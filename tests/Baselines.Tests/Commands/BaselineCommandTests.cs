using System.Xml.Linq;
using Gate.Baselines.Keys;
using Gate.Baselines.NuGet;
using Gate.Baselines.Storage;
using Gate.Baselines.Tests.History;
using Gate.Baselines.Tests.Support;
using Gate.Core.Processes;
using Gate.TestUtilities;

namespace Gate.Baselines.Tests.Commands;

/// <summary>The <c>benchgate baseline</c> commands, run as the real tool in separate processes.</summary>
[Trait(Traits.Category, Traits.Slow)]
public sealed class BaselineCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private string Store => _temp.Combine("store");

    public void Dispose() => _temp.Dispose();

    private ProcessOutcome Benchgate(params string[] arguments) => Support.Benchgate.Run(_temp.Path, null, arguments);

    [Fact]
    public void UpdateListShow_FromResultsFile_StoresAndShowsTheBaseline()
    {
        // Given the captured results of the examples module
        var fixture = SampleResults.FixturePath("examples-go1.23.results.json");

        // When they are stored, listed and shown
        var update = Benchgate("baseline", "update", "--from", fixture, "--store", "dir:" + Store, "--repository", "acme/widgets");
        var list = Benchgate("baseline", "list", "--store", "dir:" + Store);
        var show = Benchgate("baseline", "show", "--store", "dir:" + Store);
        var json = Benchgate("baseline", "show", "--store", "dir:" + Store, "--format", "json");

        // Then the key comes from the results (branch included), and show prints the stored benchmarks
        Assert.True(update.ExitCode == 0, update.Stderr);
        var key = BaselineKey.For(SampleResults.Fixture("examples-go1.23.results.json"), "acme/widgets", "baselines");
        Assert.StartsWith($"stored baseline {key.Id}: acme/widgets baselines (go; linux/amd64, AMD EPYC, go1.23)", update.Stdout, StringComparison.Ordinal);
        Assert.Contains("6 benchmark(s), commit 9acee51070479bc44dcee6f0f61833e70dc0b030, 1 run(s) in history", update.Stdout, StringComparison.Ordinal);
        Assert.True(list.ExitCode == 0, list.Stderr);
        Assert.Contains(key.Id + "  acme/widgets  baselines", list.Stdout, StringComparison.Ordinal);
        Assert.True(show.ExitCode == 0, show.Stderr);
        Assert.Contains("WordFreq", show.Stdout, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(new DirectoryStore(Store, TimeProvider.System).BaselinePathOf(key)), json.Stdout);
    }

    [Fact]
    public async Task HistoryAndPrune_SixtyRunsWithAStep_NameTheCommitAndDrawTheChart()
    {
        // Given 60 nightly runs of one benchmark with a 10 % step up at commit c30
        var store = new DirectoryStore(Store, TimeProvider.System);
        var values = SyntheticHistory.Step(21, 60, 30, 1.10, new SyntheticHistory.NoiseModel(0.02, 0, 1));
        var key = BaselineKey.For(SampleResults.Synthetic("c0", 1e-6), "acme/widgets", "main");
        for (var i = 0; i < values.Length; i++)
        {
            await store.UpdateAsync(key, SampleResults.Synthetic($"c{i}", values[i] * 0.99, values[i], values[i] * 1.01));
        }

        // When the history of its sec/op is shown with a chart, then pruned to 10 runs
        var chart = _temp.Combine("history.svg");
        var history = Benchgate("baseline", "history", "BenchmarkA", "--metric", "sec/op", "--chart", chart, "--store", "dir:" + Store);
        var all = Benchgate("baseline", "history", "A", "--store", "dir:" + Store);
        var prune = Benchgate("baseline", "prune", "--keep", "10", "--store", "dir:" + Store);

        // Then the shift is named at c30 (±2) with its size, every run is listed, the chart marks it, and prune keeps 10
        Assert.True(history.ExitCode == 0, history.Stderr);
        Assert.Matches(@"sec/op: \+(9|10|11)\.\d\d% \(.* → .*\) at run (28|29|30|31|32), commit c(28|29|30|31|32),", history.Stdout);
        Assert.Contains("<- shift", history.Stdout, StringComparison.Ordinal);
        Assert.Single(XDocument.Load(chart).Descendants(XName.Get("line", "http://www.w3.org/2000/svg")), l => (string?)l.Attribute("class") == "shift");
        Assert.True(all.ExitCode == 0, all.Stderr);
        Assert.Matches(@"allocs/op\s+60\s+3\.000\s+0\s+±0\.00%\s+0\.10%", all.Stdout);
        Assert.True(prune.ExitCode == 0, prune.Stderr);
        Assert.Contains("removed 50 history entries", prune.Stdout, StringComparison.Ordinal);
        Assert.Equal(10, (await store.ReadHistoryAsync(key)).Count);
    }

    [Fact]
    public void Update_BranchThatWouldLeaveTheStore_ExitsTwoWithOneLineAndWritesNothing()
    {
        var update = Benchgate("baseline", "update", "--from", SampleResults.FixturePath("examples-go1.23.results.json"), "--store", "dir:" + Store, "--branch", "../../outside");

        Assert.Equal(2, update.ExitCode);
        Assert.Equal("benchgate: branch '../../outside' is not a valid git branch name (it contains '..'); a baseline key must not be able to leave the store\n", update.Stderr);
        Assert.False(Directory.Exists(Store));
    }

    [Fact]
    public async Task Update_CorruptedBaseline_ExitsTwoAndLeavesTheFileAsItWas()
    {
        // Given a stored baseline that was then truncated
        var results = SampleResults.Fixture("examples-go1.23.results.json");
        var key = BaselineKey.For(results, "acme/widgets", "main");
        var store = new DirectoryStore(Store, TimeProvider.System);
        await store.UpdateAsync(key, results);
        var path = store.BaselinePathOf(key);
        File.WriteAllText(path, File.ReadAllText(path)[..500]);
        var damaged = File.ReadAllBytes(path);

        // When update and show run
        var update = Benchgate("baseline", "update", "--from", SampleResults.FixturePath("examples-go1.23.results.json"), "--store", "dir:" + Store, "--repository", "acme/widgets", "--branch", "main");
        var show = Benchgate("baseline", "show", "--store", "dir:" + Store);

        // Then both exit 2 with one line naming the file, and the file is untouched
        Assert.Equal(2, update.ExitCode);
        Assert.Equal(2, show.ExitCode);
        Assert.StartsWith($"benchgate: {path}: the baseline file is corrupted or truncated", update.Stderr, StringComparison.Ordinal);
        Assert.Single(update.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Equal(damaged, File.ReadAllBytes(path));
    }

    [Fact]
    public void Update_UnknownStoreKind_ExitsTwo()
    {
        var update = Benchgate("baseline", "update", "--from", SampleResults.FixturePath("examples-go1.23.results.json"), "--store", "s3:bucket");

        Assert.Equal(2, update.ExitCode);
        Assert.StartsWith("benchgate: --store 's3:bucket' is not dir:PATH or nuget:SOURCE", update.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateAndList_HttpFeedWithCredentialsInTheEnvironment_WorkAndNeverPrintThem()
    {
        // Given a v3 feed on 127.0.0.1 that requires an API key and basic authentication
        await using var feed = await TestFeedServer.StartAsync("cli-key-77e1", "cli-user", "cli-password-93ab");
        var environment = new Dictionary<string, string?>
        {
            [NuGetCredentials.ApiKeyVariable] = "cli-key-77e1",
            [NuGetCredentials.UsernameVariable] = "cli-user",
            [NuGetCredentials.PasswordVariable] = "cli-password-93ab",
        };

        // When a baseline is pushed and listed through it
        var update = Support.Benchgate.Run(_temp.Path, environment, "baseline", "update", "--from", SampleResults.FixturePath("examples-go1.23.results.json"), "--store", "nuget:" + feed.IndexUrl, "--repository", "acme/widgets");
        var list = Support.Benchgate.Run(_temp.Path, environment, "baseline", "list", "--store", "nuget:" + feed.IndexUrl);
        var anonymous = Support.Benchgate.Run(_temp.Path, null, "baseline", "list", "--store", "nuget:" + feed.IndexUrl);

        // Then both work, without credentials the feed refuses clearly, and no output holds a secret
        Assert.True(update.ExitCode == 0, update.Stderr);
        Assert.True(list.ExitCode == 0, list.Stderr);
        Assert.Contains("acme/widgets  baselines", list.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, anonymous.ExitCode);
        Assert.StartsWith("benchgate: nuget:" + feed.IndexUrl, anonymous.Stderr, StringComparison.Ordinal);
        foreach (var output in new[] { update.Stdout, update.Stderr, list.Stdout, list.Stderr, anonymous.Stderr })
        {
            Assert.DoesNotContain("cli-key-77e1", output, StringComparison.Ordinal);
            Assert.DoesNotContain("cli-password-93ab", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Update_WithoutFrom_MeasuresTheModuleThenStores()
    {
        // Given the examples module (real go)
        // When update measures one benchmark briefly
        var update = Benchgate("baseline", "update", "--dir", RepoPaths.Examples, "--bench", "Classify", "--samples", "2", "--sample-time", "10ms", "--store", "dir:" + Store, "--repository", "acme/examples", "--branch", "main");

        // Then one benchmark is stored with the go backend's metrics
        Assert.True(update.ExitCode == 0, update.Stderr);
        Assert.Contains("stored baseline", update.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 benchmark(s)", update.Stdout, StringComparison.Ordinal);
        var show = Benchgate("baseline", "show", "--store", "dir:" + Store);
        Assert.Contains("Classify", show.Stdout, StringComparison.Ordinal);
    }
}
