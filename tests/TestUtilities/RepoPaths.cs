namespace Gate.TestUtilities;

/// <summary>Paths inside this repository, found from the test assembly's location.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The bundled examples/ Go module.</summary>
    public static string Examples => Path.Combine(Root, "examples");

    /// <summary>tests/Fixtures: captured outputs and Go modules, each with a note of where it came from.</summary>
    public static string Fixtures => Path.Combine(Root, "tests", "Fixtures");

    public static string Fixture(params string[] parts) => Path.Combine([Fixtures, .. parts]);

    /// <summary>The shared corpus of real Go benchmark files with benchstat's verdicts (outside the repository).</summary>
    public static string? SharedCorpus
    {
        get
        {
            var candidate = Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpus"));
            return Directory.Exists(candidate) ? candidate : null;
        }
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Gate.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Gate.sln not found above " + AppContext.BaseDirectory);
    }
}
