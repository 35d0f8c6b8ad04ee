using Gate.Core.Processes;
using Gate.TestUtilities;

namespace Gate.Tool.Tests;

/// <summary>Runs the built benchgate as a separate process, for tests that need their own environment (PATH).</summary>
public static class ToolProcess
{
    /// <summary>The dotnet host that runs the tests.</summary>
    public static string DotnetHost =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
            ? host
            : ExecutableLookup.Find("dotnet") ?? throw new InvalidOperationException("dotnet host not found");

    public static CliResult Run(string workingDirectory, IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "benchgate.dll");
        var spec = new ProcessSpec(DotnetHost, [dll, .. args], workingDirectory, environment, TimeSpan.FromMinutes(10));
        var outcome = Tools.Processes.RunAsync(spec).GetAwaiter().GetResult();
        return new CliResult(outcome.ExitCode, outcome.Stdout, outcome.Stderr);
    }
}
