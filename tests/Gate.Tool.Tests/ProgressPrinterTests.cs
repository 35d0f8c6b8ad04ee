using Gate.Core.Running;

namespace Gate.Tool.Tests;

public class ProgressPrinterTests
{
    [Fact]
    public void Report_NotATerminal_StageStartAndEveryTenthWithEta()
    {
        using var err = new StringWriter();
        var printer = new ProgressPrinter(err, isTerminal: false);

        printer.Report(new RunProgress("build", 0, 2, "a", null));
        printer.Report(new RunProgress("build", 1, 2, "b", null));
        for (var done = 0; done <= 20; done++)
        {
            printer.Report(new RunProgress("measure", done, 20, $"X ({done})", done == 0 ? null : TimeSpan.FromSeconds(20 - done)));
        }

        var lines = err.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("benchgate: build [0/2] a", lines[0]);
        Assert.Equal("benchgate: build [1/2] b", lines[1]);
        Assert.Equal("benchgate: measure [0/20] X (0)", lines[2]);
        Assert.Equal("benchgate: measure [2/20] X (2), ETA 18s", lines[3]);
        Assert.Equal(2 + 10, lines.Length);
        Assert.Equal("benchgate: measure [18/20] X (18), ETA 2s", lines[^1]);
    }

    [Fact]
    public void Report_Terminal_UpdatesOneLineInPlace()
    {
        using var err = new StringWriter();
        var printer = new ProgressPrinter(err, isTerminal: true);

        printer.Report(new RunProgress("measure", 1, 4, "X", TimeSpan.FromSeconds(3)));
        printer.Finish();

        Assert.Equal("\r\u001b[Kbenchgate: measure [1/4] X, ETA 3s\r\u001b[K", err.ToString());
    }
}
