using Gate.Core.Reporting;
using Gate.Core.Results;
using Gate.TestUtilities;
using Xunit.Abstractions;

namespace Gate.Tool.Tests;

/// <summary>
/// A/A for real: the same build of examples/ measured twice, one run after the other, on this (noisy, shared)
/// machine, then compared. No comparison may be a regression (nor an improvement): wall times are either unchanged
/// or, when the speed canary moved, "environment changed". Repeated three times so that passing is not luck.
/// </summary>
[Collection(TimingCollection.Name)]
public class CompareAaTests(ITestOutputHelper output)
{
    [Fact]
    [Trait(Traits.Category, Traits.Slow)]
    public void Compare_TwoRunsOfTheSameBuild_NeverARegression()
    {
        using var temp = new TempDirectory();
        for (var pair = 0; pair < 3; pair++)
        {
            // Given two runs of the same code, 6 samples each, go backend, one after the other
            var a = temp.Combine($"a{pair}.json");
            var b = temp.Combine($"b{pair}.json");
            foreach (var file in new[] { a, b })
            {
                var run = CliRunner.Run(RepoPaths.Examples, "run", "./...", "--samples", "6", "--sample-time", "50ms", "--out", file);
                Assert.True(run.ExitCode == 0, run.ToString());
                Assert.NotNull(ResultsJson.ReadFile(file).Canary);
            }

            // When they are compared
            var compare = CliRunner.Run(temp.Path, "compare", a, b, "--format", "json");

            // Then nothing is a regression or an improvement
            var document = ComparisonJson.Parse(compare.Out);
            output.WriteLine($"pair {pair}: {document.Canary.Summary}; " + string.Join(", ", document.Counts.Where(c => c.Value > 0).Select(c => $"{c.Value} {c.Key}")));
            Assert.Equal(0, compare.ExitCode);
            Assert.All(document.Comparisons, c => Assert.Contains(c.Verdict, new[] { "unchanged", "environment changed" }));
            Assert.All(document.Comparisons.Where(c => c.Verdict == "environment changed"), c => Assert.True(c.Metric is "sec/op" or "MB/s", c.Metric));
            Assert.Equal(document.Canary.State is "moved" or "unstable", document.Comparisons.Any(c => c.Verdict == "environment changed"));
        }
    }
}
