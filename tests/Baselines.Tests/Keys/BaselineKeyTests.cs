using Gate.Baselines.Keys;
using Gate.Baselines.Tests.Support;
using Gate.Core;

namespace Gate.Baselines.Tests.Keys;

public class BaselineKeyTests
{
    [Fact]
    public void For_ResultsFile_TakesBackendAndEnvironmentFromIt()
    {
        // Given the captured results of the examples module
        var results = SampleResults.Fixture("examples-go1.23.results.json");

        // When its key is made
        var key = BaselineKey.For(results, "owner/repo", "main");

        // Then backend, GOOS/GOARCH, CPU and the Go release (not the patch) come from the results
        Assert.Equal(new BaselineKey("owner/repo", "main", "go", new EnvironmentFingerprint("linux", "amd64", "AMD EPYC", null, "1.23")), key);
        Assert.Matches("^[0-9a-f]{12}$", key.Id);
        Assert.Equal("owner/repo main (go; linux/amd64, AMD EPYC, go1.23)", key.ToString());
    }

    [Theory]
    [InlineData("go1.23.5", "1.23")]
    [InlineData("go1.23.0", "1.23")]
    [InlineData("go1.24rc1", "1.24")]
    [InlineData("devel go1.25-abcdef Tue Jan 1", "1.25")]
    [InlineData("gccgo", "gccgo")]
    [InlineData(null, null)]
    public void GoReleaseOf_Version_IsMajorMinor(string? version, string? release) =>
        Assert.Equal(release, EnvironmentFingerprint.GoReleaseOf(version));

    [Fact]
    public void Id_DiffersForEveryField_AndIsStable()
    {
        // Given a key and the same key with each field changed in turn
        var key = new BaselineKey("o/r", "main", "go", new EnvironmentFingerprint("linux", "amd64", "CPU", null, "1.23"));
        BaselineKey[] variants =
        [
            key with { Repository = "o/s" }, key with { Branch = "dev" }, key with { Backend = "perf" },
            key with { Environment = key.Environment with { Goos = "darwin" } }, key with { Environment = key.Environment with { Goarch = "arm64" } },
            key with { Environment = key.Environment with { Cpu = null } }, key with { Environment = key.Environment with { CacheModel = "I1=32768,8,64" } },
            key with { Environment = key.Environment with { GoRelease = "1.24" } },
        ];

        // Then every variant has its own id, and the same key always has the same id
        Assert.Equal(variants.Length + 1, variants.Select(v => v.Id).Append(key.Id).Distinct().Count());
        Assert.Equal(key.Id, (key with { }).Id);
        // Pinned (computed independently): ids name files and packages, so a change would orphan every stored baseline.
        Assert.Equal("deece9359250", new BaselineKey("owner/repo", "main", "go", new EnvironmentFingerprint("linux", "amd64", "AMD EPYC", null, "1.23")).Id);
    }

    [Fact]
    public void DifferencesFrom_OtherMachine_NamesEachDifferingField()
    {
        // Given a baseline from one machine and a candidate from another
        var baseline = new BaselineKey("o/r", "main", "go", new EnvironmentFingerprint("linux", "amd64", "AMD EPYC 7B13", null, "1.22"));
        var candidate = baseline with { Environment = baseline.Environment with { Cpu = "Intel Xeon", GoRelease = "1.23" } };

        // When they are compared
        var differences = baseline.DifferencesFrom(candidate);

        // Then the CPU and the Go release are named, with both values
        Assert.Equal(["CPU model: baseline 'AMD EPYC 7B13', this run 'Intel Xeon'", "Go release: baseline '1.22', this run '1.23'"], differences.Select(d => d.ToString()));
        Assert.Empty(baseline.DifferencesFrom(baseline with { }));
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("x/../../y")]
    [InlineData("..")]
    [InlineData("/etc")]
    [InlineData("a//b")]
    [InlineData("-rf")]
    [InlineData(".hidden")]
    [InlineData("a/.b")]
    [InlineData("x.lock")]
    [InlineData("a b")]
    [InlineData("a\\b")]
    [InlineData("a\nb")]
    [InlineData("a:b")]
    [InlineData("")]
    public void Validated_BadBranch_IsAClearError(string branch)
    {
        var key = new BaselineKey("o/r", branch, "go", new EnvironmentFingerprint("linux", "amd64", null, null, null));

        var error = Assert.Throws<GateException>(() => key.Validated());

        Assert.StartsWith("branch '", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("main")]
    [InlineData("feature/x-1.2")]
    [InlineData("release/2026.01")]
    [InlineData("user@host/fix_it")]
    [InlineData("deps/bump+1")]
    public void Validated_GitBranchNames_AreAccepted(string branch) =>
        new BaselineKey("o/r", branch, "go", new EnvironmentFingerprint("linux", "amd64", null, null, null)).Validated();

    [Theory]
    [InlineData("")]
    [InlineData("../r")]
    [InlineData("o/..")]
    [InlineData("o//r")]
    [InlineData("o/r name")]
    public void Validated_BadRepository_IsAClearError(string repository)
    {
        var key = new BaselineKey(repository, "main", "go", new EnvironmentFingerprint("linux", "amd64", null, null, null));

        Assert.StartsWith("repository '", Assert.Throws<GateException>(() => key.Validated()).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("main", "main")]
    [InlineData("feature/x", "feature%2Fx")]
    [InlineData("owner/.github", "owner%2F.github")]
    [InlineData(".github", "%2Egithub")]
    [InlineData("a%2Fb", "a%252Fb")]
    [InlineData("ünï", "%C3%BCn%C3%AF")]
    public void Segment_Name_IsOneSafeReversibleSegment(string name, string segment)
    {
        Assert.Equal(segment, KeyNames.Segment(name));
        Assert.Equal(name, Uri.UnescapeDataString(segment));
    }
}
