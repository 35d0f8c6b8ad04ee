using Gate.Core.Counters;
using Gate.TestUtilities;

namespace Gate.Core.Tests.Counters;

public class CachegrindOutputReaderTests
{
    private static CachegrindReadResult Fixture(string name) => CachegrindOutputReader.ReadFile(RepoPaths.Fixture("cachegrind", name));

    [Fact]
    public void ReadFile_RealOutput_ReadsTheSummaryModelAndCommand()
    {
        // Given a real valgrind 3.19 output of /bin/true under the default model
        // When it is read
        var read = Fixture("true-default-model.out");

        // Then every total of its summary line is in the counts, in event order
        Assert.Null(read.Problem);
        var output = read.Output!;
        Assert.Equal(new CachegrindCounts(132832, 1091, 1072, 30341, 1226, 1022, 10265, 343, 311, 26807, 3276, 279, 150), output.Counts);
        Assert.Equal(CacheModel.Default, output.Model);
        Assert.Equal("/bin/true", output.Command);
        Assert.Equal(1226 + 343, output.Counts.L1dMisses);
        Assert.Equal(1072 + 1022 + 311, output.Counts.LLMisses);
        Assert.Equal(3276 + 150, output.Counts.Mispredicts);
    }

    [Fact]
    public void ReadFile_HostDetectedModel_ReadsADirectMappedLastLevel()
    {
        var read = Fixture("true-host-model.out");

        Assert.Null(read.Problem);
        Assert.Equal(new CacheLevel(268435456, 1, 64), read.Output!.Model!.LL);
        Assert.NotEqual(CacheModel.Default, read.Output.Model);
    }

    [Theory]
    [InlineData("truncated.out", "no 'summary:' line")]
    [InlineData("no-branch-sim.out", "events Bc, Bcm, Bi, Bim missing")]
    [InlineData("summary-mismatch.out", "11 totals for 13 events")]
    [InlineData("summary-not-a-count.out", "'-1' of Bcm is not a count")]
    [InlineData("README.md", "no 'events:' line")]
    public void ReadFile_BrokenOutput_IsAProblemNotAnException(string name, string expected)
    {
        var read = Fixture(name);

        Assert.Null(read.Output);
        Assert.StartsWith("cachegrind output: ", read.Problem, StringComparison.Ordinal);
        Assert.Contains(expected, read.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_MissingFile_IsAProblem()
    {
        using var temp = new TempDirectory();

        var read = CachegrindOutputReader.ReadFile(temp.Combine("absent.out"));

        Assert.Null(read.Output);
        Assert.Contains("cannot read", read.Problem, StringComparison.Ordinal);
    }
}
