using System.Globalization;
using Gate.Core.Results;

namespace Gate.Core.Reporting;

/// <summary>Counts the samples of a run that carry each flag (for example <c>multiplexed</c>), for the run's report.</summary>
public static class FlagSummary
{
    /// <summary>One line per flag, in flag order: "3 of 40 samples flagged 'multiplexed'"; none when no sample has a flag.</summary>
    public static IReadOnlyList<string> Lines(RunResults results)
    {
        var samples = results.Benchmarks.Sum(b => b.Samples.Count);
        return
        [
            .. results.Benchmarks
                .SelectMany(b => b.Samples)
                .SelectMany(s => s.Flags ?? [])
                .GroupBy(flag => flag, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} of {samples} samples flagged '{g.Key}'")),
        ];
    }
}
