namespace Gate.Core.Reading;

/// <summary>
/// Something that keeps one side of a comparison from being read: a missing or unreadable file, a bad line, a file
/// without results, files that do not belong together, one quantity in two units. A record, not an exception (as
/// benchfmt's syntax errors): the readers go on and list every problem they meet.
/// </summary>
/// <param name="File">The file it is in; null for a problem of a side or a benchmark as a whole.</param>
/// <param name="Line">The 1-based line of a bad line; null for any other problem.</param>
/// <param name="Message">The problem in one line, naming the file and line (or the side, or the benchmark).</param>
public sealed record InputProblem(string? File, int? Line, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Message;
}
