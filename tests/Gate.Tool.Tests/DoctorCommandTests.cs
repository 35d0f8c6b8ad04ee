using System.Text.Json;
using Gate.TestUtilities;

namespace Gate.Tool.Tests;

[Trait(Traits.Category, Traits.Slow)]
public class DoctorCommandTests
{
    [Fact]
    public void Doctor_Table_OneRowPerFindingWithGoAndPerf()
    {
        var result = CliRunner.Run(RepoPaths.Root, "doctor");

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Out.TrimEnd('\n').Split('\n');
        Assert.Matches(@"^check\s+item\s+status\s+value\s+detail$", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("go ", StringComparison.Ordinal) && l.Contains(" ok ", StringComparison.Ordinal) && l.Contains("go1.", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("perf events ", StringComparison.Ordinal) && l.Contains("task-clock", StringComparison.Ordinal) && l.Contains("supported", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("valgrind ", StringComparison.Ordinal));
        Assert.Empty(result.Err);
    }

    [Fact]
    public void Doctor_Json_SameFindingsAsTheTable()
    {
        var table = CliRunner.Run(RepoPaths.Root, "doctor");

        var result = CliRunner.Run(RepoPaths.Root, "doctor", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(table.Out.TrimEnd('\n').Split('\n').Length - 1, findings.Count);
        Assert.All(findings, f => Assert.Contains(f.GetProperty("status").GetString(), new[] { "ok", "warn", "fail" }));
        Assert.Contains(findings, f => f.GetProperty("check").GetString() == "perf events" && f.GetProperty("item").GetString() == "cycles");
    }
}
