using System.Text;
using Gate.Core;

namespace Gate.Publishing;

/// <summary>The files GitHub Actions gives a step: the job summary (GITHUB_STEP_SUMMARY) and the step outputs (GITHUB_OUTPUT).</summary>
public static class WorkflowFiles
{
    /// <summary>
    /// Appends <paramref name="markdown"/> to the job summary file, in one write, cut to the 1 MiB a step's summary
    /// may have. Other steps and gates append to the same file, so it is never rewritten.
    /// </summary>
    /// <exception cref="GateException">The file cannot be written.</exception>
    public static void AppendSummary(string path, string markdown)
    {
        const string Note = "**Truncated:** a step's job summary is limited to 1 MiB; the report file (`--out`) has all of it.";
        var text = MarkdownTruncation.FitBytes(markdown.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n') + "\n\n", MarkdownTruncation.StepSummaryLimitBytes, Note);
        Append(path, text, "GITHUB_STEP_SUMMARY");
    }

    /// <summary>
    /// Appends step outputs as <c>name=value</c> lines (a value with a line break in the
    /// <c>name&lt;&lt;DELIMITER</c> form), in one write.
    /// </summary>
    /// <exception cref="GateException">The file cannot be written.</exception>
    public static void AppendOutputs(string path, IEnumerable<KeyValuePair<string, string>> outputs)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in outputs)
        {
            if (value.AsSpan().IndexOfAny('\n', '\r') < 0)
            {
                text.Append(name).Append('=').Append(value).Append('\n');
                continue;
            }
            var delimiter = "benchgate_" + Guid.NewGuid().ToString("N");
            text.Append(name).Append("<<").Append(delimiter).Append('\n').Append(value).Append('\n').Append(delimiter).Append('\n');
        }
        Append(path, text.ToString(), "GITHUB_OUTPUT");
    }

    private static void Append(string path, string text, string variable)
    {
        try
        {
            File.AppendAllText(path, text, new UTF8Encoding(false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new GateException($"cannot append to {variable} file {path}: {e.Message}", e);
        }
    }
}
