using Gate.Core.Processes;

namespace Gate.Tool;

/// <summary>Everything a command may touch outside itself: the output streams, the working directory, processes.</summary>
/// <param name="Out">Results go here (stdout).</param>
/// <param name="Err">Progress, warnings and errors go here (stderr).</param>
/// <param name="ErrIsTerminal">True when stderr is a terminal: progress then updates one line in place.</param>
/// <param name="WorkingDirectory">Directory relative paths are resolved against.</param>
/// <param name="Cancellation">Cancelled on Ctrl+C.</param>
public sealed record CliContext(TextWriter Out, TextWriter Err, bool ErrIsTerminal, string WorkingDirectory, CancellationToken Cancellation)
{
    /// <summary>True when stdout is a terminal: reports may then use colour.</summary>
    public bool OutIsTerminal { get; init; }

    /// <summary>Reads environment variables (GITHUB_*, tokens, NO_COLOR); tests give their own.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>Standard input (git's ref lines for <c>hook pre-push</c>); empty unless the host gives one.</summary>
    public TextReader In { get; init; } = TextReader.Null;

    /// <summary>Starts processes.</summary>
    public IProcessRunner Processes { get; init; } = new ProcessRunner();

    /// <summary>An absolute path for a user-given path.</summary>
    public string Resolve(string path) => Path.GetFullPath(path, WorkingDirectory);
}
