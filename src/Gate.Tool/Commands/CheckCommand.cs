using System.CommandLine;
using Gate.Core.Checking;
using Gate.Core.Config;
using Gate.Publishing;

namespace Gate.Tool.Commands;

/// <summary>
/// <c>benchgate check</c>, the CI and pre-push entry: maps its flags onto the settings and a <see cref="CheckRequest"/>
/// (the stored baseline; <c>--against REF</c>: revision REF measured in this job; <c>--from FILE</c>: results measured
/// earlier), runs the core <see cref="CheckSession"/> with GitHub publishing, and exits by its result
/// (0 pass, 1 regression, 2 error or no baseline to compare with).
/// </summary>
internal static class CheckCommand
{
    public static Command Create(CliContext context, string[] commandLine)
    {
        var check = new CheckCommandOptions();
        var gateName = new Option<string>("--gate-name") { Description = "Name of this gate: one sticky PR comment per name", DefaultValueFactory = _ => SettingDefaults.GateName };
        var noComment = new Option<bool>("--no-comment") { Description = "Do not post or update the pull-request comment (the job summary is still written)" };
        var checkRun = new Option<bool>("--check-run") { Description = "Also create or update a GitHub check run with the report" };
        var tokenEnv = new Option<string?>("--token-env") { Description = "Environment variable holding the GitHub token (default GITHUB_TOKEN)" };
        var against = new Option<string?>("--against") { Description = "Compare with revision REF measured in this job, interleaved with the working tree (uncommitted changes included), instead of the stored baseline" };
        var from = new Option<string?>("--from") { Description = "Compare these results (a results JSON file, for example merged shards) with the stored baseline instead of measuring" };

        var command = new Command("check", "Measure, compare with the stored baseline, report, and fail on a regression")
        {
            gateName, noComment, checkRun, tokenEnv, against, from,
        };
        check.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var github = GitHubContext.FromEnvironment(context.Environment, parse.GetValue(tokenEnv));
            var redactor = SecretRedactor.For(github.Token);
            using var stdout = new RedactingTextWriter(context.Out, redactor);
            using var stderr = new RedactingTextWriter(context.Err, redactor);
            var quiet = context with { Out = stdout, Err = stderr };

            var gate = parse.GetValue(gateName)!;
            StickyComment.ValidateGateName(gate);
            var settings = ToolHost.Settings(quiet, check.Layer(parse));
            var reference = parse.GetValue(against) is { } revision ? CheckReference.Revision(revision) : CheckReference.StoredBaseline;
            var request = check.Request(parse, quiet, settings, reference, commandLine) with
            {
                GateName = gate,
                ResultsFile = parse.GetValue(from) is { } file ? (quiet.Resolve(file), file) : null,
                Publish = new PublishWishes(gate, Comment: !parse.GetValue(noComment), CheckRun: parse.GetValue(checkRun)),
            };
            var publisher = new GitHubCheckPublisher(github, stdout, stderr, context.WorkingDirectory);
            var result = await new CheckSession(ToolHost.Services(quiet, publisher)).RunAsync(request, cancellationToken).ConfigureAwait(false);
            var tally = result.Comparison is { } outcome ? gate == SettingDefaults.GateName ? outcome.Report.Tally() : outcome.Headline(gate) : "";
            return await CheckOptions.FinishAsync(result, gate, quiet, tally).ConfigureAwait(false);
        });
        return command;
    }
}

/// <summary>The settings flags of <c>check</c>: those of every comparing command, and where the stored baseline is.</summary>
internal sealed class CheckCommandOptions : CheckOptions
{
    public Option<string?> Store { get; } = new("--store") { Description = BaselineOptions.StoreDescription };

    public Option<string?> Repository { get; } = new("--repository") { Description = "Repository of the baseline (default: GITHUB_REPOSITORY, else the origin remote, else the folder name)" };

    public Option<string?> BaselineBranch { get; } = new("--baseline-branch") { Description = "Branch whose baseline to compare with (default: the pull request's base branch, else main)" };

    /// <inheritdoc />
    public override void AddTo(Command command)
    {
        command.Options.Add(Store);
        command.Options.Add(Repository);
        command.Options.Add(BaselineBranch);
        base.AddTo(command);
    }

    /// <inheritdoc />
    public override SettingLayer Layer(ParseResult parse) =>
        base.Layer(parse)
            .With(Settings.Store, parse.GetValue(Store))
            .With(Settings.Repository, parse.GetValue(Repository))
            .With(Settings.BaselineBranch, parse.GetValue(BaselineBranch));
}
