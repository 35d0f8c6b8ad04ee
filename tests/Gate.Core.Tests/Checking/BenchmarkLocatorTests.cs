using Gate.Core.Checking;
using Gate.TestUtilities;

namespace Gate.Core.Tests.Checking;

public class BenchmarkLocatorTests
{
    private static readonly string Shapes = RepoPaths.Fixture("github", "locator");

    [Theory]
    [InlineData("BenchmarkEncode/size=64", "BenchmarkEncode")]
    [InlineData("BenchmarkEncode/size=64-2", "BenchmarkEncode")]
    [InlineData("BenchmarkWordFreq-8", "BenchmarkWordFreq")]
    [InlineData("BenchmarkWordFreq", "BenchmarkWordFreq")]
    [InlineData("Encode/a-b/c", "Encode")]
    [InlineData("Benchmark_Snake", "Benchmark_Snake")]
    public void TopLevelFunction_Name_StripsSubBenchmarkAndProcs(string name, string expected)
    {
        Assert.Equal(expected, BenchmarkLocator.TopLevelFunction(name));
    }

    [Theory]
    [InlineData("BenchmarkSum/n=1024", "shapes_test.go", "func BenchmarkSum(b *testing.B) {")]
    [InlineData("BenchmarkUnnamed", "shapes_test.go", "func BenchmarkUnnamed(*testing.B) {}")]
    [InlineData("BenchmarkBlank-2", "shapes_test.go", "func BenchmarkBlank(_ *testing.B) {}")]
    [InlineData("BenchmarkSpread", "shapes_test.go", "func BenchmarkSpread(")]
    [InlineData("Benchmark_Snake", "shapes_test.go", "func Benchmark_Snake(b *testing.B) { benchmarkSizes(b, 1) }")]
    [InlineData("BenchmarkDotImport", "dot_test.go", "func BenchmarkDotImport(b *B) {")]
    [InlineData("DotImport", "dot_test.go", "func BenchmarkDotImport(b *B) {")]
    public void Find_EveryDeclarationForm_FindsTheFuncLine(string name, string file, string lineText)
    {
        // Given the fixture package with benchmarks in every form gofmt keeps
        var locator = new BenchmarkLocator();

        // When a benchmark is looked up
        var location = locator.Find(Shapes, name);

        // Then the location is the line that declares its function
        Assert.NotNull(location);
        Assert.Equal(Path.Combine(Shapes, file), location.File);
        Assert.Equal(lineText, File.ReadAllLines(location.File)[location.Line - 1]);
    }

    [Theory]
    [InlineData("BenchmarkMethod")]
    [InlineData("BenchmarkInComment")]
    [InlineData("BenchmarkMissing")]
    public void Find_NotABenchmarkFunction_ReturnsNull(string name)
    {
        // Given names of a method, a comment and nothing at all
        // Then none is found
        Assert.Null(new BenchmarkLocator().Find(Shapes, name));
    }

    [Fact]
    public void Find_DirectoryMissing_ReturnsNull()
    {
        Assert.Null(new BenchmarkLocator().Find(Path.Combine(Shapes, "no-such-dir"), "BenchmarkSum"));
    }

    [Fact]
    [Trait(Traits.Category, Traits.Slow)]
    public void Find_EveryBenchmarkGoLists_IsFoundOnItsFuncLine()
    {
        // Given the packages of examples/ and the fixture, and the benchmarks the real go tool lists in each
        var locator = new BenchmarkLocator();
        var packages = Directory.GetDirectories(RepoPaths.Examples).Where(d => Directory.EnumerateFiles(d, "*.go").Any()).Append(Shapes).ToList();
        var checkedCount = 0;
        foreach (var package in packages)
        {
            var listed = Tools.Run(Tools.Go, package, "test", "-list", "^Benchmark", ".").Stdout
                .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(l => l.StartsWith("Benchmark", StringComparison.Ordinal));

            // When each is located, Then its line declares that function
            foreach (var name in listed)
            {
                var location = locator.Find(package, name);
                Assert.True(location is not null, $"{name} not found in {package}");
                Assert.StartsWith($"func {name}(", File.ReadAllLines(location.File)[location.Line - 1]);
                checkedCount++;
            }
        }
        Assert.True(checkedCount >= 11, $"only {checkedCount} benchmarks listed");
    }
}
