using System.Globalization;
using Gate.Core.Reporting;
using Gate.Core.Results;
using Gate.Core.Statistics;
using Gate.Core.Tests.Statistics;
using Gate.TestUtilities;
using Json.Schema;
using Markdig;

namespace Gate.Core.Tests.Reporting;

public class ComparisonReportingTests
{
    private const string Hostile = "BenchmarkX/<script>alert(1)</script>|*bold*_[link](http://x)`code`&amp;";

    private static ComparisonReport Report()
    {
        var old = new Runs()
            .With("BenchmarkSlower", "sec/op", Runs.Around(1e-6))
            .With("BenchmarkFaster", "sec/op", Runs.Around(2e-6, seed: 2))
            .With("BenchmarkSame", "sec/op", Runs.Around(3e-6, seed: 3))
            .With(Hostile, "sec/op", Runs.Around(4e-6, seed: 4))
            .With("BenchmarkFew", "sec/op", [1, 2])
            .Build();
        var @new = new Runs()
            .With("BenchmarkSlower", "sec/op", Runs.Around(1.3e-6, seed: 5))
            .With("BenchmarkFaster", "sec/op", Runs.Around(1.5e-6, seed: 6))
            .With("BenchmarkSame", "sec/op", Runs.Around(3e-6, seed: 7))
            .With(Hostile, "sec/op", Runs.Around(5e-6, seed: 8))
            .With("BenchmarkFew", "sec/op", [1, 2])
            .Build();
        return ComparisonEngine.Compare(old, @new, TestOptions.Compare);
    }

    [Fact]
    public void Markdown_RegressionsFirstThenImprovementsThenTheRestFolded()
    {
        var markdown = ComparisonMarkdown.Render(Report());

        var regressions = markdown.IndexOf("#### Regressions", StringComparison.Ordinal);
        var improvements = markdown.IndexOf("#### Improvements", StringComparison.Ordinal);
        var details = markdown.IndexOf("<details><summary>", StringComparison.Ordinal);
        Assert.True(regressions >= 0 && regressions < improvements && improvements < details, markdown);
        Assert.StartsWith("### ❌ BenchGate: 2 regressions, 1 improvement, 1 unchanged, 1 insufficient data", markdown);
        var folded = markdown[details..];
        Assert.Contains("Same", folded);
        Assert.Contains("insufficient data: need at least 4 samples", folded);
        Assert.DoesNotContain("Slower", folded);
        Assert.Contains("</details>", folded);
    }

    [Fact]
    public void Markdown_HostileNames_EscapedForMarkdownAndHtml()
    {
        var markdown = ComparisonMarkdown.Render(Report());

        // When GitHub-flavoured Markdown renders it (Markdig with pipe tables), the name is text: no tag, no emphasis, no link, no code, one cell
        var html = Markdown.ToHtml(markdown, new MarkdownPipelineBuilder().UseAdvancedExtensions().Build());
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("<em>", html);
        Assert.DoesNotContain("<strong>", html);
        Assert.DoesNotContain("<a href", html);
        Assert.DoesNotContain("<code>", html);
        Assert.Contains("X/&lt;script&gt;alert(1)&lt;/script&gt;|*bold*_[link](http://x)`code`&amp;amp;", html);
        Assert.DoesNotContain("href", html);
        var row = html.Split("<tr>").Single(r => r.Contains("script", StringComparison.Ordinal));
        Assert.Equal(8, row.Split("<td").Length - 1);
    }

    [Fact]
    public void Markdown_NoRegression_CheckMarkHeadline()
    {
        var old = new Runs().With("BenchmarkA", "sec/op", Runs.Around(1e-6)).Build();
        var @new = new Runs().With("BenchmarkA", "sec/op", Runs.Around(1e-6, seed: 2)).Build();

        var markdown = ComparisonMarkdown.Render(ComparisonEngine.Compare(old, @new, TestOptions.Compare));

        Assert.StartsWith("### ✅ BenchGate: 1 unchanged", markdown);
        Assert.DoesNotContain("#### Regressions", markdown);
    }

    [Fact]
    public void Table_Aligned_ColourOnlyWhenAsked()
    {
        var report = Report();

        var plain = ComparisonTable.Render(report);
        var coloured = ComparisonTable.Render(report, colour: true);

        Assert.DoesNotContain('\u001b', plain);
        Assert.Contains("\u001b[31m", coloured, StringComparison.Ordinal);
        Assert.Contains("\u001b[32m", coloured, StringComparison.Ordinal);
        var lines = plain.Split('\n');
        var header = lines.Single(l => l.StartsWith("sec/op", StringComparison.Ordinal));
        var rows = lines.SkipWhile(l => l != header).Skip(1).TakeWhile(l => l.Length > 0).ToList();
        Assert.All(rows.Where(r => !r.StartsWith("geomean", StringComparison.Ordinal)), r => Assert.Equal(header.Length, r.Length));
        Assert.Contains(lines, l => l.StartsWith("Slower-2 ", StringComparison.Ordinal) && l.EndsWith(" regression", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Same-2 ", StringComparison.Ordinal) && l.Contains("  ~  ", StringComparison.Ordinal));
        Assert.Contains("note: need at least 4 samples per side", plain);
        Assert.EndsWith("2 regressions, 1 improvement, 1 unchanged, 1 insufficient data\n", plain);
    }

    [Fact]
    public void Json_EveryNumberAndVerdict_RoundTrips()
    {
        var report = Report();

        var json = ComparisonJson.Serialize(report);
        var document = ComparisonJson.Parse(json);

        Assert.Equal("benchgate-comparison", document.Kind);
        Assert.True(document.HasRegression);
        Assert.Equal(2, document.Counts["regression"]);
        Assert.Equal(report.Comparisons.Count, document.Comparisons.Count);
        var slower = document.Comparisons.Single(c => c.Benchmark == "BenchmarkSlower");
        var ours = report.Comparisons.Single(c => c.Benchmark == "BenchmarkSlower");
        Assert.Equal(("regression", "sec/op", "go", "lower"), (slower.Verdict, slower.Metric, slower.Source, slower.Better));
        Assert.Equal(ours.Old!.Median, slower.Old!.Median);
        Assert.Equal(ours.Change!.Change, slower.Change);
        Assert.Equal(ours.Change.Low, slower.ShiftLow);
        Assert.Equal(ours.PValue, slower.PValue);
        Assert.Equal(ours.QValue, slower.QValue);
        Assert.Equal("exact", slower.Method);
        Assert.Equal("5%", slower.Threshold);
        var few = document.Comparisons.Single(c => c.Benchmark == "BenchmarkFew");
        Assert.Null(few.Old!.Low);
        Assert.Null(few.PValue);
        Assert.Equal("insufficient data", few.Verdict);
        Assert.Equal("missing", document.Canary.State);
        Assert.Single(document.Geomeans);
        Assert.Contains("\"qValue\": " + ours.QValue!.Value.ToString("R", CultureInfo.InvariantCulture), json);
    }

    [Fact]
    public void Json_SchemaAcceptsReportsRejectsBrokenOnes()
    {
        var schema = JsonSchema.FromFile(Path.Combine(RepoPaths.Root, "schemas", "comparison.v1.schema.json"), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        var json = ComparisonJson.Serialize(Report());

        Assert.True(schema.Evaluate(System.Text.Json.JsonDocument.Parse(json).RootElement).IsValid);
        var broken = json.Replace("\"verdict\": \"regression\"", "\"verdict\": \"worse\"", StringComparison.Ordinal);
        Assert.NotEqual(json, broken);
        Assert.False(schema.Evaluate(System.Text.Json.JsonDocument.Parse(broken).RootElement).IsValid);
    }

    [Fact]
    public void Cells_MetricTitleNamesNonGoSources()
    {
        Assert.Equal("sec/op", ComparisonCells.MetricTitle(new MetricInfo("sec/op", MetricSource.Go, Better.Lower)));
        Assert.Equal("instructions/op (sim)", ComparisonCells.MetricTitle(new MetricInfo("instructions/op", MetricSource.Sim, Better.Lower)));
    }
}
