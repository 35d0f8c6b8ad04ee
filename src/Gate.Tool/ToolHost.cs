using Gate.Baselines.Checking;
using Gate.Core;
using Gate.Core.Checking;
using Gate.Core.Config;

namespace Gate.Tool;

/// <summary>What every command of the tool needs from Gate.Core: resolved settings, and the services of a check in this process.</summary>
internal static class ToolHost
{
    /// <summary>
    /// The settings of a command that gave <paramref name="given"/>: over benchgate.json (found by <see cref="ConfigFileLocation"/>)
    /// and <paramref name="defaults"/> (a command's own defaults, below the file's), over the built-in defaults.
    /// </summary>
    public static GateSettings Settings(CliContext context, SettingLayer given, SettingLayer? defaults = null) =>
        SettingsResolver.Resolve(given, new SettingsContext(context.WorkingDirectory, context.Environment, System.Environment.ProcessorCount), defaults);

    /// <summary>The services of a check run by this process: its processes and environment, the baseline stores, progress on stderr.</summary>
    public static CheckServices Services(CliContext context, ICheckPublisher? publisher = null) =>
        new(context.Processes, context.Environment, context.WorkingDirectory)
        {
            OpenStore = (store, baseDirectory) => StoredBaselineSides.Open(store, baseDirectory, context.Processes, context.Environment),
            Publisher = publisher,
            Observer = new ConsoleObserver(context),
        };

    /// <summary>The exit code of a check: 0 passed, 1 regressed, 2 nothing compared (said on stderr).</summary>
    public static int ExitCode(CheckResult result, CliContext context)
    {
        if (result.Status == CheckStatus.NoComparableBaseline)
        {
            context.Err.WriteLine("benchgate: " + result.Missing!.Explanation);
            return (int)ExitCodes.Error;
        }
        return result.Status == CheckStatus.Regressed ? (int)ExitCodes.Regression : (int)ExitCodes.Success;
    }

    /// <summary>Colour on stdout: a terminal, and NO_COLOR not set.</summary>
    public static bool Colour(CliContext context) => context.OutIsTerminal && context.Environment("NO_COLOR") is null;

    /// <summary>A usage error: a one-line message and exit code 2.</summary>
    public static GateException Usage(string message) => new(GateErrorKind.Usage, message);
}
