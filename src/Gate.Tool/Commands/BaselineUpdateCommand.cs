using System.CommandLine;
using Gate.Core.Checking;
using Gate.Core.Config;
using Gate.Baselines.Keys;
using Gate.Core;
using Gate.Core.Results;

namespace Gate.Tool.Commands;

/// <summary>
/// <c>benchgate baseline update [--from results.json]</c>: measures (as <c>benchgate run</c> does) or takes a results
/// file, stores it as the baseline of its key and appends it to that key's history.
/// </summary>
internal static class BaselineUpdateCommand
{
    public static Command Create(CliContext context, string[] commandLine)
    {
        var options = new BaselineOptions();
        var from = new Option<string?>("--from") { Description = "Store this results file instead of measuring" };
        var repository = new Option<string?>("--repository") { Description = "Repository name (default: GITHUB_REPOSITORY, else the origin remote, else the folder name)" };
        var branch = new Option<string?>("--branch") { Description = "Branch (default: the results' git branch, else GITHUB_REF_NAME)" };
        var measure = new MeasureOptions();

        var command = new Command("update", "Measure (or take --from) results and store them as the baseline; append them to its history")
        {
            from, repository, branch,
        };
        measure.AddTo(command);
        options.AddTo(command, keyFilters: false);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = ToolHost.Settings(context, measure.Layer(parse).With(Settings.Store, parse.GetValue(options.Store)));
            var store = BaselineOptions.Open(settings.Store, context);
            var directory = settings.Measure.Directory;
            RunResults results;
            if (parse.GetValue(from) is { } path)
            {
                results = ResultsJson.ReadFile(context.Resolve(path), path);
            }
            else
            {
                Measuring.RequireFixedSamples(settings);
                results = await Measuring.MeasureAsync(settings.Measure, new MeasureScope(commandLine), ToolHost.Services(context), cancellationToken).ConfigureAwait(false);
            }
            if (results.Benchmarks.Count == 0)
            {
                throw new GateException("the results hold no measured benchmark: nothing to store");
            }
            var repositoryName = parse.GetValue(repository)
                ?? await new RepositoryIdentity(context.Processes, context.Environment).DetectAsync(directory, cancellationToken).ConfigureAwait(false);
            var branchName = parse.GetValue(branch) ?? results.Environment.GitBranch ?? BranchFromCi(context.Environment)
                ?? throw new GateException("cannot tell the branch (detached HEAD and no GITHUB_REF_NAME): pass --branch");
            var key = BaselineKey.For(results, repositoryName, branchName);

            var update = await store.UpdateAsync(key, results, cancellationToken).ConfigureAwait(false);
            await context.Out.WriteLineAsync($"stored baseline {key.Id}: {key}").ConfigureAwait(false);
            await context.Out.WriteLineAsync($"  {results.Benchmarks.Count} benchmark(s), commit {results.Environment.GitCommit ?? "unknown"}, {update.HistoryCount} run(s) in history, in {store.Name}").ConfigureAwait(false);
            foreach (var failure in results.Failures)
            {
                var name = failure.Name.Length == 0 ? failure.Package : $"{failure.Name} ({failure.Package})";
                await context.Err.WriteLineAsync($"benchgate: {name} failed and is not in the baseline: {failure.Message.Split('\n')[0]}").ConfigureAwait(false);
            }
            return results.Failures.Count == 0 ? (int)ExitCodes.Success : (int)ExitCodes.Error;
        });
        return command;
    }

    private static string? BranchFromCi(Func<string, string?> environment) =>
        environment("GITHUB_REF_TYPE") == "branch" && environment("GITHUB_REF_NAME") is { Length: > 0 } name ? name : null;
}
