namespace Gate.Core.IO;

/// <summary>Reads input files and turns IO failures into one-line <see cref="GateException"/>s.</summary>
public static class FileText
{
    /// <summary>The whole text of <paramref name="path"/>.</summary>
    public static string Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (FileNotFoundException)
        {
            throw new GateException($"{path}: no such file");
        }
        catch (DirectoryNotFoundException)
        {
            throw new GateException($"{path}: no such file (directory missing)");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new GateException($"{path}: cannot read: {e.Message}", e);
        }
    }
}
