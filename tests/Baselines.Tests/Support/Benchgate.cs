using System.Diagnostics;
using Gate.Core.Processes;

namespace Gate.Baselines.Tests.Support;

/// <summary>The real benchgate tool (the built benchgate.dll), started as a separate process with <c>dotnet</c>.</summary>
public static class Benchgate
{
    /// <summary>benchgate.dll next to the test assembly (Gate.Tool is a project reference).</summary>
    public static string Dll
    {
        get
        {
            var path = Path.Combine(AppContext.BaseDirectory, "benchgate.dll");
            return File.Exists(path) ? path : throw new InvalidOperationException("benchgate.dll is not next to the tests: build Gate.Tool");
        }
    }

    /// <summary>Environment for a child benchgate: no CI variables that would change what it detects.</summary>
    public static Dictionary<string, string?> CleanEnvironment(IReadOnlyDictionary<string, string?>? extra = null)
    {
        var environment = new Dictionary<string, string?>
        {
            ["GITHUB_REPOSITORY"] = null,
            ["GITHUB_REF_NAME"] = null,
            ["GITHUB_REF_TYPE"] = null,
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        };
        foreach (var (name, value) in extra ?? new Dictionary<string, string?>())
        {
            environment[name] = value;
        }
        return environment;
    }

    /// <summary>Runs benchgate to completion.</summary>
    public static ProcessOutcome Run(string workingDirectory, IReadOnlyDictionary<string, string?>? environment, params string[] arguments) =>
        new ProcessRunner().RunAsync(new ProcessSpec(DotNet, [Dll, .. arguments], workingDirectory, CleanEnvironment(environment), TimeSpan.FromMinutes(5)))
            .GetAwaiter().GetResult();

    /// <summary>Starts benchgate and returns the running process (the caller waits for it or kills it).</summary>
    public static Process Start(string workingDirectory, params string[] arguments)
    {
        var info = new ProcessStartInfo(DotNet) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Dll);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in CleanEnvironment())
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }
        return Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
    }

    private static string DotNet => ExecutableLookup.Find("dotnet") ?? "dotnet";
}
