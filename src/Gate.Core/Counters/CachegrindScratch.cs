namespace Gate.Core.Counters;

/// <summary>A temporary directory for one cachegrind output file, deleted on dispose.</summary>
public sealed class CachegrindScratch : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("benchgate-cachegrind-");

    /// <summary>Where cachegrind writes its output file.</summary>
    public string OutFile => Path.Combine(_directory.FullName, "cachegrind.out");

    /// <summary>The output file, read; null when cachegrind wrote none.</summary>
    public CachegrindReadResult? ReadOutput() => File.Exists(OutFile) ? CachegrindOutputReader.ReadFile(OutFile) : null;

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            _directory.Delete(recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover temporary file is harmless.
        }
    }
}
