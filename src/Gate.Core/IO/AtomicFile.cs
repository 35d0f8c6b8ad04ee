namespace Gate.Core.IO;

/// <summary>File writes that never leave a half-written file: write a temporary sibling, flush, rename.</summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/> atomically (UTF-8, no BOM).</summary>
    /// <param name="path">The file to write.</param>
    /// <param name="content">Its whole text.</param>
    /// <param name="shownAs">How messages name the file (the path as the user wrote it); default <paramref name="path"/>.</param>
    public static void WriteAllText(string path, string content, string? shownAs = null)
    {
        shownAs ??= path;
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full) ?? ".";
        var temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            using (var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false)))
            {
                writer.Write(content);
                writer.Flush();
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw new GateException($"cannot write {shownAs}: {e.Message}", e);
        }
    }

    /// <summary>
    /// Checks, before any work, that <paramref name="path"/> can be written: its directory exists and a file
    /// can be created in it. Throws a <see cref="GateException"/> otherwise; leaves nothing behind.
    /// </summary>
    /// <param name="path">The file to be written.</param>
    /// <param name="shownAs">How messages name the file; default <paramref name="path"/>.</param>
    public static void EnsureWritable(string path, string? shownAs = null)
    {
        shownAs ??= path;
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new GateException($"cannot write {shownAs}: it is a directory");
        }
        var directory = Path.GetDirectoryName(full) ?? ".";
        if (!Directory.Exists(directory))
        {
            throw new GateException($"cannot write {shownAs}: directory {directory} does not exist");
        }
        var probe = Path.Combine(directory, $".benchgate-probe.{Environment.ProcessId}.{Guid.NewGuid():N}");
        try
        {
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }
            if (File.Exists(full) && (File.GetAttributes(full) & FileAttributes.ReadOnly) != 0)
            {
                throw new GateException($"cannot write {shownAs}: the file is read-only");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new GateException($"cannot write {shownAs}: {e.Message}", e);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The temporary file is ours and harmless; nothing more to do.
        }
    }
}
