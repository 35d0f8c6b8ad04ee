using Gate.Baselines.Keys;
using Gate.Baselines.Storage;
using Gate.Baselines.Tests.Support;
using Gate.Core;
using Gate.TestUtilities;

namespace Gate.Baselines.Tests.Storage;

public sealed class BaselineLookupTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task FindAsync_SameKey_ReturnsTheBaseline()
    {
        var store = new DirectoryStore(_temp.Path, TimeProvider.System);
        var results = SampleResults.Synthetic("c1", 1e-6);
        var key = BaselineKey.For(results, "o/r", "main");
        await store.UpdateAsync(key, results);

        var match = await BaselineLookup.FindAsync(store, key);

        Assert.NotNull(match.Baseline);
        Assert.Empty(match.Differences);
    }

    [Fact]
    public async Task FindAsync_CandidateFromAnotherCpu_ExplainsInsteadOfComparing()
    {
        // Given a baseline of main measured on one CPU
        var store = new DirectoryStore(_temp.Path, TimeProvider.System);
        var stored = SampleResults.Synthetic("c1", 1e-6);
        await store.UpdateAsync(BaselineKey.For(stored, "o/r", "main"), stored);

        // When a candidate measured on another CPU looks for its baseline of main
        var candidate = BaselineKey.For(SampleResults.Synthetic("c2", "main", [1e-6], cpu: "Other CPU 9000"), "o/r", "main");
        var match = await BaselineLookup.FindAsync(store, candidate);

        // Then there is no baseline, and the explanation names the CPU difference and what to do
        Assert.Null(match.Baseline);
        var difference = Assert.Single(match.Differences);
        Assert.Equal("CPU model", difference.Field);
        Assert.Contains("CPU model: baseline 'Test CPU 3000', this run 'Other CPU 9000'", match.Explanation, StringComparison.Ordinal);
        Assert.Contains("compared only within one repository, branch, backend and environment", match.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_EmptyStore_SaysToUpdateFirst()
    {
        var key = BaselineKey.For(SampleResults.Synthetic("c1", 1e-6), "o/r", "main");

        var match = BaselineLookup.Explain("dir:x", key, []);

        Assert.Contains("the store is empty", match.Explanation, StringComparison.Ordinal);
        Assert.Null(match.Nearest);
    }

    [Fact]
    public void Explain_SeveralStored_PrefersTheSameRepositoryAndBranch()
    {
        // Given keys of another repository (same machine) and of this repository (other machine)
        var wanted = BaselineKey.For(SampleResults.Synthetic("c1", 1e-6), "o/r", "main");
        var otherRepository = wanted with { Repository = "o/other" };
        var otherMachine = wanted with { Environment = wanted.Environment with { Goarch = "arm64" } };

        // When the mismatch is explained
        var match = BaselineLookup.Explain("dir:x", wanted, [otherRepository, otherMachine]);

        // Then the nearest is this repository's baseline from the other machine
        Assert.Equal(otherMachine, match.Nearest);
    }

    [Fact]
    public void Single_AmbiguousSelection_ListsTheChoices()
    {
        var a = BaselineKey.For(SampleResults.Synthetic("c1", 1e-6), "o/r", "main");
        var b = a with { Branch = "dev" };

        var error = Assert.Throws<GateException>(() => new KeySelection().Single([a, b], "dir:x"));

        Assert.Contains("2 baselines in dir:x match (no filter); choose one with --key", error.Message, StringComparison.Ordinal);
        Assert.Contains(a.Id, error.Message, StringComparison.Ordinal);
        Assert.Equal(b, new KeySelection(Branch: "dev").Single([a, b], "dir:x"));
        Assert.Equal(a, new KeySelection(Id: a.Id[..6]).Single([a, b], "dir:x"));
    }
}
