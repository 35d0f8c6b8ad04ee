using System.CommandLine;
using Gate.Core.Hooks;

namespace Gate.Tool.Commands;

/// <summary><c>benchgate hook uninstall</c>: removes exactly what <c>hook install</c> added and restores a chained hook.</summary>
internal static class HookUninstallCommand
{
    public static Command Create(CliContext context)
    {
        var uninstall = new Command("uninstall", "Remove the BenchGate pre-push hook (and put back the hook it chained, if any)");
        uninstall.SetAction(async (parse, cancellationToken) =>
        {
            var hooks = await HookCommand.HooksDirectoryAsync(context, cancellationToken).ConfigureAwait(false);
            await context.Out.WriteLineAsync(PrePushHook.Uninstall(hooks).Message).ConfigureAwait(false);
            return (int)ExitCodes.Success;
        });
        return uninstall;
    }
}
