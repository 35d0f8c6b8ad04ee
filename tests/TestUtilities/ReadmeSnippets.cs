namespace Gate.TestUtilities;

/// <summary>The README's fenced code blocks, so that tests run the snippets users copy.</summary>
public static class ReadmeSnippets
{
    public static string ReadmePath => Path.Combine(RepoPaths.Root, "README.md");

    /// <summary>The <paramref name="index"/>-th block of <paramref name="language"/> in the section under <paramref name="heading"/> (a <c>## </c> line).</summary>
    public static string Block(string heading, string language, int index = 0)
    {
        var lines = File.ReadAllLines(ReadmePath);
        var start = Array.FindIndex(lines, l => l == heading);
        if (start < 0)
        {
            throw new InvalidOperationException($"README.md has no heading '{heading}'");
        }
        var found = 0;
        for (var i = start + 1; i < lines.Length && !lines[i].StartsWith("## ", StringComparison.Ordinal); i++)
        {
            if (lines[i] != "```" + language)
            {
                continue;
            }
            var end = Array.FindIndex(lines, i + 1, l => l == "```");
            if (found++ == index)
            {
                return string.Join('\n', lines[(i + 1)..end]) + "\n";
            }
            i = end;
        }
        throw new InvalidOperationException($"README.md section '{heading}' has no ```{language} block number {index}");
    }

    /// <summary>
    /// The command of a sh block's line (without its trailing comment) that is <paramref name="prefix"/> exactly, else
    /// the one line that starts with it and a space.
    /// </summary>
    public static string Command(string block, string prefix)
    {
        var commands = block.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => (l.IndexOf(" #", StringComparison.Ordinal) is var comment and >= 0 ? l[..comment] : l).Trim())
            .ToList();
        return commands.Contains(prefix) ? prefix : commands.Single(c => c.StartsWith(prefix + " ", StringComparison.Ordinal));
    }

    /// <summary>The rows of the Markdown table whose header starts with <paramref name="firstColumn"/>, first cell of each (without backticks).</summary>
    public static IReadOnlyList<string> TableKeys(string heading, string firstColumn)
    {
        var lines = File.ReadAllLines(ReadmePath);
        var start = Array.FindIndex(lines, l => l == heading);
        var header = Array.FindIndex(lines, start + 1, l => l.StartsWith("| " + firstColumn + " |", StringComparison.Ordinal));
        return [.. lines.Skip(header + 2).TakeWhile(l => l.StartsWith('|')).Select(l => l.Split('|')[1].Trim().Trim('`'))];
    }
}
