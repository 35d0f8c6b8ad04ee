using System.Text;

namespace Gate.Publishing;

/// <summary>
/// GitHub Actions workflow commands (<c>::error file=F,line=N,title=T::message</c>), escaped as the runner
/// expects: in the message <c>%</c>, CR and LF are percent-encoded; in property values also <c>:</c> and <c>,</c>.
/// </summary>
public static class WorkflowCommand
{
    /// <summary>An <c>::error</c> annotation; <paramref name="file"/>, <paramref name="line"/> and <paramref name="title"/> are optional.</summary>
    public static string Error(string message, string? file = null, int? line = null, string? title = null)
    {
        var properties = new List<string>(3);
        if (file is not null)
        {
            properties.Add("file=" + EscapeProperty(file));
            if (line is > 0)
            {
                properties.Add("line=" + line.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        if (title is not null)
        {
            properties.Add("title=" + EscapeProperty(title));
        }
        var command = new StringBuilder("::error");
        if (properties.Count > 0)
        {
            command.Append(' ').AppendJoin(',', properties);
        }
        return command.Append("::").Append(EscapeData(message)).ToString();
    }

    /// <summary>A command's message: <c>%</c> → <c>%25</c>, CR → <c>%0D</c>, LF → <c>%0A</c>.</summary>
    public static string EscapeData(string value) => value
        .Replace("%", "%25", StringComparison.Ordinal)
        .Replace("\r", "%0D", StringComparison.Ordinal)
        .Replace("\n", "%0A", StringComparison.Ordinal);

    /// <summary>A property value: as <see cref="EscapeData"/>, and <c>:</c> → <c>%3A</c>, <c>,</c> → <c>%2C</c>.</summary>
    public static string EscapeProperty(string value) => EscapeData(value)
        .Replace(":", "%3A", StringComparison.Ordinal)
        .Replace(",", "%2C", StringComparison.Ordinal);
}
