using System.Text;
using System.Text.RegularExpressions;

namespace Gate.Publishing;

/// <summary>
/// Fits a Markdown report into GitHub's size limits: cut at a line break, close what the cut left open (a code
/// fence, <c>&lt;details&gt;</c> blocks), and end with a note that says where the whole report is.
/// </summary>
public static partial class MarkdownTruncation
{
    /// <summary>GitHub's limit for an issue or PR comment body, in characters.</summary>
    public const int CommentLimit = 65_536;

    /// <summary>GitHub's limit for a check run's output summary, in characters.</summary>
    public const int CheckRunSummaryLimit = 65_535;

    /// <summary>GitHub's limit for one step's job summary, in bytes (UTF-8).</summary>
    public const int StepSummaryLimitBytes = 1024 * 1024;

    // Room for the closers appended after the cut ("\n```\n" and "</details>\n" per open block, bounded below).
    private const int CloserReserve = 64;

    /// <summary>
    /// <paramref name="markdown"/> when it has at most <paramref name="limit"/> characters; else its longest head
    /// that ends at a line break and, with the closers and <paramref name="note"/>, fits.
    /// </summary>
    public static string Fit(string markdown, int limit, string note)
    {
        if (markdown.Length <= limit)
        {
            return markdown;
        }
        var tail = "\n\n" + note + "\n";
        var budget = limit - tail.Length - CloserReserve;
        if (budget <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "too small for the truncation note");
        }
        var cut = markdown.LastIndexOf('\n', budget - 1);
        if (cut <= 0)
        {
            cut = char.IsLowSurrogate(markdown[budget]) ? budget - 1 : budget;
        }
        var head = markdown[..cut];
        return head + "\n" + Closers(head) + tail;
    }

    /// <summary>As <see cref="Fit"/>, for a limit in UTF-8 bytes (the job summary's).</summary>
    public static string FitBytes(string markdown, int limitBytes, string note)
    {
        var limit = Math.Min(markdown.Length, limitBytes);
        var fitted = Fit(markdown, limit, note);
        while (Encoding.UTF8.GetByteCount(fitted) > limitBytes)
        {
            limit = limit * 9 / 10;
            fitted = Fit(markdown, limit, note);
        }
        return fitted;
    }

    private static string Closers(string head)
    {
        var closers = new StringBuilder();
        if (CodeFence().Count(head) % 2 == 1)
        {
            closers.Append("```\n");
        }
        var open = OpenDetails().Count(head) - CloseDetails().Count(head);
        for (var i = 0; i < Math.Min(open, 4); i++)
        {
            closers.Append("</details>\n");
        }
        return closers.ToString();
    }

    [GeneratedRegex(@"^[ ]{0,3}```", RegexOptions.Multiline)]
    private static partial Regex CodeFence();

    [GeneratedRegex(@"<details[\s>]", RegexOptions.IgnoreCase)]
    private static partial Regex OpenDetails();

    [GeneratedRegex(@"</details\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex CloseDetails();
}
