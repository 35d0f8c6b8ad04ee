using System.CommandLine;
using Gate.Core.Checking;
using Gate.Core.IO;
using Gate.Core.Results;
using Gate.Core.Running;
using Gate.Core.Running.Canary;
using Gate.Core.Statistics;

namespace Gate.Tool.Commands;

/// <summary>
/// <c>benchgate ab BASE HEAD [PACKAGES...]</c>: measures two revisions of the repository in this job, interleaved,
/// compares them (HEAD as new, BASE as old), prints the report and exits by the verdict (0 pass, 1 regression, 2 error).
/// Also the measuring half of <c>check --against REF</c>, where the head is the working tree.
/// </summary>
internal static class AbCommand
{
    public static Command Create(CliContext context, string[] commandLine)
    {
        var measure = new MeasureOptions();
        var baseRevision = new Argument<string>("base") { Description = "The base revision (old side): a commit, branch, tag or HEAD~1" };
        var headRevision = new Argument<string>("head") { Description = "The head revision (new side); both are checked out into temporary worktrees (check --against measures the working tree instead)" };
        var format = new Option<string>("--format") { Description = "Report format for --out: table | markdown | json", DefaultValueFactory = _ => "markdown" };
        format.AcceptOnlyFromAmong("table", "markdown", "json");
        var output = new Option<string?>("--out") { Description = "Write the report to FILE (atomically); the table always goes to stdout" };
        var failOn = new Option<string?>("--fail-on") { Description = "regression (default): exit 1 on a regression | never: report only" };
        failOn.AcceptOnlyFromAmong("regression", "never");

        var save = SaveResultsOption();
        var command = new Command("ab", "Measure two revisions interleaved in this job and compare them") { format, output, failOn, save };
        command.Arguments.Add(baseRevision);
        command.Arguments.Add(headRevision);
        measure.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (outPath, compareOptions, policy, request) = CheckCommand.Resolve(parse, context, commandLine, measure, output, failOn);
            var sides = await MeasureAsync(request, parse.GetValue(baseRevision)!, parse.GetValue(headRevision), parse.GetValue(save), compareOptions, context, cancellationToken).ConfigureAwait(false);
            var outcome = GateCheck.Evaluate(sides, compareOptions, policy);
            await CheckCommand.Report(outcome, "benchgate", parse.GetValue(format)!, outPath, context).ConfigureAwait(false);
            await context.Err.WriteLineAsync("benchgate: " + outcome.Report.Tally()).ConfigureAwait(false);
            return outcome.Fails ? (int)ExitCodes.Regression : (int)ExitCodes.Success;
        });
        return command;
    }

    /// <summary><c>--save-results DIR</c>: where both sides' results are written.</summary>
    public static Option<string?> SaveResultsOption() =>
        new("--save-results") { Description = "Also write both sides' results to DIR/base.json and DIR/head.json (each with its own gitCommit), for compare or baseline update" };

    /// <summary>
    /// Measures revision <paramref name="baseRevision"/> against <paramref name="headRevision"/> (null: the working
    /// tree) and returns the sides to compare: the head as new, the base as old, with the A/B notes for the report.
    /// With <paramref name="saveDirectory"/>, both sides' results are written there too.
    /// </summary>
    public static async Task<CheckSides> MeasureAsync(
        MeasureRequest request, string baseRevision, string? headRevision, string? saveDirectory, CompareOptions compareOptions, CliContext context, CancellationToken cancellationToken)
    {
        var save = saveDirectory is null ? null : context.Resolve(saveDirectory);
        if (save is not null)
        {
            try
            {
                Directory.CreateDirectory(save);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new Core.GateException($"--save-results {saveDirectory}: cannot create the directory ({e.Message})");
            }
            AtomicFile.EnsureWritable(Path.Combine(save, "base.json"), Path.Combine(saveDirectory!, "base.json"));
        }
        var (backend, progress) = await MeasureOptions.BackendAsync(request, context, cancellationToken).ConfigureAwait(false);
        var options = new AbOptions(request.Run, baseRevision, headRevision) { AutoSamples = request.AutoSamples, Compare = compareOptions };
        var ab = await new AbRunner(context.Processes, backend, progress, new SpeedCanary(context.Processes)).RunAsync(options, cancellationToken).ConfigureAwait(false);
        await MeasureOptions.FinishAsync(progress, context, ab.Head, ab.Base).ConfigureAwait(false);
        if (save is not null)
        {
            ResultsJson.WriteFile(Path.Combine(save, "base.json"), ab.Base);
            ResultsJson.WriteFile(Path.Combine(save, "head.json"), ab.Head);
        }
        return new CheckSides(ab.Head, ab.Base, ab.BaseRevision.Describe()) { Notes = ab.Notes() };
    }
}
