using Gate.Core;

namespace Gate.Publishing.Tests.Publishing;

public class StickyCommentTests
{
    [Fact]
    public void Body_ShortReport_StartsWithMarker()
    {
        var body = StickyComment.Body("bench", "## BenchGate\r\nno regression\r\n", null);
        Assert.Equal("<!-- benchgate:bench -->\n## BenchGate\nno regression\n", body);
        Assert.True(StickyComment.IsFor(body, "bench"));
    }

    [Fact]
    public void IsFor_OtherGateOrQuotedMarker_IsFalse()
    {
        // Given the gate "bench": another gate's marker, a longer name, and a quote of the marker in a reply
        Assert.False(StickyComment.IsFor("<!-- benchgate:bench-arm -->\nx", "bench"));
        Assert.False(StickyComment.IsFor("<!-- benchgate:benchx -->\nx", "bench"));
        Assert.False(StickyComment.IsFor("> <!-- benchgate:bench -->\n> x\nI disagree", "bench"));
        Assert.False(StickyComment.IsFor(null, "bench"));
    }

    [Fact]
    public void Body_ReportOverLimit_IsCutWithPointerToRun()
    {
        // Given a report of 100,000 characters
        var markdown = string.Concat(Enumerable.Repeat("| BenchmarkSomething/size=4096 | +1.0% |\n", 2500));
        var run = new Uri("https://github.com/benchgate/demo/actions/runs/123");

        // When the comment body is made
        var body = StickyComment.Body("bench", markdown, run);

        // Then it fits GitHub's limit, keeps the marker and points at the job summary of the run
        Assert.True(body.Length <= MarkdownTruncation.CommentLimit);
        Assert.True(body.Length > MarkdownTruncation.CommentLimit - 200);
        Assert.StartsWith("<!-- benchgate:bench -->\n", body);
        Assert.Contains("limited to 65,536 characters", body);
        Assert.Contains("[job summary](https://github.com/benchgate/demo/actions/runs/123)", body);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-leading-dash")]
    [InlineData("has space")]
    [InlineData("closes --> comment")]
    public void ValidateGateName_Invalid_ThrowsOneLine(string name)
    {
        var error = Assert.Throws<GateException>(() => StickyComment.ValidateGateName(name));
        Assert.StartsWith($"gate name '{name}' must be", error.Message);
    }

    [Theory]
    [InlineData("benchgate")]
    [InlineData("linux/amd64-cachegrind_v2.1")]
    public void ValidateGateName_Valid_Passes(string name)
    {
        StickyComment.ValidateGateName(name);
    }
}
