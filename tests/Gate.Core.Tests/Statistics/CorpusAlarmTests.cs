using Gate.Core.Statistics;
using Gate.TestUtilities;
using Xunit.Abstractions;

namespace Gate.Core.Tests.Statistics;

/// <summary>
/// The A/A pairs of the corpus (same code on both sides, measured one after the other on a noisy machine):
/// how many alarms benchstat raises, and how many BenchGate raises with false-discovery control and practical thresholds.
/// </summary>
public class CorpusAlarmTests(ITestOutputHelper output)
{
    private static readonly string[] AaPairs = ["aa-strings", "aa-crc32", "aa-utf8"];

    private static ComparisonReport Compare(string pair) =>
        ComparisonEngine.Compare(
            ComparisonInput.Load([RepoPaths.Fixture("corpus", pair + "-old.txt")], "old"),
            ComparisonInput.Load([RepoPaths.Fixture("corpus", pair + "-new.txt")], "new"));

    [Fact]
    public void Compare_AaPairs_FarFewerAlarmsThanBenchstat()
    {
        var benchstatRows = 0;
        var benchstatAlarms = 0;
        var regressions = 0;
        var flagged = 0;
        foreach (var pair in AaPairs)
        {
            var rows = BenchstatRow.Read(RepoPaths.Fixture("corpus", pair + ".benchstat.csv")).Where(r => r.Unit == "sec/op" && r.P is not null).ToList();
            benchstatRows += rows.Count;
            benchstatAlarms += rows.Count(r => r.Significant);
            var report = Compare(pair);
            var time = report.Comparisons.Where(c => c.Metric.Name == "sec/op").ToList();
            regressions += time.Count(c => c.Verdict == Verdict.Regression);
            flagged += time.Count(c => c.Verdict is Verdict.Regression or Verdict.Improvement);
            output.WriteLine($"{pair}: {report.Tally()}");
            foreach (var c in report.Comparisons.Where(c => c.Verdict is Verdict.Regression or Verdict.Improvement))
            {
                output.WriteLine($"  {c.Metric.Name} {c.DisplayName} {c.Verdict} {c.Change?.Change:P2} p={c.PValue:0.0000} q={c.QValue:0.0000} {c.Reason}");
            }
        }
        output.WriteLine($"sec/op: benchstat {benchstatAlarms} of {benchstatRows} significant; BenchGate {regressions} regressions, {flagged} regressions or improvements");

        Assert.Equal(54, benchstatRows);
        Assert.Equal(23, benchstatAlarms);
        Assert.True(flagged < benchstatAlarms);
    }
}
