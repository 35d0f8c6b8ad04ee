using Gate.Core.Results;

namespace Gate.Core.Reading;

/// <summary>
/// Units of one quantity in the Go benchmark format (time per op, bytes per op, throughput): a benchmark that
/// reports one quantity in two of them (<c>ns/op</c> on one side, <c>ms/op</c> on the other) would have them compared
/// as different metrics.
/// </summary>
public static class UnitFamilies
{
    private static readonly string[][] Families =
    [
        ["ns/op", "us/op", "µs/op", "ms/op", "s/op", "sec/op"],
        ["B/op", "KB/op", "kB/op", "KiB/op", "MB/op", "MiB/op", "GB/op"],
        ["B/s", "KB/s", "kB/s", "MB/s", "MiB/s", "GB/s", "GiB/s"],
    ];

    /// <summary>One problem per benchmark (package, name, GOMAXPROCS) and quantity that the sides report in more than one unit.</summary>
    public static IReadOnlyList<InputProblem> MixedUnits(params RunResults[] sides)
    {
        var problems = new List<InputProblem>();
        var units = new Dictionary<(string, string, int), HashSet<string>>();
        var reported = new HashSet<((string, string, int), int)>();
        foreach (var benchmark in sides.SelectMany(s => s.Benchmarks))
        {
            var key = (benchmark.Package, benchmark.Name, benchmark.Procs);
            if (!units.TryGetValue(key, out var names))
            {
                units[key] = names = new HashSet<string>(StringComparer.Ordinal);
            }
            names.UnionWith(benchmark.Metrics.Select(m => m.Name));
            for (var family = 0; family < Families.Length; family++)
            {
                var used = Families[family].Where(names.Contains).ToList();
                if (used.Count > 1 && reported.Add((key, family)))
                {
                    problems.Add(new InputProblem(null, null, $"{benchmark.Name}: one metric in mixed units ({string.Join(" and ", used)}); write it in one unit on both sides"));
                }
            }
        }
        return problems;
    }
}
