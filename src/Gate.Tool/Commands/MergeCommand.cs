using System.CommandLine;
using Gate.Core.IO;
using Gate.Core.Results;

namespace Gate.Tool.Commands;

/// <summary><c>benchgate merge A.json B.json... -o ALL.json</c>: joins shard results.</summary>
internal static class MergeCommand
{
    public static Command Create(CliContext context, string[] commandLine)
    {
        var files = new Argument<string[]>("files") { Description = "Results JSON files (for example the shards of one run)", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out", "-o") { Description = "Write the merged results to FILE (atomically)", Required = true };
        var command = new Command("merge", "Join results measured in several CI jobs (shards) into one file") { files, output };
        command.SetAction(parse =>
        {
            var outPath = parse.GetValue(output)!;
            AtomicFile.EnsureWritable(context.Resolve(outPath), outPath);
            var inputs = parse.GetValue(files)!.Select(f => (f, ResultsJson.ReadFile(context.Resolve(f), f))).ToList();
            var merged = ResultsMerger.Merge(inputs, commandLine);
            AtomicFile.WriteAllText(context.Resolve(outPath), ResultsJson.Serialize(merged), outPath);
            context.Err.WriteLine($"benchgate: merged {inputs.Count} files, {merged.Benchmarks.Count} benchmarks, into {outPath}");
            return (int)ExitCodes.Success;
        });
        return command;
    }
}
