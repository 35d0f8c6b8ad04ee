using System.Globalization;

namespace Gate.Core.Tests.Statistics;

/// <summary>One row of benchstat's CSV output: a benchmark (or geomean) of one unit's table.</summary>
/// <param name="Unit">The unit of the table (benchstat writes MB/s as B/s).</param>
/// <param name="Name">Name as benchstat prints it: without "Benchmark", with -P.</param>
/// <param name="Old">Old median (full precision).</param>
/// <param name="New">New median (full precision).</param>
/// <param name="Delta">"~", or the change such as "+5.62%".</param>
/// <param name="P">The p-value as printed ("0.001"), or null on geomean rows.</param>
public sealed record BenchstatRow(string Unit, string Name, double Old, double New, string Delta, string? P)
{
    public bool Significant => Delta != "~";

    /// <summary>Reads the rows of benchstat -format csv output (warning lines and configuration lines are skipped).</summary>
    public static List<BenchstatRow> Read(string path)
    {
        var rows = new List<BenchstatRow>();
        var unit = "";
        foreach (var line in File.ReadLines(path))
        {
            var fields = line.Split(',');
            if (fields.Length != 7)
            {
                continue;
            }
            if (fields[0].Length == 0)
            {
                if (fields[1].Length > 0 && fields[2] == "CI")
                {
                    unit = fields[1];
                }
                continue;
            }
            if (!double.TryParse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var old) ||
                !double.TryParse(fields[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var @new))
            {
                continue;
            }
            string? p = fields[6].StartsWith("p=", StringComparison.Ordinal) ? fields[6]["p=".Length..].Split(' ')[0] : null;
            rows.Add(new BenchstatRow(unit, fields[0], old, @new, fields[5], p));
        }
        return rows;
    }
}
