namespace Gate.Core.IO;

/// <summary>Reads input files and turns IO failures into one-line <see cref="GateException"/>s.</summary>
public static class FileText
{
    /// <summary>The whole text of <paramref name="path"/>; messages name it <paramref name="shownAs"/> (default: the path).</summary>
    public static string Read(string path, string? shownAs = null)
    {
        shownAs ??= path;
        try
        {
            return File.ReadAllText(path);
        }
        catch (FileNotFoundException)
        {
            throw new GateException($"{shownAs}: no such file");
        }
        catch (DirectoryNotFoundException)
        {
            throw new GateException($"{shownAs}: no such file (directory missing)");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new GateException($"{shownAs}: cannot read: {e.Message}", e);
        }
    }
}
