using System.Text;

namespace Gate.Core.Reporting;

/// <summary>
/// Escapes arbitrary text (benchmark names, messages) for GitHub-flavoured Markdown, so that it renders as the
/// same literal text: inside a table cell or a paragraph, and inside raw HTML such as <c>&lt;summary&gt;</c>.
/// </summary>
public static class MarkdownText
{
    /// <summary>
    /// <paramref name="text"/> as literal inline Markdown, safe in a table cell: HTML-significant characters become
    /// entities (so <c>&lt;script&gt;</c> stays text), Markdown punctuation is backslash-escaped (emphasis, code
    /// spans, links and images, the cell separator <c>|</c>, strike-through, math <c>$</c>), and line breaks become
    /// spaces (a cell is one line). Meant for inline positions: a cell, or after other text on a line.
    /// </summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (AppendEntity(escaped, c))
            {
                continue;
            }
            switch (c)
            {
                case '\r' or '\n' or '\t':
                    escaped.Append(' ');
                    break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '~' or '$' or '#' or '!':
                    escaped.Append('\\').Append(c);
                    break;
                default:
                    escaped.Append(c);
                    break;
            }
        }
        return escaped.ToString();
    }

    /// <summary>
    /// <paramref name="text"/> escaped for HTML only, for text inside raw HTML blocks (<c>&lt;summary&gt;</c>,
    /// <c>&lt;details&gt;</c>), where Markdown is not parsed.
    /// </summary>
    public static string EscapeHtml(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (!AppendEntity(escaped, c))
            {
                escaped.Append(c);
            }
        }
        return escaped.ToString();
    }

    private static bool AppendEntity(StringBuilder escaped, char c)
    {
        var entity = c switch
        {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&quot;",
            '\'' => "&#39;",
            _ => null,
        };
        if (entity is null)
        {
            return false;
        }
        escaped.Append(entity);
        return true;
    }
}
