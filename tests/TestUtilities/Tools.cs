using Gate.Core.Processes;

namespace Gate.TestUtilities;

/// <summary>Real external tools the tests use, and a runner for them.</summary>
public static class Tools
{
    public static IProcessRunner Processes { get; } = new ProcessRunner();

    /// <summary>go on PATH; the tests require it (CI installs it with scripts/install-prereqs.sh).</summary>
    public static string Go => ExecutableLookup.Find("go") ?? throw new InvalidOperationException("go is not on PATH: run scripts/install-prereqs.sh");

    /// <summary>Runs a command to completion and fails the test with its output when it fails.</summary>
    public static ProcessOutcome Run(string file, string workingDirectory, params string[] arguments) =>
        Run(file, workingDirectory, null, arguments);

    public static ProcessOutcome Run(string file, string workingDirectory, IReadOnlyDictionary<string, string?>? environment, params string[] arguments)
    {
        var outcome = Processes.RunAsync(new ProcessSpec(file, arguments, workingDirectory, environment, TimeSpan.FromMinutes(10))).GetAwaiter().GetResult();
        if (!outcome.Succeeded)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited {outcome.ExitCode}:\n{outcome.Stdout}\n{outcome.Stderr}");
        }
        return outcome;
    }
}
