using System.Globalization;
using System.Text;
using Gate.Core.Results;

namespace Gate.Core.Reporting;

/// <summary>
/// The console table of one run: per package, one row per benchmark and one column per metric, each cell the
/// median of the samples and <c>± x%</c>, half the samples' range relative to the median.
/// </summary>
public static class ResultsTable
{
    /// <summary>Renders the table, then the failures.</summary>
    public static string Render(RunResults results)
    {
        var text = new StringBuilder();
        var environment = results.Environment;
        text.Append(CultureInfo.InvariantCulture, $"goos: {environment.Goos}  goarch: {environment.Goarch}  cpu: {environment.Cpu ?? "unknown"}  go: {environment.GoVersion}  backend: {environment.Backend}\n");
        foreach (var package in results.Benchmarks.GroupBy(b => b.Package))
        {
            var metrics = package.SelectMany(b => b.Metrics).Select(m => m.Name).Distinct().ToList();
            var table = new TextTable(["pkg: " + package.Key, "samples", .. metrics]);
            foreach (var benchmark in package)
            {
                var row = new List<string> { DisplayName(benchmark), benchmark.Samples.Count.ToString(CultureInfo.InvariantCulture) };
                row.AddRange(metrics.Select(metric => Cell(benchmark.ValuesOf(metric), metric)));
                table.Add(row);
            }
            text.Append('\n').Append(table.Render());
        }
        if (results.Failures.Count > 0)
        {
            text.Append('\n');
            foreach (var failure in results.Failures)
            {
                var name = failure.Name.Length == 0 ? failure.Package : failure.Name;
                text.Append(CultureInfo.InvariantCulture, $"FAILED {name}: {failure.Message.Split('\n')[0]}\n");
            }
        }
        return text.ToString();
    }

    /// <summary>The name as benchstat shows it: without the Benchmark prefix, with -P when P is not 1.</summary>
    public static string DisplayName(BenchmarkResult benchmark)
    {
        var name = benchmark.Name.StartsWith("Benchmark", StringComparison.Ordinal) ? benchmark.Name["Benchmark".Length..] : benchmark.Name;
        if (name.Length == 0)
        {
            name = benchmark.Name;
        }
        return benchmark.Procs == 1 ? name : name + "-" + benchmark.Procs.ToString(CultureInfo.InvariantCulture);
    }

    private static string Cell(double[] values, string metric)
    {
        if (values.Length == 0)
        {
            return "-";
        }
        Array.Sort(values);
        var median = values.Length % 2 == 1 ? values[values.Length / 2] : (values[values.Length / 2 - 1] + values[values.Length / 2]) / 2;
        var cell = MetricFormat.Format(median, metric);
        if (values.Length > 1 && median != 0)
        {
            var spread = (values[^1] - values[0]) / 2 / Math.Abs(median);
            cell += " ± " + (spread * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
        }
        return cell;
    }
}
