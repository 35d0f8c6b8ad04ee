using System.Diagnostics;
using Gate.Baselines.Keys;
using Gate.Baselines.Storage;
using Gate.Baselines.Tests.Support;
using Gate.Core.Results;
using Gate.TestUtilities;
using Xunit.Abstractions;

namespace Gate.Baselines.Tests.Storage;

/// <summary>Real <c>benchgate baseline update</c> processes on a real directory: killed mid-write, and racing.</summary>
public sealed class ProcessCrashTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _temp = new();

    private string Store => _temp.Combine("store");

    public void Dispose() => _temp.Dispose();

    [Fact]
    [Trait(Traits.Category, Traits.Slow)]
    public async Task Update_KilledWhileWritingTheBaseline_LeavesThePreviousBaselineIntactAndReadable()
    {
        // Given a stored baseline, and a results file large enough that writing its baseline takes a while
        var previous = SampleResults.Synthetic("c1", 1.5e-6, 1.6e-6);
        var key = BaselineKey.For(previous, "owner/repo", "main");
        await new DirectoryStore(Store, TimeProvider.System).UpdateAsync(key, previous);
        var baselinePath = new DirectoryStore(Store, TimeProvider.System).BaselinePathOf(key);
        var before = File.ReadAllBytes(baselinePath);
        var large = _temp.Combine("large.json");
        ResultsJson.WriteFile(large, SampleResults.Large("c2", 60));

        // When a real update starts and is killed (SIGKILL) the moment its temporary baseline file has content
        using var process = Benchgate.Start(_temp.Path, "baseline", "update", "--from", large, "--store", "dir:" + Store, "--repository", "owner/repo", "--branch", "main");
        var seen = WaitForTemporaryFile(Path.GetDirectoryName(baselinePath)!, process, TimeSpan.FromMinutes(2));
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        if (seen is not null && File.Exists(seen))
        {
            output.WriteLine($"killed with {new FileInfo(seen).Length:N0} bytes of the temporary baseline written; the results file has {new FileInfo(large).Length:N0}");
        }

        // Then it was caught mid-write, and the previous baseline and history are as they were and readable
        Assert.True(seen is not null, "the update finished before its temporary file was seen: " + await process.StandardError.ReadToEndAsync());
        Assert.NotEqual(0, process.ExitCode);
        Assert.Equal(before, File.ReadAllBytes(baselinePath));
        var store = new DirectoryStore(Store, TimeProvider.System);
        var read = await store.ReadAsync(key);
        Assert.Equal(SampleResults.NumberBits(previous), SampleResults.NumberBits(read!.Results));
        Assert.Equal(["c1"], (await store.ReadHistoryAsync(key)).Select(e => e.Commit));

        // And the next update works and clears what the killed one left
        await store.UpdateAsync(key, SampleResults.Synthetic("c3", 1.7e-6));
        Assert.Empty(Directory.EnumerateFiles(Path.GetDirectoryName(baselinePath)!, ".*.tmp"));
        Assert.Equal(["c1", "c3"], (await store.ReadHistoryAsync(key)).Select(e => e.Commit));
    }

    [Fact]
    [Trait(Traits.Category, Traits.Slow)]
    public async Task Update_TwoProcessesAtOnce_BothHistoryEntriesAreKept()
    {
        // Given two results files of the same key, each large enough that the updates overlap
        var a = _temp.Combine("a.json");
        var b = _temp.Combine("b.json");
        ResultsJson.WriteFile(a, SampleResults.Large("commit-a", 8));
        ResultsJson.WriteFile(b, SampleResults.Large("commit-b", 8));

        // When two real benchgate processes update the same store at the same time
        using var first = Benchgate.Start(_temp.Path, "baseline", "update", "--from", a, "--store", "dir:" + Store, "--repository", "owner/repo", "--branch", "main");
        using var second = Benchgate.Start(_temp.Path, "baseline", "update", "--from", b, "--store", "dir:" + Store, "--repository", "owner/repo", "--branch", "main");
        var errors = await Task.WhenAll(first.StandardError.ReadToEndAsync(), second.StandardError.ReadToEndAsync());
        await Task.WhenAll(first.WaitForExitAsync(), second.WaitForExitAsync());

        // Then both succeeded and the history has both entries
        Assert.True(first.ExitCode == 0 && second.ExitCode == 0, string.Join("\n", errors));
        var store = new DirectoryStore(Store, TimeProvider.System);
        var key = Assert.Single(await store.ListAsync());
        Assert.Equal(["commit-a", "commit-b"], (await store.ReadHistoryAsync(key)).Select(e => e.Commit!).Order());
    }

    /// <summary>Polls for a non-empty temporary file of an atomic write; returns its path, or null when the process ended first.</summary>
    private static string? WaitForTemporaryFile(string directory, Process process, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout && !process.HasExited)
        {
            if (Directory.Exists(directory))
            {
                foreach (var file in Directory.EnumerateFiles(directory, ".*.baseline.json.*.tmp"))
                {
                    if (new FileInfo(file).Length > 0)
                    {
                        return file;
                    }
                }
            }
            Thread.Sleep(1);
        }
        return null;
    }
}
