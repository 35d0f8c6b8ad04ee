using Gate.Core.Hooks;

namespace Gate.Core.Tests.Hooks;

public class PushUpdateTests
{
    private const string Local = "1111111111111111111111111111111111111111";
    private const string Remote = "2222222222222222222222222222222222222222";
    private const string Zero = "0000000000000000000000000000000000000000";

    [Fact]
    public void Parse_GitsLines_OneUpdatePerLine()
    {
        var updates = PushUpdate.Parse($"refs/heads/main {Local} refs/heads/main {Remote}\nrefs/tags/v1 {Local} refs/tags/v1 {Zero}\n");

        Assert.Equal(2, updates.Count);
        Assert.Equal(new PushUpdate("refs/heads/main", Local, "refs/heads/main", Remote), updates[0]);
        Assert.True(updates[0].IsBranch);
        Assert.False(updates[0].CreatesRemoteRef);
        Assert.False(updates[1].IsBranch);
        Assert.True(updates[1].CreatesRemoteRef);
    }

    [Fact]
    public void Parse_Deletion_IsDeletion()
    {
        var update = Assert.Single(PushUpdate.Parse($"(delete) {Zero} refs/heads/old {Remote}"));

        Assert.True(update.IsDeletion);
    }

    [Fact]
    public void Parse_EmptyInput_NoUpdates()
    {
        Assert.Empty(PushUpdate.Parse(""));
        Assert.Empty(PushUpdate.Parse("\n\n"));
    }

    [Theory]
    [InlineData("refs/heads/main 1111 refs/heads/main 2222")]
    [InlineData("refs/heads/main")]
    [InlineData("refs/heads/main 111111111111111111111111111111111111111x refs/heads/main 2222222222222222222222222222222222222222")]
    public void Parse_MalformedLine_GateExceptionWithTheLine(string line)
    {
        var error = Assert.Throws<GateException>(() => PushUpdate.Parse("\n" + line));

        Assert.Contains("pre-push input line 2", error.Message);
        Assert.Contains(line, error.Message);
    }
}
