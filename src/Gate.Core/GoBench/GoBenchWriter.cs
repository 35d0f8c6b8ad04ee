using System.Globalization;

namespace Gate.Core.GoBench;

/// <summary>
/// Writes the Go benchmark format back, so that <c>benchstat</c> (and <see cref="GoBenchReader"/>) read it:
/// configuration lines whenever the configuration changes, then one result line per result.
/// <c>sec/op</c> is written as <c>ns/op</c>; numbers are written in their shortest round-trip form.
/// </summary>
public static class GoBenchWriter
{
    /// <summary>Writes the results, in order.</summary>
    public static void Write(TextWriter writer, IEnumerable<GoBenchResult> results)
    {
        var written = GoBenchConfig.Empty;
        foreach (var result in results)
        {
            WriteConfigChanges(writer, written, result.Config);
            written = result.Config;
            writer.Write(ResultLine(result));
            writer.Write('\n');
        }
    }

    /// <summary>One result line, without the line break.</summary>
    public static string ResultLine(GoBenchResult result)
    {
        var line = new System.Text.StringBuilder(64 + result.Values.Count * 24);
        line.Append(NameWithProcs(result.Name, result.Procs)).Append('\t');
        line.Append(result.Iterations.ToString(CultureInfo.InvariantCulture));
        foreach (var value in result.Values)
        {
            var (number, unit) = value.Unit == "sec/op" ? (value.Value * 1e9, "ns/op") : (value.Value, value.Unit);
            line.Append('\t').Append(number.ToString("R", CultureInfo.InvariantCulture)).Append(' ').Append(unit);
        }
        return line.ToString();
    }

    /// <summary>
    /// The name as <c>go test</c> prints it: with <c>-P</c> when P is not 1. Where the name itself ends in
    /// <c>-digits</c>, <c>-1</c> is written too, so that reading it back cannot take the digits for GOMAXPROCS.
    /// </summary>
    public static string NameWithProcs(string name, int procs)
    {
        if (procs != 1 || GoBenchReader.SplitProcs(name).Name != name)
        {
            return name + "-" + procs.ToString(CultureInfo.InvariantCulture);
        }
        return name;
    }

    private static void WriteConfigChanges(TextWriter writer, GoBenchConfig from, GoBenchConfig to)
    {
        if (ReferenceEquals(from, to))
        {
            return;
        }
        foreach (var pair in from.Pairs)
        {
            if (to.Get(pair.Key) is null)
            {
                writer.Write($"{pair.Key}:\n");
            }
        }
        foreach (var pair in to.Pairs)
        {
            if (from.Get(pair.Key) != pair.Value)
            {
                writer.Write($"{pair.Key}: {pair.Value}\n");
            }
        }
    }
}
