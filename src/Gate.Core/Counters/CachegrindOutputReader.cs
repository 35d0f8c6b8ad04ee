using System.Globalization;
using System.Text.RegularExpressions;

namespace Gate.Core.Counters;

/// <summary>What a cachegrind output file says about the whole run.</summary>
/// <param name="Counts">The <c>summary:</c> line: whole-run totals of every event.</param>
/// <param name="Model">The cache geometry cachegrind simulated (its <c>desc:</c> lines), or null when it did not say.</param>
/// <param name="Command">The profiled command (<c>cmd:</c> line), or null.</param>
public sealed record CachegrindOutput(CachegrindCounts Counts, CacheModel? Model, string? Command);

/// <summary>A read cachegrind output file: the output, or the problem that made it unreadable.</summary>
public sealed record CachegrindReadResult(CachegrindOutput? Output, string? Problem);

/// <summary>
/// Reads the header and the <c>summary:</c> line of cachegrind's output file (<c>--cachegrind-out-file</c>,
/// format of valgrind 3.x: <c>desc:</c>, <c>cmd:</c> and <c>events:</c> lines, per-line cost lines after
/// <c>fl=</c>/<c>fn=</c>, then <c>summary:</c> with one total per event). Per-line costs are not needed: BenchGate
/// measures whole runs and subtracts.
/// </summary>
public static partial class CachegrindOutputReader
{
    /// <summary>Reads a cachegrind output file's text. Problems are returned, not thrown.</summary>
    public static CachegrindReadResult Read(string text)
    {
        string[]? events = null;
        string? summary = null;
        string? command = null;
        var levels = new Dictionary<string, CacheLevel>(StringComparer.Ordinal);
        using var reader = new StringReader(text);
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith("events:", StringComparison.Ordinal))
            {
                events = line["events:".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            }
            else if (line.StartsWith("summary:", StringComparison.Ordinal))
            {
                summary = line["summary:".Length..];
            }
            else if (line.StartsWith("cmd:", StringComparison.Ordinal))
            {
                command = line["cmd:".Length..].Trim();
            }
            else if (DescLine().Match(line) is { Success: true } desc)
            {
                levels[desc.Groups["name"].Value] = Level(desc);
            }
        }
        if (events is null)
        {
            return Fail("no 'events:' line: not a cachegrind output file");
        }
        if (summary is null)
        {
            return Fail("no 'summary:' line: the file is incomplete (valgrind killed before it finished writing?)");
        }
        var missing = CachegrindCounts.EventNames.Where(name => !events.Contains(name)).ToList();
        if (missing.Count > 0)
        {
            return Fail($"events {string.Join(", ", missing)} missing (valgrind must run with --cache-sim=yes --branch-sim=yes)");
        }
        var totals = summary.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (totals.Length != events.Length)
        {
            return Fail($"'summary:' has {totals.Length} totals for {events.Length} events");
        }
        var values = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < events.Length; i++)
        {
            if (!long.TryParse(totals[i], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return Fail($"'summary:' total '{totals[i]}' of {events[i]} is not a count");
            }
            values[events[i]] = value;
        }
        var model = levels.TryGetValue("I1", out var i1) && levels.TryGetValue("D1", out var d1) && levels.TryGetValue("LL", out var ll)
            ? new CacheModel(i1, d1, ll)
            : null;
        return new CachegrindReadResult(new CachegrindOutput(CachegrindCounts.FromEvents(values), model, command), null);
    }

    /// <summary>Reads a cachegrind output file; an unreadable file is a problem, not an exception.</summary>
    public static CachegrindReadResult ReadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail($"cannot read {path}: {e.Message}");
        }
        return Read(text);
    }

    private static CachegrindReadResult Fail(string problem) => new(null, "cachegrind output: " + problem);

    private static CacheLevel Level(Match desc)
    {
        var size = long.Parse(desc.Groups["size"].Value, CultureInfo.InvariantCulture);
        var line = int.Parse(desc.Groups["line"].Value, CultureInfo.InvariantCulture);
        var ways = desc.Groups["ways"].Success ? int.Parse(desc.Groups["ways"].Value, CultureInfo.InvariantCulture)
            : desc.Groups["kind"].Value == "direct-mapped" ? 1
            : (int)(size / line);
        return new CacheLevel(size, ways, line);
    }

    // desc: D1 cache:         32768 B, 64 B, 8-way associative   (or "direct-mapped", "fully associative")
    [GeneratedRegex(@"^desc:\s+(?<name>I1|D1|LL) cache:\s+(?<size>\d+) B, (?<line>\d+) B, (?:(?<ways>\d+)-way associative|(?<kind>direct-mapped|fully associative))\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex DescLine();
}
