using System.Reflection;
using System.Xml.Linq;
using Gate.TestUtilities;

namespace Gate.Tasks.Tests;

/// <summary>The props, the targets, the task's codes and the README's tables say the same thing.</summary>
public class PackageDocumentationTests
{
    private const string Section = "## Use it from MSBuild (BenchGate.Tasks)";
    private static readonly string Build = Path.Combine(RepoPaths.Root, "src", "Gate.Tasks", "build");

    private static IReadOnlyList<XElement> PropsProperties() =>
        [.. XDocument.Load(Path.Combine(Build, "BenchGate.Tasks.props"), LoadOptions.None).Descendants("PropertyGroup").Elements()];

    [Fact]
    public void Props_EveryUserPropertyHasACommentAndARowInTheReadme()
    {
        var properties = PropsProperties();
        var documented = ReadmeSnippets.TableKeys(Section, "property");

        Assert.Equal(properties.Select(p => p.Name.LocalName), documented);
        Assert.All(properties, p => Assert.IsType<XComment>(p.PreviousNode));
    }

    [Fact]
    public void Targets_EveryPropertyReachesTheTask()
    {
        var targets = File.ReadAllText(Path.Combine(Build, "BenchGate.Tasks.targets"));

        foreach (var property in PropsProperties().Select(p => p.Name.LocalName).Where(n => n is not ("BenchGateEnabled" or "BenchGateRunAfterTest" or "BenchGateReportPath")))
        {
            Assert.Contains($"=\"$({property})\"", targets, StringComparison.Ordinal);
        }
        Assert.Contains("$(BenchGateReportPath)", targets, StringComparison.Ordinal);
        Assert.Contains("'$(BenchGateEnabled)' == 'true'", targets, StringComparison.Ordinal);
        Assert.Contains("'$(BenchGateRunAfterTest)' == 'true'", targets, StringComparison.Ordinal);
    }

    [Fact]
    public void DiagnosticCodes_EachInTheReadmesTableInOrder()
    {
        var codes = typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).ToList();

        Assert.Equal(codes.Order(StringComparer.Ordinal), ReadmeSnippets.TableKeys(Section, "code"));
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }
}
