using System.Xml.Linq;
using Gate.Core.Reporting;
using Markdig;

namespace Gate.Publishing.Tests.Reporting;

/// <summary>
/// A screenshot-free check of the Markdown BenchGate posts: rendered to HTML by Markdig (pipe tables, and the
/// extensions GitHub has: strike-through, math, autolinks…), then read as XML to check structure and text.
/// </summary>
public class MarkdownTextTests
{
    private const string Evil = "BenchmarkParse/a|b<script>alert(1)</script>`code`/**x**_y_[l](u)~~s~~$m$&amp;\\|";

    private static readonly MarkdownPipeline GitHubLike = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    private static XElement Render(string markdown) =>
        XElement.Parse("<root>" + Markdown.ToHtml(markdown, GitHubLike) + "</root>");

    // The XML reader decodes the entities Markdig writes (&lt; &amp; &quot; &#39;): this is the text a browser shows.
    private static string Text(XElement element) => string.Concat(element.DescendantNodes().OfType<XText>().Select(t => t.Value));

    [Fact]
    public void Escape_EvilNameInTableCell_RendersAsOneCellOfLiteralText()
    {
        // Given a comment with a table whose benchmark name has a pipe, an HTML script, backticks and other Markdown
        var comment = StickyComment.Body("bench",
            "**1 regression**, worst " + MarkdownText.Escape(Evil) + "\n\n"
            + "| benchmark | metric | old → new | change |\n"
            + "|---|---|--:|--:|\n"
            + $"| {MarkdownText.Escape(Evil)} | sec/op | 1.00µs → 1.20µs | +20.0% |\n"
            + $"| {MarkdownText.Escape("BenchmarkPlain-8")} | B/op | 0 → 0 | ~ |\n",
            null);

        // When it is rendered to HTML
        var html = Render(comment);

        // Then there is one table: a header row and two body rows of four cells each
        var table = Assert.Single(html.Descendants("table"));
        Assert.Equal(["benchmark", "metric", "old → new", "change"], table.Element("thead")!.Descendants("th").Select(Text));
        var rows = table.Element("tbody")!.Elements("tr").ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, row => Assert.Equal(4, row.Elements("td").Count()));

        // And the evil name is exactly its own text, in its cell and in the headline: no element made of it
        Assert.Equal(Evil, Text(rows[0].Elements("td").First()));
        Assert.Equal("BenchmarkPlain-8", Text(rows[1].Elements("td").First()));
        Assert.Equal("1 regression, worst " + Evil, Text(html.Elements("p").First()));
        Assert.Empty(html.Descendants("script"));
        Assert.Empty(html.Descendants("code"));
        Assert.Empty(html.Descendants("a"));
        Assert.Empty(html.Descendants("del"));
        Assert.Empty(html.Descendants("td").Elements());

        // And the marker is an HTML comment, invisible on the page
        Assert.Equal(" benchgate:bench ", Assert.Single(html.Nodes().OfType<XComment>()).Value);
    }

    [Theory]
    [InlineData("line one\nline two", "line one line two")]
    [InlineData("a\\b", "a\\b")]
    [InlineData("#1 !x", "#1 !x")]
    [InlineData("\"quoted\" & 'single'", "\"quoted\" & 'single'")]
    public void Escape_Text_RendersLiterally(string text, string rendered)
    {
        var html = Render("x " + MarkdownText.Escape(text));
        Assert.Equal("x " + rendered, Text(html.Element("p")!));
    }

    [Fact]
    public void EscapeHtml_InsideSummaryElement_StaysText()
    {
        // Given a <details> block whose summary names the evil benchmark
        var markdown = $"<details><summary>{MarkdownText.EscapeHtml(Evil)}</summary>\n\nbody\n\n</details>\n";

        // When rendered, Then the summary's text is the name and holds no element
        var summary = Assert.Single(Render(markdown).Descendants("summary"));
        Assert.Equal(Evil, Text(summary));
        Assert.Empty(summary.Elements());
    }
}
