using System.Globalization;
using Gate.Core.Processes;
using Gate.Core.Results;

namespace Gate.Core.Hooks;

/// <summary>
/// The quick check before a push: the simulated backend when valgrind is here (deterministic, so two samples do),
/// only the changed packages, within a time budget; the baseline narrowed to what the check set out to measure.
/// </summary>
public static class QuickCheck
{
    /// <summary>The time budget when none is given.</summary>
    public const string DefaultBudget = "60s";

    /// <summary><c>cachegrind</c> when valgrind is on <paramref name="searchPath"/> (null: this process's PATH), else <c>go</c>.</summary>
    public static string PreferredBackend(string? searchPath = null) => ExecutableLookup.Find("valgrind", searchPath) is null ? "go" : "cachegrind";

    /// <summary>
    /// What the candidate left out, one line each: benchmarks the deadline stopped (by reason), and benchmarks
    /// measured with fewer than <paramref name="samples"/> samples.
    /// </summary>
    public static IReadOnlyList<string> Shortfalls(RunResults candidate, int samples)
    {
        var lines = new List<string>();
        foreach (var group in candidate.Failures.Where(f => f.Message.StartsWith("not measured: ", StringComparison.Ordinal)).GroupBy(f => f.Message))
        {
            var names = group.Select(f => f.Name.Length == 0 ? f.Package : f.Name).ToList();
            lines.Add($"{Count(names.Count)} not checked ({group.Key}): {string.Join(", ", names)}");
        }
        var partial = candidate.Benchmarks.Where(b => b.Samples.Count < samples).ToList();
        if (partial.Count > 0)
        {
            lines.Add($"{Count(partial.Count)} measured with fewer samples than {samples.ToString(CultureInfo.InvariantCulture)}: {string.Join(", ", partial.Select(b => $"{b.Name} ({b.Samples.Count.ToString(CultureInfo.InvariantCulture)})"))}");
        }
        return lines;
    }

    private static string Count(int count) => count == 1 ? "1 benchmark" : count.ToString(CultureInfo.InvariantCulture) + " benchmarks";
}
