using Gate.Core.Counters;
using Gate.Core.Measurement;
using Gate.Core.Results;
using Gate.TestUtilities;

namespace Gate.Core.Tests.Counters;

public class CachegrindProbeTests
{
    [Fact]
    public async Task Create_ValgrindNotOnPath_IsAClearGateException()
    {
        // Given a PATH without valgrind
        using var empty = new TempDirectory();

        // When the cachegrind backend is asked for
        var error = await Assert.ThrowsAsync<GateException>(() => BackendFactory.CreateAsync(BackendKind.Cachegrind, new BackendOptions { SearchPath = empty.Path, SampleTime = TimeSpan.FromMilliseconds(100) }, Tools.Processes, CancellationToken.None));

        // Then the message names what is missing and how to get it
        Assert.Equal(CachegrindProbe.NotFoundMessage, error.Message);
        Assert.Contains("valgrind", error.Message, StringComparison.Ordinal);
        Assert.Contains("install", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_ValgrindNotOnPath_NotReadyWithTheSameMessage()
    {
        using var empty = new TempDirectory();

        var readiness = await CachegrindProbe.CheckAsync(Tools.Processes, searchPath: empty.Path);

        Assert.False(readiness.Ready);
        Assert.Null(readiness.ValgrindPath);
        Assert.Equal(CachegrindProbe.NotFoundMessage, readiness.Summary);
        Assert.Equal(CacheModel.Default.ToString(), readiness.CacheModel);
    }

    [Fact]
    [Trait(Traits.Category, Traits.Slow)]
    public async Task CheckAsync_RealValgrind_ReadyWithVersionAndModel()
    {
        var readiness = await CachegrindProbe.CheckAsync(Tools.Processes);

        Assert.True(readiness.Ready, readiness.Summary);
        Assert.Matches(@"^\d+\.\d+(\.\d+)?", readiness.Version);
        Assert.Equal("I1=32768,8,64 D1=32768,8,64 LL=33554432,16,64", readiness.CacheModel);
        Assert.Contains($"valgrind {readiness.Version} at {readiness.ValgrindPath}; cache model I1=32768,8,64", readiness.Summary, StringComparison.Ordinal);
    }

    [Fact]
    [Trait(Traits.Category, Traits.Slow)]
    public async Task CheckAsync_ModelValgrindRefuses_NotReadyWithValgrindsReason()
    {
        // Given a model built without CacheModel.Parse's checks: 3 000 000 bytes do not make a power-of-two set count
        var model = CacheModel.Default with { LL = new CacheLevel(3_000_000, 16, 64) };

        var readiness = await CachegrindProbe.CheckAsync(Tools.Processes, model);

        Assert.False(readiness.Ready);
        Assert.Contains("Cache set count is not a power of two", readiness.Summary, StringComparison.Ordinal);
    }

    [Fact]
    [Trait(Traits.Category, Traits.Slow)]
    public async Task DescribeAsync_Environment_GetsValgrindVersionAndCacheModel()
    {
        var backend = await BackendFactory.CreateAsync(BackendKind.Cachegrind, new BackendOptions { CacheModel = CacheModel.Parse("LL=8388608,16,64"), SampleTime = TimeSpan.FromMilliseconds(100) }, Tools.Processes, CancellationToken.None);
        var environment = new RunEnvironment("linux", "amd64", "cachegrind", []);

        var described = await backend.DescribeAsync(environment, CancellationToken.None);

        Assert.Equal("I1=32768,8,64 D1=32768,8,64 LL=8388608,16,64", described.CacheModel);
        Assert.Equal((await CachegrindProbe.CheckAsync(Tools.Processes)).Version, described.ValgrindVersion);
    }
}
