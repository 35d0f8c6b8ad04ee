using System.Globalization;
using System.Text.RegularExpressions;
using Gate.Core.Processes;

namespace Gate.Core.Counters;

/// <summary>The <c>perf</c> executable: where it is, its version, and how to ask it for machine-readable counts.</summary>
/// <param name="Path">Full path of perf.</param>
/// <param name="Version">Its version as it prints it, for example <c>6.1.187</c>.</param>
public sealed partial record PerfTool(string Path, string Version)
{
    /// <summary>The first perf version whose <c>-j</c> output BenchGate reads by default (older ones get <c>-x,</c>).</summary>
    public static readonly Version FirstJsonVersion = new(6, 1);

    /// <summary>The numeric part of <see cref="Version"/> (major.minor[.patch]), when it has one.</summary>
    public Version? VersionNumber => ParseVersion(Version);

    /// <summary>JSON (<c>-j</c>) for perf 6.1 and later, whose JSON output is stable; CSV (<c>-x,</c>) before.</summary>
    public PerfOutputFormat PreferredFormat => VersionNumber is { } number && number >= FirstJsonVersion ? PerfOutputFormat.Json : PerfOutputFormat.Csv;

    /// <summary>
    /// Finds perf on <paramref name="searchPath"/> (default: PATH) and reads its version. A missing perf, or one
    /// that does not answer <c>perf --version</c>, is a <see cref="GateException"/> saying what to do.
    /// </summary>
    public static async Task<PerfTool> LocateAsync(IProcessRunner runner, string? searchPath, CancellationToken cancellationToken)
    {
        var path = ExecutableLookup.Find("perf", searchPath) ?? throw new GateException(GateErrorKind.Environment, PerfDiagnosis.Missing);
        var outcome = await runner.RunAsync(new ProcessSpec(path, ["--version"], Timeout: TimeSpan.FromSeconds(30)), cancellationToken).ConfigureAwait(false);
        var match = VersionPattern().Match(outcome.Stdout);
        if (!outcome.Succeeded || !match.Success)
        {
            throw new GateException($"perf: '{path} --version' did not print a version ({outcome.FirstLines(1)}); is this the Linux perf tool? It may be a wrapper for a kernel whose perf package is not installed");
        }
        return new PerfTool(path, match.Groups[1].Value);
    }

    /// <summary>
    /// The arguments of <c>perf stat</c> that count <paramref name="events"/> for <paramref name="command"/> and
    /// write the counts, in <paramref name="format"/>, to <paramref name="outputFile"/> (so that the command's own
    /// stdout and stderr stay as they are). Each event is its own <c>-e</c>, so commas inside one never split it.
    /// </summary>
    public static IReadOnlyList<string> StatArguments(PerfOutputFormat format, string outputFile, IReadOnlyList<PerfEvent> events, string command, IReadOnlyList<string> arguments)
    {
        var list = new List<string> { "stat", format == PerfOutputFormat.Json ? "-j" : "-x,", "-o", outputFile };
        foreach (var perfEvent in events)
        {
            list.Add("-e");
            list.Add(perfEvent.Spec);
        }
        list.Add("--");
        list.Add(command);
        list.AddRange(arguments);
        return list;
    }

    /// <summary>The numeric version in perf's version text, for example 6.1.187 in <c>6.1.187</c> or <c>5.15.0-91-generic</c>.</summary>
    public static Version? ParseVersion(string text)
    {
        var match = NumberPattern().Match(text);
        if (!match.Success)
        {
            return null;
        }
        var parts = match.Value.Split('.').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        return parts.Length switch
        {
            2 => new Version(parts[0], parts[1]),
            _ => new Version(parts[0], parts[1], parts[2]),
        };
    }

    [GeneratedRegex(@"^perf version (\S+)", RegexOptions.Multiline)]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"^\d{1,4}\.\d{1,4}(\.\d{1,6})?")]
    private static partial Regex NumberPattern();
}
