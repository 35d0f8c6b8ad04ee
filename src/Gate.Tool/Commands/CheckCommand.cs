using System.CommandLine;
using Gate.Baselines.Checking;
using Gate.Baselines.Keys;
using Gate.Core;
using Gate.Core.Checking;
using Gate.Core.IO;
using Gate.Core.Publishing;
using Gate.Core.Reporting;
using Gate.Core.Results;
using Gate.Core.Running;
using Gate.Core.Statistics;

namespace Gate.Tool.Commands;

/// <summary>
/// <c>benchgate check</c>, the CI and pre-push entry: measure → fetch the baseline → compare → report → publish →
/// exit code (0 pass, 1 regression, 2 error or no baseline to compare with). With <c>--against REF</c>, the baseline is
/// revision REF measured in this job, interleaved with the working tree (<see cref="AbCommand"/>).
/// </summary>
internal static class CheckCommand
{
    public static Command Create(CliContext context, string[] commandLine)
    {
        var measure = new MeasureOptions();
        var store = new BaselineOptions().Store;
        var repository = new Option<string?>("--repository") { Description = "Repository of the baseline (default: GITHUB_REPOSITORY, else the origin remote, else the folder name)" };
        var baselineBranch = new Option<string?>("--baseline-branch") { Description = "Branch whose baseline to compare with (default: the pull request's base branch, else main)" };
        var format = new Option<string>("--format") { Description = "Report format for --out: table | markdown | json", DefaultValueFactory = _ => "markdown" };
        format.AcceptOnlyFromAmong("table", "markdown", "json");
        var output = new Option<string?>("--out") { Description = "Write the report to FILE (atomically); the table always goes to stdout" };
        var failOn = new Option<string?>("--fail-on") { Description = "regression (default): exit 1 on a regression | never: report only" };
        failOn.AcceptOnlyFromAmong("regression", "never");
        var gateName = new Option<string>("--gate-name") { Description = "Name of this gate: one sticky PR comment per name", DefaultValueFactory = _ => PublishRequest.DefaultGateName };
        var noComment = new Option<bool>("--no-comment") { Description = "Do not post or update the pull-request comment (the job summary is still written)" };
        var checkRun = new Option<bool>("--check-run") { Description = "Also create or update a GitHub check run with the report" };
        var tokenEnv = new Option<string?>("--token-env") { Description = "Environment variable holding the GitHub token (default GITHUB_TOKEN)" };
        var against = new Option<string?>("--against") { Description = "Compare with revision REF measured in this job, interleaved with the working tree (uncommitted changes included), instead of the stored baseline" };
        var save = AbCommand.SaveResultsOption();
        var from = new Option<string?>("--from") { Description = "Compare these results (a results JSON file, for example merged shards) with the stored baseline instead of measuring" };

        var command = new Command("check", "Measure, compare with the stored baseline, report, and fail on a regression")
        {
            store, repository, baselineBranch, format, output, failOn, gateName, noComment, checkRun, tokenEnv, against, from, save,
        };
        measure.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var github = GitHubContext.FromEnvironment(context.Environment, parse.GetValue(tokenEnv));
            var redactor = SecretRedactor.For(github.Token);
            using var stdout = new RedactingTextWriter(context.Out, redactor);
            using var stderr = new RedactingTextWriter(context.Err, redactor);
            var quiet = context with { Out = stdout, Err = stderr };

            var gate = parse.GetValue(gateName)!;
            StickyComment.ValidateGateName(gate);
            var (outPath, compareOptions, policy, request) = Resolve(parse, context, commandLine, measure, output, failOn);
            var given = parse.GetValue(from);
            if (given is not null && parse.GetValue(against) is not null)
            {
                throw new GateException("--from compares given results with the stored baseline, --against measures a revision: use one of them");
            }
            var sides = parse.GetValue(against) is { } revision
                ? await AbCommand.MeasureAsync(request, revision, null, parse.GetValue(save), compareOptions, quiet, cancellationToken).ConfigureAwait(false)
                : await StoredSidesAsync(parse.GetValue(store)!, parse.GetValue(repository), parse.GetValue(baselineBranch), given, request, compareOptions, quiet, cancellationToken).ConfigureAwait(false);
            if (sides.Old is null && github.StepSummaryPath is not null)
            {
                var publisher = new GitHubPublisher(github, stdout, stderr, workingDirectory: context.WorkingDirectory);
                await publisher.PublishAsync(new PublishRequest(gate, $"### ⚠️ {MarkdownText.Escape(gate)}: nothing compared\n\n{MarkdownText.Escape(sides.OldDescription)}\n") { Comment = false }, cancellationToken).ConfigureAwait(false);
            }

            var outcome = GateCheck.Evaluate(sides, compareOptions, policy);
            await Report(outcome, gate, parse.GetValue(format)!, outPath, quiet).ConfigureAwait(false);
            if (github.InActions || github.Token is not null)
            {
                var regressions = await Regressions(outcome, request.Run.Directory, context, cancellationToken).ConfigureAwait(false);
                var publisher = new GitHubPublisher(github, stdout, stderr, workingDirectory: context.WorkingDirectory);
                await publisher.PublishAsync(
                    new PublishRequest(gate, CheckReport.Markdown(outcome, gate))
                    {
                        Regressions = regressions,
                        Comment = !parse.GetValue(noComment),
                        CheckRun = parse.GetValue(checkRun),
                        Title = outcome.Headline(gate),
                        ReportPath = outPath,
                    },
                    cancellationToken).ConfigureAwait(false);
            }
            await stderr.WriteLineAsync("benchgate: " + (gate == PublishRequest.DefaultGateName ? outcome.Report.Tally() : outcome.Headline(gate))).ConfigureAwait(false);
            return outcome.Fails ? (int)ExitCodes.Regression : (int)ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// What every comparing command (check, ab) resolves first: the report file (checked writable before anything
    /// runs), the comparison options and fail-on policy of benchgate.json and the flags, and the measurement.
    /// </summary>
    internal static (string? OutPath, CompareOptions Compare, FailOn Policy, MeasureRequest Request) Resolve(
        ParseResult parse, CliContext context, string[] commandLine, MeasureOptions measure, Option<string?> output, Option<string?> failOn)
    {
        var outPath = parse.GetValue(output);
        if (outPath is not null)
        {
            AtomicFile.EnsureWritable(context.Resolve(outPath), outPath);
        }
        var (config, configSource) = measure.LoadConfig(parse, context);
        var policy = GateDecision.ParseFailOn(parse.GetValue(failOn) ?? config.FailOn, "--fail-on");
        return (outPath, config.ToCompareOptions(configSource), policy, measure.Resolve(parse, context, commandLine, config.Run));
    }

    /// <summary>The candidate (measured now, or read from <paramref name="from"/>) and the stored baseline it is compared with (or why there is none).</summary>
    private static async Task<CheckSides> StoredSidesAsync(
        string store, string? repository, string? baselineBranch, string? from, MeasureRequest request, CompareOptions compareOptions, CliContext context, CancellationToken cancellationToken)
    {
        var baselines = BaselineOptions.Open(store, context);
        var candidate = from is null
            ? await MeasureOptions.MeasureAsync(request, context, cancellationToken).ConfigureAwait(false)
            : ResultsJson.ReadFile(context.Resolve(from), from);
        var repositoryName = repository
            ?? await new RepositoryIdentity(context.Processes, context.Environment).DetectAsync(request.Run.Directory, cancellationToken).ConfigureAwait(false);
        var branch = baselineBranch ?? NonEmpty(context.Environment("GITHUB_BASE_REF")) ?? "main";
        var configured = compareOptions.Thresholds as Thresholds ?? Thresholds.Default;
        return await StoredBaselineSides.FindAsync(baselines, candidate, repositoryName, branch, configured, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Prints the table on stdout and writes the report in <paramref name="format"/> to <paramref name="outPath"/>, when given.</summary>
    internal static async Task Report(CheckOutcome outcome, string gate, string format, string? outPath, CliContext context)
    {
        var colour = context.OutIsTerminal && context.Environment("NO_COLOR") is null;
        await context.Out.WriteAsync(CheckReport.Table(outcome, gate, colour)).ConfigureAwait(false);
        if (outPath is not null)
        {
            var text = format switch
            {
                "json" => ComparisonJson.Serialize(outcome.Report),
                "table" => CheckReport.Table(outcome, gate, colour: false),
                _ => CheckReport.Markdown(outcome, gate),
            };
            AtomicFile.WriteAllText(context.Resolve(outPath), text, outPath);
        }
    }

    /// <summary>The regressed benchmarks with their package directories, for annotations on their _test.go lines.</summary>
    private static async Task<IReadOnlyList<RegressedBenchmark>> Regressions(CheckOutcome outcome, string directory, CliContext context, CancellationToken cancellationToken)
    {
        var regressed = outcome.Report.Comparisons.Where(c => c.Verdict == Verdict.Regression).ToList();
        if (regressed.Count == 0)
        {
            return [];
        }
        var go = GoToolchain.Locate(context.Processes);
        var directories = await go.PackageDirectoriesAsync(directory, [.. regressed.Select(c => c.Package).Distinct()], cancellationToken).ConfigureAwait(false);
        return
        [
            .. regressed.Select(c => new RegressedBenchmark(
                directories.GetValueOrDefault(c.Package, directory),
                c.Benchmark,
                $"{c.Metric.Name} {ComparisonCells.Change(c)} ({ComparisonCells.Side(c.Old, c.Metric.Name)} → {ComparisonCells.Side(c.New, c.Metric.Name)}): {c.Reason}")),
        ];
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
