using Gate.Core.Running;
using Gate.Core.Statistics;

namespace Gate.Core.Checking;

/// <summary>
/// Where the benchmarks a check's outcome names are defined: every benchmark with a verdict other than unchanged, and
/// every failed one — package directories from one <c>go list</c>, then each benchmark's <c>func Benchmark…</c> line
/// (<see cref="BenchmarkLocator"/>). Nothing to locate costs nothing; a package go cannot list leaves its benchmarks
/// without a location (said once through the observer).
/// </summary>
public static class BenchmarkSources
{
    /// <summary>The sources of <paramref name="outcome"/>'s benchmarks, measured in <paramref name="directory"/>.</summary>
    public static async Task<IReadOnlyList<BenchmarkSource>> LocateAsync(CheckOutcome outcome, string directory, CheckServices services, CancellationToken cancellationToken)
    {
        var named = outcome.Report.Comparisons
            .Where(c => c.Verdict != Verdict.Unchanged)
            .Select(c => (c.Package, c.Benchmark))
            .Concat(outcome.Sides.New.Failures.Where(f => f.Name.Length > 0).Select(f => (f.Package, Benchmark: f.Name)))
            .Distinct()
            .ToList();
        if (named.Count == 0)
        {
            return [];
        }
        IReadOnlyDictionary<string, string> directories;
        try
        {
            var go = GoToolchain.Locate(services.Processes);
            directories = await go.PackageDirectoriesAsync(directory, [.. named.Select(n => n.Package).Distinct(StringComparer.Ordinal)], cancellationToken).ConfigureAwait(false);
        }
        catch (GateException e)
        {
            services.Observer.Warn("benchmark locations unknown: " + e.Message);
            directories = new Dictionary<string, string>();
        }
        var locator = new BenchmarkLocator();
        return
        [
            .. named.Select(n => directories.TryGetValue(n.Package, out var packageDirectory)
                ? new BenchmarkSource(n.Package, n.Benchmark, packageDirectory, locator.Find(packageDirectory, n.Benchmark))
                : new BenchmarkSource(n.Package, n.Benchmark, null, null)),
        ];
    }

    /// <summary>The source of one benchmark among <paramref name="sources"/>; unknown when it is not among them.</summary>
    public static BenchmarkSource Of(IReadOnlyList<BenchmarkSource> sources, string package, string benchmark) =>
        sources.FirstOrDefault(s => s.Package == package && s.Benchmark == benchmark) ?? new BenchmarkSource(package, benchmark, null, null);
}
