namespace Gate.Core.Config;

/// <summary>
/// Where benchgate.json is, by one rule for every host: the file the host names (<c>--config</c>,
/// <c>BenchGateConfig</c>), resolved against the host's base directory; else <c>benchgate.json</c> in the base directory
/// (the tool's working directory, the MSBuild project's directory); else in the Go module directory the host names
/// (<c>--dir</c>, <c>BenchGateDirectory</c>); else none, and the defaults apply.
/// </summary>
public static class ConfigFileLocation
{
    /// <summary>The source name of settings without a configuration file.</summary>
    public const string NoFile = "defaults";

    /// <summary>The file to read for a host that gave <paramref name="given"/>, and how messages name it; null when there is none.</summary>
    public static (string? Path, string Source) Find(SettingLayer given, string baseDirectory)
    {
        if (given.Text(Settings.Config) is { } named)
        {
            return (Path.GetFullPath(named, baseDirectory), named);
        }
        var candidates = new List<string> { baseDirectory };
        if (given.Text(Settings.Directory) is { } directory)
        {
            candidates.Add(Path.GetFullPath(directory, baseDirectory));
        }
        foreach (var candidate in candidates)
        {
            var path = Path.Combine(candidate, BenchGateConfig.FileName);
            if (File.Exists(path))
            {
                return (path, Path.GetRelativePath(baseDirectory, path));
            }
        }
        return (null, NoFile);
    }

    /// <summary>The configuration for a host that gave <paramref name="given"/>: read and checked, or the empty one; problems are <see cref="GateErrorKind.Configuration"/> errors.</summary>
    public static (BenchGateConfig Config, string Source) Load(SettingLayer given, string baseDirectory)
    {
        var (path, source) = Find(given, baseDirectory);
        if (path is null)
        {
            return (new BenchGateConfig(), source);
        }
        try
        {
            return (BenchGateConfig.Parse(IO.FileText.Read(path, source), source), source);
        }
        catch (GateException e)
        {
            throw e.Classified(GateErrorKind.Configuration);
        }
    }
}
