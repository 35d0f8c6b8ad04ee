using System.Text;

namespace Gate.Core.Reporting;

/// <summary>A plain, aligned text table: the first column left-aligned, the others right-aligned.</summary>
/// <param name="header">The column titles.</param>
/// <param name="leftAligned">How many columns, from the first, are left-aligned (text rather than numbers).</param>
public sealed class TextTable(IReadOnlyList<string> header, int leftAligned = 1)
{
    private readonly List<IReadOnlyList<string>> _rows = [];

    /// <summary>Adds a row; missing cells render empty.</summary>
    public void Add(IReadOnlyList<string> row) => _rows.Add(row);

    /// <summary>The table, one line per row, lines ending with a line break.</summary>
    public string Render()
    {
        var columns = Math.Max(header.Count, _rows.Count == 0 ? 0 : _rows.Max(r => r.Count));
        var widths = new int[columns];
        foreach (var row in _rows.Prepend(header))
        {
            for (var c = 0; c < row.Count; c++)
            {
                widths[c] = Math.Max(widths[c], row[c].Length);
            }
        }
        var text = new StringBuilder();
        foreach (var row in _rows.Prepend(header))
        {
            var line = new StringBuilder();
            for (var c = 0; c < columns; c++)
            {
                var cell = c < row.Count ? row[c] : "";
                var separator = c == 0 ? "" : "  ";
                line.Append(separator).Append(c < leftAligned ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]));
            }
            text.Append(line.ToString().TrimEnd()).Append('\n');
        }
        return text.ToString();
    }
}
