using System.CommandLine;
using Gate.Baselines.Keys;
using Gate.Core;
using Gate.Core.Config;
using Gate.Core.Counters;
using Gate.Core.Results;
using Gate.Core.Running;

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
        var packages = new Argument<string[]>("packages") { Description = "Go package patterns to measure (default ./...)", Arity = ArgumentArity.ZeroOrMore };
        var dir = new Option<string>("--dir") { Description = "Directory to measure in (the Go module)", DefaultValueFactory = _ => "." };
        var bench = new Option<string>("--bench") { Description = "Benchmarks to measure: Go -bench regular expression", DefaultValueFactory = _ => "." };
        var backend = new Option<string>("--backend") { Description = "How to measure: " + string.Join(" | ", BackendFactory.Names), DefaultValueFactory = _ => "go" };
        backend.AcceptOnlyFromAmong([.. BackendFactory.Names]);
        var samples = new Option<int>("--samples") { Description = "Samples per benchmark", DefaultValueFactory = _ => RunOptions.DefaultSamples };
        var sampleTime = new Option<string>("--sample-time") { Description = "Target duration of one sample (Go duration)", DefaultValueFactory = _ => "100ms" };

        var command = new Command("update", "Measure (or take --from) results and store them as the baseline; append them to its history")
        {
            from, repository, branch, packages, dir, bench, backend, samples, sampleTime,
        };
        options.AddTo(command, keyFilters: false);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var store = options.OpenStore(parse, context);
            var directory = context.Resolve(parse.GetValue(dir)!);
            RunResults results;
            if (parse.GetValue(from) is { } path)
            {
                results = ResultsJson.ReadFile(context.Resolve(path));
            }
            else
            {
                if (!GoDuration.TryParse(parse.GetValue(sampleTime)!, out var duration) || duration <= TimeSpan.Zero)
                {
                    throw new GateException($"--sample-time '{parse.GetValue(sampleTime)}' is not a positive Go duration such as 100ms or 1s");
                }
                var patterns = parse.GetValue(packages) is { Length: > 0 } given ? given : ["./..."];
                var run = new RunOptions(directory, patterns, parse.GetValue(bench)!, parse.GetValue(samples), duration, commandLine);
                var progress = new ProgressPrinter(context.Err, context.ErrIsTerminal);
                var measuring = BackendFactory.Create(parse.GetValue(backend)!, context.Processes);
                results = await new BenchmarkRunner(context.Processes, measuring, progress).RunAsync(run, cancellationToken).ConfigureAwait(false);
                progress.Finish();
            }
            if (results.Benchmarks.Count == 0)
            {
                throw new GateException("the results hold no measured benchmark: nothing to store");
            }
            var repositoryName = parse.GetValue(repository)
                ?? await new RepositoryIdentity(context.Processes, Environment.GetEnvironmentVariable).DetectAsync(directory, cancellationToken).ConfigureAwait(false);
            var branchName = parse.GetValue(branch) ?? results.Environment.GitBranch ?? BranchFromCi()
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

    private static string? BranchFromCi() =>
        Environment.GetEnvironmentVariable("GITHUB_REF_TYPE") == "branch" && Environment.GetEnvironmentVariable("GITHUB_REF_NAME") is { Length: > 0 } name ? name : null;
}
