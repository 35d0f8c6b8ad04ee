using System.CommandLine;
using Gate.Core.Checking;

namespace Gate.Tool.Commands;

/// <summary>
/// <c>benchgate ab BASE HEAD [PACKAGES...]</c>: measures two revisions of the repository in this job, interleaved,
/// compares them (HEAD as new, BASE as old) through the core <see cref="CheckSession"/>, prints the report and exits by
/// the verdict (0 pass, 1 regression, 2 error). <c>check --against REF</c> is the same with the working tree as head.
/// </summary>
internal static class AbCommand
{
    public static Command Create(CliContext context, string[] commandLine)
    {
        var check = new CheckOptions();
        var baseRevision = new Argument<string>("base") { Description = "The base revision (old side): a commit, branch, tag or HEAD~1" };
        var headRevision = new Argument<string>("head") { Description = "The head revision (new side); both are checked out into temporary worktrees (check --against measures the working tree instead)" };
        var command = new Command("ab", "Measure two revisions interleaved in this job and compare them");
        command.Arguments.Add(baseRevision);
        command.Arguments.Add(headRevision);
        check.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = ToolHost.Settings(context, check.Layer(parse));
            var reference = CheckReference.Revision(parse.GetValue(baseRevision)!, parse.GetValue(headRevision));
            var request = check.Request(parse, context, settings, reference, commandLine);
            var result = await new CheckSession(ToolHost.Services(context)).RunAsync(request, cancellationToken).ConfigureAwait(false);
            return await CheckOptions.FinishAsync(result, request.GateName, context, result.Comparison?.Report.Tally() ?? "").ConfigureAwait(false);
        });
        return command;
    }
}
