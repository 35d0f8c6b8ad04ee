using Gate.Core.GoBench;
using Gate.Core.Results;

namespace Gate.Core.Reading;

/// <summary>
/// The readers for <c>benchgate compare</c>, throwing: the first problem (<see cref="InputProblem"/>) of a side is a
/// one-line <see cref="GateException"/>: a missing or unreadable file, a malformed line or a non-finite value (with
/// how many more bad lines the file has), a file without benchmark results, files of one side measured in different
/// environments, one metric in mixed units. Files are read in order, and reading stops at the first that fails.
/// </summary>
public static class ComparisonInput
{
    /// <summary>Reads and merges the files of one side; <paramref name="side"/> (<c>old</c> or <c>new</c>) names it in messages.</summary>
    public static RunResults Load(IReadOnlyList<string> paths, string side) => OrThrow(SideReader.Read(paths, side, stopAtFirstFailingFile: true));

    /// <summary>Reads one file: results JSON or Go benchmark text.</summary>
    public static RunResults Read(string path) => OrThrow(InputFileReader.Read(path));

    /// <summary>Go benchmark text as results: metrics of source <c>go</c>, environment from its configuration lines.</summary>
    public static RunResults FromGoBench(GoBenchFile file) => OrThrow(GoTextResults.Of(file));

    /// <summary>
    /// Throws when one benchmark reports one quantity in two units (for example <c>ns/op</c> on one side and
    /// <c>ms/op</c> on the other, or <c>MB/s</c> and <c>B/s</c>): they would be compared as different metrics.
    /// </summary>
    public static void CheckUnits(params RunResults[] sides)
    {
        if (UnitFamilies.MixedUnits(sides) is [var first, ..])
        {
            throw new GateException(first.Message);
        }
    }

    /// <summary>The results, or the first problem as an exception; a bad line says how many more the file has.</summary>
    private static RunResults OrThrow(InputReading reading)
    {
        if (reading.Results is { } results)
        {
            return results;
        }
        var first = reading.Problems[0];
        var badLines = first.Line is null ? 0 : reading.Problems.Count(p => p.Line is not null);
        throw new GateException(first.Message + (badLines > 1 ? $" (and {badLines - 1} more bad lines)" : ""));
    }
}
