using System.Globalization;
using Gate.Core.Reading;
using Gate.Core.Statistics;
using Gate.TestUtilities;
using Xunit.Abstractions;

namespace Gate.Core.Tests.Statistics;

/// <summary>
/// BenchGate against benchstat on the corpus (tests/Fixtures/corpus: real Go standard-library benchmark output
/// with benchstat's own verdicts beside each pair). For every row benchstat prints, BenchGate's medians, p-value
/// and change agree with benchstat's to the precision benchstat prints.
/// </summary>
public class BenchstatCorpusTests(ITestOutputHelper output)
{
    public static TheoryData<string> Pairs => new() { "aa-strings", "aa-crc32", "aa-utf8", "shift-strings" };

    private static ComparisonReport Compare(string pair) =>
        ComparisonEngine.Compare(
            ComparisonInput.Load([RepoPaths.Fixture("corpus", pair + "-old.txt")], "old"),
            ComparisonInput.Load([RepoPaths.Fixture("corpus", pair + "-new.txt")], "new"), TestOptions.Compare);

    private static string OurUnit(string benchstatUnit) => benchstatUnit == "B/s" ? "MB/s" : benchstatUnit;

    private static MetricComparison Row(ComparisonReport report, BenchstatRow row) =>
        report.Comparisons.Single(c => c.DisplayName == row.Name && c.Metric.Name == OurUnit(row.Unit));

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Compare_Corpus_PValuesAndChangesAgreeWithBenchstat(string pair)
    {
        // Given benchstat's verdicts on a real pair
        var expected = BenchstatRow.Read(RepoPaths.Fixture("corpus", pair + ".benchstat.csv")).Where(r => r.P is not null).ToList();
        Assert.NotEmpty(expected);

        // When BenchGate compares the same files
        var report = Compare(pair);

        // Then every p-value agrees to three decimals, and every change benchstat prints agrees to two
        output.WriteLine($"{pair}: {expected.Count} rows, {expected.Count(r => r.Significant)} significant, {expected.Count(r => r.P != "1.000")} with p < 1");
        foreach (var row in expected)
        {
            var ours = Row(report, row);
            var scale = row.Unit == "B/s" ? 1e6 : 1;
            Assert.Equal(row.Old, ours.Old!.Median * scale, row.Old * 1e-12);
            Assert.Equal(row.New, ours.New!.Median * scale, row.New * 1e-12);
            var p = ours.PValue ?? 1;
            Assert.True(row.P == p.ToString("0.000", CultureInfo.InvariantCulture), $"{pair} {row.Unit} {row.Name}: benchstat p={row.P}, BenchGate p={p:0.0000} ({ours.Method})");
            if (row.Significant && row.Old != row.New)
            {
                var change = ours.Change!.Change!.Value * 100;
                Assert.Equal(row.Delta, (change >= 0 ? "+" : "") + change.ToString("0.00", CultureInfo.InvariantCulture) + "%");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Compare_Corpus_GeomeanAgreesWithBenchstat(string pair)
    {
        var expected = BenchstatRow.Read(RepoPaths.Fixture("corpus", pair + ".benchstat.csv")).Where(r => r.Name == "geomean" && r.Unit == "sec/op").ToList();

        var report = Compare(pair);

        var geomean = Assert.Single(report.Geomeans, g => g.Metric.Name == "sec/op");
        var row = Assert.Single(expected);
        Assert.Equal(row.Old, geomean.Old!.Value, row.Old * 1e-9);
        Assert.Equal(row.New, geomean.New!.Value, row.New * 1e-9);
    }
}
