using Gate.Core.Processes;

namespace Gate.Core.Counters;

/// <summary>What <c>benchgate doctor</c> reports about the simulated backend.</summary>
/// <param name="Ready">True when valgrind ran a program under cachegrind with the cache model and wrote its counts.</param>
/// <param name="ValgrindPath">Where valgrind is, or null when it is not on PATH.</param>
/// <param name="Version">valgrind's version (for example <c>3.19.0</c>), or null.</param>
/// <param name="CacheModel">The cache model the backend simulates (<see cref="Counters.CacheModel.ToString"/>).</param>
/// <param name="Summary">One line for the doctor's list: what works, or what is wrong and what to do.</param>
public sealed record CachegrindReadiness(bool Ready, string? ValgrindPath, string? Version, string CacheModel, string Summary);

/// <summary>
/// Checks that this machine can use <c>--backend cachegrind</c>: valgrind on PATH, its version, and one real
/// cachegrind run (of <c>true</c>) with the cache model, whose output file must parse and report that model.
/// </summary>
public static class CachegrindProbe
{
    /// <summary>The message when valgrind is not on PATH.</summary>
    public const string NotFoundMessage =
        "valgrind: not found on PATH; --backend cachegrind needs valgrind 3.x (on Debian or Ubuntu: apt-get install valgrind, or scripts/install-prereqs.sh)";

    /// <summary>Runs the check. Never throws for a missing or broken valgrind: that is what it reports.</summary>
    public static async Task<CachegrindReadiness> CheckAsync(
        IProcessRunner runner, CacheModel? model = null, string? searchPath = null, CancellationToken cancellationToken = default)
    {
        model ??= CacheModel.Default;
        var valgrind = ExecutableLookup.Find("valgrind", searchPath);
        if (valgrind is null)
        {
            return new CachegrindReadiness(false, null, null, model.ToString(), NotFoundMessage);
        }
        var version = await VersionAsync(runner, valgrind, cancellationToken).ConfigureAwait(false);
        if (version is null)
        {
            return new CachegrindReadiness(false, valgrind, null, model.ToString(), $"{valgrind} --version failed: is it valgrind?");
        }
        var program = ExecutableLookup.Find("true", searchPath) ?? ExecutableLookup.Find("true");
        if (program is null)
        {
            return new CachegrindReadiness(true, valgrind, version, model.ToString(), $"valgrind {version} at {valgrind} (not tried: no 'true' program to run); cache model {model}");
        }
        var problem = await TryRunAsync(runner, valgrind, program, model, cancellationToken).ConfigureAwait(false);
        return problem is null
            ? new CachegrindReadiness(true, valgrind, version, model.ToString(), $"valgrind {version} at {valgrind}; cache model {model}")
            : new CachegrindReadiness(false, valgrind, version, model.ToString(), $"valgrind {version} at {valgrind} cannot run cachegrind: {problem}");
    }

    /// <summary>valgrind's version without the <c>valgrind-</c> prefix, or null when it cannot say.</summary>
    public static async Task<string?> VersionAsync(IProcessRunner runner, string valgrind, CancellationToken cancellationToken)
    {
        var outcome = await runner.RunAsync(new ProcessSpec(valgrind, ["--version"], Timeout: TimeSpan.FromSeconds(30)), cancellationToken).ConfigureAwait(false);
        var line = outcome.Stdout.Trim();
        if (!outcome.Succeeded || line.Length == 0)
        {
            return null;
        }
        return line.StartsWith("valgrind-", StringComparison.Ordinal) ? line["valgrind-".Length..] : line;
    }

    private static async Task<string?> TryRunAsync(IProcessRunner runner, string valgrind, string program, CacheModel model, CancellationToken cancellationToken)
    {
        using var scratch = new CachegrindScratch();
        string[] arguments = [.. CachegrindInvocation.ToolArguments(model, scratch.OutFile), program];
        var outcome = await runner.RunAsync(new ProcessSpec(valgrind, arguments, Timeout: TimeSpan.FromMinutes(1)), cancellationToken).ConfigureAwait(false);
        var errors = CachegrindInvocation.ValgrindErrors(outcome.Stderr);
        if (!outcome.Succeeded)
        {
            return errors.Count > 0 ? string.Join("; ", errors) : $"exit code {outcome.ExitCode}: {CachegrindInvocation.ProgramStderr(outcome.Stderr).Trim()}";
        }
        var read = scratch.ReadOutput();
        if (read?.Output is not { } output)
        {
            return read?.Problem ?? "cachegrind wrote no output file";
        }
        return output.Model is { } simulated && simulated != model ? $"it simulated {simulated} instead" : null;
    }
}
