using System.Globalization;
using System.Text.RegularExpressions;
using Gate.Core;

namespace Gate.Publishing;

/// <summary>
/// The one PR comment per gate: its body starts with a hidden marker, <c>&lt;!-- benchgate:NAME --&gt;</c>, by
/// which the next run finds it again and updates it instead of adding another.
/// </summary>
public static partial class StickyComment
{
    /// <summary>The hidden first line of the gate's comment.</summary>
    public static string Marker(string gateName) => $"<!-- benchgate:{gateName} -->";

    /// <summary>
    /// Checks a gate name: 1–100 characters, letters, digits, <c>.</c>, <c>_</c>, <c>-</c> and <c>/</c>, starting
    /// with a letter or digit (it goes into an HTML comment and a check run name). Call it before measuring.
    /// </summary>
    /// <exception cref="GateException">The name is not valid.</exception>
    public static void ValidateGateName(string gateName)
    {
        if (!GateNamePattern().IsMatch(gateName))
        {
            throw new GateException($"gate name '{gateName}' must be 1-100 letters, digits, '.', '_', '-' or '/', starting with a letter or digit");
        }
    }

    /// <summary>True when <paramref name="body"/> is the gate's comment: it starts with the gate's marker.</summary>
    public static bool IsFor(string? body, string gateName) =>
        body is not null && body.TrimStart().StartsWith(Marker(gateName) + "\n", StringComparison.Ordinal);

    /// <summary>
    /// The comment body: marker line, then <paramref name="markdown"/>, cut to GitHub's comment limit with a
    /// pointer to the job summary (on the run's page, <paramref name="runUrl"/>) when it is longer.
    /// </summary>
    public static string Body(string gateName, string markdown, Uri? runUrl)
    {
        var marker = Marker(gateName) + "\n";
        var note = $"**Truncated:** this comment is limited to {MarkdownTruncation.CommentLimit.ToString("N0", CultureInfo.InvariantCulture)} characters. "
            + (runUrl is null ? "The whole report is in the job summary of this workflow run." : $"The whole report is in the [job summary]({runUrl}).");
        return marker + MarkdownTruncation.Fit(markdown.Replace("\r\n", "\n", StringComparison.Ordinal), MarkdownTruncation.CommentLimit - marker.Length, note);
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$")]
    private static partial Regex GateNamePattern();
}
