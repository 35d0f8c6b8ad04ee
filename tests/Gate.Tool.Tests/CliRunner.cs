using Gate.TestUtilities;

namespace Gate.Tool.Tests;

/// <summary>What one in-process benchgate invocation printed and returned.</summary>
public sealed record CliResult(int ExitCode, string Out, string Err)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Err}";
}

/// <summary>Runs the real CLI entry in process (same parsing, same commands, real processes underneath).</summary>
public static class CliRunner
{
    public static CliResult Run(string workingDirectory, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, ErrIsTerminal: false, workingDirectory, CancellationToken.None) { Processes = Tools.Processes };
        var code = Cli.RunAsync(context, args).GetAwaiter().GetResult();
        return new CliResult(code, output.ToString(), error.ToString());
    }
}
