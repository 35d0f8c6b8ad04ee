using System.CommandLine;
using Gate.Core;
using Gate.Core.Checking;
using Gate.Core.Git;
using Gate.Core.Hooks;
using Gate.Core.Measurement;
using Gate.Core.Running;

namespace Gate.Tool.Commands;

/// <summary>
/// <c>benchgate hook pre-push [options] -- REMOTE URL</c>, run by the hook with git's lines on standard input: finds the
/// Go packages the push changes, then runs the core <see cref="CheckSession"/> on them alone, within the time budget,
/// against the stored baseline, and maps its result: a regression exits 1 (git refuses the push); nothing to check
/// (no Go change, a branch without upstream, no baseline) lets the push through with a line saying why.
/// </summary>
internal static class HookPrePushCommand
{
    public static Command Create(CliContext context, string[] commandLine)
    {
        var check = new HookCheckOptions();
        var remote = new Argument<string?>("remote") { Description = "The remote's name (git passes it)", Arity = ArgumentArity.ZeroOrOne };
        var url = new Argument<string?>("url") { Description = "The remote's URL (git passes it)", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("pre-push", "Run by the git pre-push hook: check the Go packages the push changes (reads git's ref lines on stdin)") { remote, url };
        check.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                return await CheckAsync(context, parse, check, commandLine, parse.GetValue(remote) ?? "origin", cancellationToken).ConfigureAwait(false);
            }
            catch (GateException e)
            {
                throw new GateException(e.Kind, e.Message + " (to push without the check: git push --no-verify)", e);
            }
        });
        return command;
    }

    private static async Task<int> CheckAsync(CliContext context, ParseResult parse, HookCheckOptions check, string[] commandLine, string remote, CancellationToken cancellationToken)
    {
        var budget = check.ParseBudget(parse);
        var updates = PushUpdate.Parse(await context.In.ReadToEndAsync(cancellationToken).ConfigureAwait(false));
        var settings = check.Settings(parse, context);
        var git = await GitRepository.OpenAsync(context.Processes, context.WorkingDirectory, cancellationToken).ConfigureAwait(false);
        var scope = await PrePushScope.FindAsync(git, remote, updates, settings.Measure.Directory, cancellationToken).ConfigureAwait(false);
        foreach (var note in scope.Notes)
        {
            await context.Err.WriteLineAsync("benchgate: " + note).ConfigureAwait(false);
        }
        if (scope.Packages.Count == 0)
        {
            await context.Err.WriteLineAsync("benchgate: nothing to check").ConfigureAwait(false);
            return (int)ExitCodes.Success;
        }
        var budgetText = parse.GetValue(check.Budget);
        await context.Err.WriteLineAsync($"benchgate: checking {string.Join(" ", scope.Packages)} with {settings.Measure.Backend.Name()}, at most {budgetText}").ConfigureAwait(false);

        using var deadline = new CancellationTokenSource(budget);
        var request = new CheckRequest(settings, CheckReference.StoredBaseline)
        {
            GateName = HookCheckOptions.GateName,
            CommandLine = commandLine,
            Packages = scope.Packages,
            Deadline = new RunDeadline(deadline.Token, $"the time budget of {budgetText} ran out"),
            OnlyMeasuredPackages = true,
        };
        var result = await new CheckSession(ToolHost.Services(context)).RunAsync(request, cancellationToken).ConfigureAwait(false);
        if (result.Comparison is not { } outcome)
        {
            await context.Err.WriteLineAsync($"benchgate: {result.Missing!.Explanation}; the push is not checked").ConfigureAwait(false);
            return (int)ExitCodes.Success;
        }
        await context.Out.WriteAsync(CheckReport.Table(outcome, HookCheckOptions.GateName, ToolHost.Colour(context))).ConfigureAwait(false);
        foreach (var line in QuickCheck.Shortfalls(result.Candidate, settings.Measure.Samples.Maximum))
        {
            await context.Err.WriteLineAsync("benchgate: " + line).ConfigureAwait(false);
        }
        if (result.Status == CheckStatus.Regressed)
        {
            await context.Err.WriteLineAsync($"benchgate: push blocked: {outcome.Report.Tally()} (to push anyway: git push --no-verify)").ConfigureAwait(false);
            return (int)ExitCodes.Regression;
        }
        await context.Err.WriteLineAsync("benchgate: " + outcome.Report.Tally()).ConfigureAwait(false);
        return (int)ExitCodes.Success;
    }
}
