using Gate.Core.Config;
using Gate.TestUtilities;

namespace Gate.Tasks.Tests.Hosts;

/// <summary>The README's settings table says what the one settings table (<see cref="Settings.All"/>) says: each setting's spelling in every host.</summary>
public class SettingsDocumentationTests
{
    private const string Section = "## Settings: flags, benchgate.json, MSBuild properties, action inputs";

    /// <summary>The table's rows, cells without backticks.</summary>
    private static List<string[]> Rows()
    {
        var lines = File.ReadAllLines(ReadmeSnippets.ReadmePath);
        var start = Array.FindIndex(lines, l => l == Section);
        var header = Array.FindIndex(lines, start, l => l.StartsWith("| setting |", StringComparison.Ordinal));
        return [.. lines.Skip(header + 2).TakeWhile(l => l.StartsWith('|')).Select(l => l.Split('|')[1..^1].Select(c => c.Trim().Replace("`", "", StringComparison.Ordinal)).ToArray())];
    }

    [Fact]
    public void Readme_SettingsTable_EverySettingWithItsSpellingInEachHost()
    {
        var rows = Rows();

        Assert.Equal(Settings.All.Count, rows.Count);
        foreach (var (setting, row) in Settings.All.Zip(rows))
        {
            Assert.Equal(setting.ConfigKey ?? "(the file itself)", row[0]);
            Assert.StartsWith(setting.Flag, row[1], StringComparison.Ordinal);
            Assert.Equal(setting.MsBuildProperty ?? "", row[2]);
            if (setting.ActionInput is { } input)
            {
                Assert.Equal(input, row[3]);
            }
            else
            {
                Assert.DoesNotMatch("^[a-z-]+$", row[3]);
            }
        }
    }

    [Fact]
    public void ActionYml_EverySettingsInputIsDeclaredWithAnEmptyDefault()
    {
        var action = File.ReadAllText(Path.Combine(RepoPaths.Root, "action.yml"));

        foreach (var input in Settings.All.Select(s => s.ActionInput).OfType<string>())
        {
            Assert.Matches($"\\n  {input}:\\n    description: [^\\n]+\\n    required: false\\n    default: \"\"\\n", action);
            Assert.Contains($"INPUT_{input.Replace('-', '_').ToUpperInvariant()}: ${{{{ inputs.{input} }}}}", action, StringComparison.Ordinal);
        }
    }
}
