using Gate.Core.Running.Canary;
using Gate.TestUtilities;

namespace Gate.Core.Tests.Running.Canary;

public class SpeedCanaryTests
{
    [Fact]
    public void ModuleFiles_Embedded_StandardLibraryOnly()
    {
        var files = SpeedCanary.ModuleFiles().ToDictionary(f => f.Name, f => f.Text);

        Assert.Equal(["canary_test.go", "go.mod"], files.Keys.Order());
        Assert.Contains("func BenchmarkCanary(b *testing.B)", files["canary_test.go"]);
        Assert.Contains("func BenchmarkCanaryMemory(b *testing.B)", files["canary_test.go"]);
        Assert.Contains("import \"testing\"", files["canary_test.go"]);
        Assert.DoesNotContain("require", files["go.mod"]);
    }

    [Fact]
    [Trait(Traits.Category, Traits.Slow)]
    public async Task PrepareAndTime_RealGo_RecordsCalibratedTimings()
    {
        // Given the canary built with the real go
        using var work = new TempDirectory();
        var canary = new SpeedCanary(Tools.Processes);

        // When it is prepared and timed three times
        Assert.True(await canary.PrepareAsync(Tools.Go, work.Path, CancellationToken.None));
        for (var i = 0; i < 3; i++)
        {
            await canary.TimeAsync(CancellationToken.None);
        }

        // Then the record has its name, a fixed iteration count and three positive timings of plausible size
        var record = canary.Record!;
        Assert.Equal(SpeedCanary.Name, record.Name);
        Assert.True(record.Iterations > 100);
        Assert.Equal(3, record.SecondsPerOp.Count);
        Assert.All(record.SecondsPerOp, t => Assert.InRange(t, 1e-8, 1e-3));
        // And the memory phase its own name, count and three timings, each slower than the CPU loop's (64 KiB streamed per op)
        var memory = record.Memory!;
        Assert.Equal(SpeedCanary.MemoryName, memory.Name);
        Assert.True(memory.Iterations > 10);
        Assert.Equal(3, memory.SecondsPerOp.Count);
        Assert.All(memory.SecondsPerOp, t => Assert.InRange(t, 1e-7, 1e-2));
    }

    [Fact]
    public async Task PrepareAsync_GoMissing_FalseAndNoRecord()
    {
        using var work = new TempDirectory();
        var canary = new SpeedCanary(Tools.Processes);

        var prepared = await Assert.ThrowsAsync<GateException>(() => canary.PrepareAsync(Path.Combine(work.Path, "no-go"), work.Path, CancellationToken.None));

        Assert.Contains("cannot start", prepared.Message);
        Assert.Null(canary.Record);
    }
}
