using System.CommandLine;
using Gate.Baselines.Checking;
using Gate.Baselines.Keys;
using Gate.Core;
using Gate.Core.Checking;
using Gate.Core.Git;
using Gate.Core.Hooks;
using Gate.Core.Running;
using Gate.Core.Statistics;

namespace Gate.Tool.Commands;

/// <summary>
/// <c>benchgate hook pre-push [options] -- REMOTE URL</c>, run by the hook with git's lines on standard input: measures
/// only the Go packages the push changes (cachegrind when valgrind is here, else go), within the time budget,
/// compares them with the stored baseline and exits 1 on a regression, which blocks the push. Nothing to check
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
                var budget = check.ParseBudget(parse);
                var updates = PushUpdate.Parse(await context.In.ReadToEndAsync(cancellationToken).ConfigureAwait(false));
                return await CheckAsync(context, parse, check, commandLine, budget, parse.GetValue(remote) ?? "origin", updates, cancellationToken).ConfigureAwait(false);
            }
            catch (GateException e)
            {
                throw new GateException(e.Message + " (to push without the check: git push --no-verify)", e);
            }
        });
        return command;
    }

    private static async Task<int> CheckAsync(
        CliContext context, ParseResult parse, HookCheckOptions check, string[] commandLine, TimeSpan budget, string remote, IReadOnlyList<PushUpdate> updates, CancellationToken cancellationToken)
    {
        var (config, configSource) = check.Measure.LoadConfig(parse, context);
        var run = config.Run ?? new();
        var request = check.Measure.Resolve(parse, context, commandLine, run with { Backend = run.Backend ?? QuickCheck.PreferredBackend() });
        var git = await GitRepository.OpenAsync(context.Processes, context.WorkingDirectory, cancellationToken).ConfigureAwait(false);
        var scope = await PrePushScope.FindAsync(git, remote, updates, request.Run.Directory, cancellationToken).ConfigureAwait(false);
        foreach (var note in scope.Notes)
        {
            await context.Err.WriteLineAsync("benchgate: " + note).ConfigureAwait(false);
        }
        if (scope.Packages.Count == 0)
        {
            await context.Err.WriteLineAsync("benchgate: nothing to check").ConfigureAwait(false);
            return (int)ExitCodes.Success;
        }
        await context.Err.WriteLineAsync($"benchgate: checking {string.Join(" ", scope.Packages)} with {request.Backend}, at most {parse.GetValue(check.Budget)}").ConfigureAwait(false);

        using var deadline = new CancellationTokenSource(budget);
        var quick = request with
        {
            Run = request.Run with { Packages = scope.Packages, Deadline = new RunDeadline(deadline.Token, $"the time budget of {parse.GetValue(check.Budget)} ran out") },
        };
        var candidate = await MeasureOptions.MeasureAsync(quick, context, cancellationToken).ConfigureAwait(false);
        var repository = parse.GetValue(check.Repository)
            ?? await new RepositoryIdentity(context.Processes, context.Environment).DetectAsync(request.Run.Directory, cancellationToken).ConfigureAwait(false);
        var compareOptions = config.ToCompareOptions(configSource);
        var configured = compareOptions.Thresholds as Thresholds ?? Thresholds.Default;
        var store = BaselineOptions.Open(parse.GetValue(check.Store)!, context);
        var sides = await StoredBaselineSides.FindAsync(store, candidate, repository, parse.GetValue(check.BaselineBranch)!, configured, cancellationToken).ConfigureAwait(false);
        if (sides.Old is null)
        {
            await context.Err.WriteLineAsync($"benchgate: {sides.OldDescription}; the push is not checked").ConfigureAwait(false);
            return (int)ExitCodes.Success;
        }

        var outcome = GateCheck.Evaluate(QuickCheck.Restrict(sides), compareOptions, GateDecision.ParseFailOn(config.FailOn, configSource));
        await context.Out.WriteAsync(CheckReport.Table(outcome, HookCheckOptions.GateName, context.OutIsTerminal && context.Environment("NO_COLOR") is null)).ConfigureAwait(false);
        foreach (var line in QuickCheck.Shortfalls(candidate, quick.Run.Samples))
        {
            await context.Err.WriteLineAsync("benchgate: " + line).ConfigureAwait(false);
        }
        if (outcome.Fails)
        {
            await context.Err.WriteLineAsync($"benchgate: push blocked: {outcome.Report.Tally()} (to push anyway: git push --no-verify)").ConfigureAwait(false);
            return (int)ExitCodes.Regression;
        }
        await context.Err.WriteLineAsync("benchgate: " + outcome.Report.Tally()).ConfigureAwait(false);
        return (int)ExitCodes.Success;
    }
}
