
namespace Gate.Publishing.Tests.Publishing;

public class WorkflowCommandTests
{
    [Fact]
    public void Error_FileLineTitle_FormatsCommand()
    {
        // When an annotation with all properties is formatted
        var command = WorkflowCommand.Error("sec/op +12%", "codec/rle_test.go", 28, "BenchmarkEncode regressed");

        // Then it is the runner's ::error syntax
        Assert.Equal("::error file=codec/rle_test.go,line=28,title=BenchmarkEncode regressed::sec/op +12%25", command);
    }

    [Fact]
    public void Error_MessageOnly_HasNoProperties()
    {
        Assert.Equal("::error::no source line", WorkflowCommand.Error("no source line"));
    }

    [Fact]
    public void Error_SpecialCharacters_AreEscapedPerPlace()
    {
        // Given text with the characters the runner treats specially: %, CR, LF everywhere; ':' and ',' in properties
        var command = WorkflowCommand.Error("100% slower\r\nsee: a, b", "dir,x/a:b_test.go", 3, "Parse/a:b,c regressed");

        // Then the message escapes %, CR, LF (':' and ',' stay), and the properties also escape ':' and ','
        Assert.Equal(
            "::error file=dir%2Cx/a%3Ab_test.go,line=3,title=Parse/a%3Ab%2Cc regressed::100%25 slower%0D%0Asee: a, b",
            command);
    }

    [Fact]
    public void EscapeData_PercentFirst_DoesNotDoubleEscape()
    {
        // A literal "%0A" must survive as text, not become a line break
        Assert.Equal("%250A%0A", WorkflowCommand.EscapeData("%0A\n"));
    }
}
