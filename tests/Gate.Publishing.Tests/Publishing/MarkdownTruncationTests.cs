using System.Text;

namespace Gate.Publishing.Tests.Publishing;

public class MarkdownTruncationTests
{
    private static string Table(int rows)
    {
        var text = new StringBuilder("| benchmark | change |\n|---|---|\n");
        for (var i = 0; i < rows; i++)
        {
            text.Append("| BenchmarkNumber").Append(i).Append(" | +1.0% |\n");
        }
        return text.ToString();
    }

    [Fact]
    public void Fit_ShortText_IsUnchanged()
    {
        var markdown = Table(3);
        Assert.Same(markdown, MarkdownTruncation.Fit(markdown, 1000, "note"));
    }

    [Fact]
    public void Fit_LongTable_CutsAtLineBreakAndEndsWithNote()
    {
        // Given a table far over the limit
        var markdown = Table(5000);

        // When it is fitted
        var fitted = MarkdownTruncation.Fit(markdown, 2000, "see the job summary");

        // Then it fits, keeps whole rows, and ends with the note
        Assert.True(fitted.Length <= 2000, fitted.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.EndsWith("\n\nsee the job summary\n", fitted);
        var rows = fitted[..fitted.IndexOf("\n\nsee the", StringComparison.Ordinal)].Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(rows, row => Assert.Matches(@"^\|.*\|$", row));
        Assert.True(rows.Length > 20);
    }

    [Fact]
    public void Fit_CutInsideFenceAndDetails_ClosesThem()
    {
        // Given a report whose cut falls inside a <details> block and a code fence
        var markdown = "# report\n<details><summary>rest</summary>\n\n```text\n" + string.Concat(Enumerable.Repeat("line of output\n", 500)) + "```\n</details>\n";

        // When it is fitted
        var fitted = MarkdownTruncation.Fit(markdown, 1000, "note");

        // Then the fence and the block are closed before the note
        Assert.EndsWith("line of output\n```\n</details>\n\n\nnote\n", fitted);
        Assert.True(fitted.Length <= 1000);
    }

    [Fact]
    public void FitBytes_MultiByteText_FitsInBytes()
    {
        // Given text of 3-byte characters, longer in bytes than the limit although shorter in characters
        var markdown = string.Concat(Enumerable.Repeat("µs→ns ±1%\n", 2000));
        Assert.True(markdown.Length < 30_000 && Encoding.UTF8.GetByteCount(markdown) > 20_000);

        // When it is fitted to 20,000 bytes
        var fitted = MarkdownTruncation.FitBytes(markdown, 20_000, "note");

        // Then its UTF-8 form fits
        Assert.InRange(Encoding.UTF8.GetByteCount(fitted), 10_000, 20_000);
        Assert.EndsWith("note\n", fitted);
    }
}
