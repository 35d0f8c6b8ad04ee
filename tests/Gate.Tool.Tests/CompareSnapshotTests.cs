using System.Globalization;
using Gate.TestUtilities;

namespace Gate.Tool.Tests;

/// <summary>
/// What <c>benchgate compare</c> renders, frozen in tests/Fixtures/compare/expected (reviewed by hand): the same
/// bytes whatever the culture of the machine (decimal commas must not leak into reports).
/// </summary>
public class CompareSnapshotTests
{
    [Theory]
    [InlineData("table", "old-new.table.txt", "")]
    [InlineData("markdown", "old-new.md", "")]
    [InlineData("json", "old-new.json", "")]
    [InlineData("table", "old-new.table.txt", "ru-RU")]
    [InlineData("markdown", "old-new.md", "ru-RU")]
    [InlineData("json", "old-new.json", "ru-RU")]
    public void Compare_FixturePair_RendersTheFrozenReport(string format, string expected, string culture)
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            Assert.Equal(culture == "" ? "1.5" : "1,5", 1.5.ToString(CultureInfo.CurrentCulture));

            var result = CliRunner.Run(RepoPaths.Fixture("compare"), "compare", "old.txt", "new.txt", "--format", format);

            Assert.Equal(1, result.ExitCode);
            Assert.Equal(File.ReadAllText(RepoPaths.Fixture("compare", "expected", expected)), result.Out);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }
}
