using System.CommandLine;
using Gate.Core.Hooks;

namespace Gate.Tool.Commands;

/// <summary>
/// <c>benchgate hook install [--force] [--command PATH] [check options]</c>: writes the git pre-push hook that runs
/// <c>benchgate hook pre-push</c> with the given options. A foreign hook is kept and run first (or replaced with --force).
/// </summary>
internal static class HookInstallCommand
{
    public static Command Create(CliContext context)
    {
        var check = new HookCheckOptions();
        var force = new Option<bool>("--force") { Description = "Replace an existing pre-push hook that is not BenchGate's (by default it is kept and run first)" };
        var command = new Option<string>("--command") { Description = "How the hook calls benchgate: a command on PATH or an absolute path", DefaultValueFactory = _ => "benchgate" };
        var install = new Command("install", "Install the git pre-push hook that checks the Go packages a push changes") { force, command };
        check.AddTo(install);
        install.SetAction(async (parse, cancellationToken) =>
        {
            // Refuse now what every later push would refuse: the options are resolved and checked as the hook will.
            check.ParseBudget(parse);
            _ = check.Settings(parse, context);
            var hooks = await HookCommand.HooksDirectoryAsync(context, cancellationToken).ConfigureAwait(false);
            var change = PrePushHook.Install(hooks, parse.GetValue(command)!, check.Given(parse), parse.GetValue(force));
            await context.Out.WriteLineAsync(change.Message).ConfigureAwait(false);
            await context.Out.WriteLineAsync("skip it once with: git push --no-verify; remove it with: benchgate hook uninstall").ConfigureAwait(false);
            return (int)ExitCodes.Success;
        });
        return install;
    }
}
