using System.CommandLine;
using Gate.Core.Checking;
using Gate.Core.GoBench;
using Gate.Core.IO;
using Gate.Core.Metrics;
using Gate.Core.Reporting;
using Gate.Core.Results;
using Gate.Core.Running;

namespace Gate.Tool.Commands;

/// <summary><c>benchgate run [PKGS...]</c>: measures and writes results.</summary>
internal static class RunCommand
{
    public static Command Create(CliContext context, string[] commandLine)
    {
        var measure = new MeasureOptions();
        var output = new Option<string?>("--out") { Description = "Write results to FILE (atomically) instead of stdout" };
        var format = new Option<string?>("--format") { Description = "json | gobench | table (default: json with --out, table on stdout)" };
        format.AcceptOnlyFromAmong("json", "gobench", "table");
        var shard = new Option<string?>("--shard") { Description = "Measure only share I/N of the benchmarks (for CI matrices; join with merge)" };
        var shardCosts = new Option<string?>("--shard-costs") { Description = "Earlier results JSON whose timings balance the shards (default: balance by count)" };

        var command = new Command("run", "Measure benchmarks and write the results") { output, format, shard, shardCosts };
        measure.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var outPath = parse.GetValue(output);
            var chosenFormat = parse.GetValue(format) ?? (outPath is null ? "table" : "json");
            if (outPath is not null)
            {
                AtomicFile.EnsureWritable(context.Resolve(outPath), outPath);
            }
            var settings = ToolHost.Settings(context, measure.Layer(parse));
            Measuring.RequireFixedSamples(settings);
            var scope = new MeasureScope(commandLine)
            {
                Shard = parse.GetValue(shard) is { } share ? Shard.Parse(share) : null,
                ShardCosts = parse.GetValue(shardCosts) is { } costs ? ShardCosts.FromResults(ResultsJson.ReadFile(context.Resolve(costs), costs)) : null,
            };
            var results = await Measuring.MeasureAsync(settings.Measure, scope, ToolHost.Services(context), cancellationToken).ConfigureAwait(false);

            var text = chosenFormat switch
            {
                "gobench" => GoBenchText(results),
                "table" => ResultsTable.Render(results),
                _ => ResultsJson.Serialize(results),
            };
            if (outPath is null)
            {
                await context.Out.WriteAsync(text).ConfigureAwait(false);
            }
            else
            {
                AtomicFile.WriteAllText(context.Resolve(outPath), text, outPath);
                if (chosenFormat != "table")
                {
                    await context.Out.WriteAsync(ResultsTable.Render(results)).ConfigureAwait(false);
                }
                await context.Err.WriteLineAsync($"benchgate: wrote {results.Benchmarks.Count} benchmarks to {outPath}").ConfigureAwait(false);
            }
            return ReportFailures(context, results);
        });
        return command;
    }

    private static string GoBenchText(RunResults results)
    {
        using var writer = new StringWriter();
        GoBenchWriter.Write(writer, GoMetrics.ToGoBench(results));
        return writer.ToString();
    }

    /// <summary>Failed benchmarks are listed on stderr and make the exit code 2; the others are already written.</summary>
    private static int ReportFailures(CliContext context, RunResults results)
    {
        if (results.Failures.Count == 0)
        {
            return (int)ExitCodes.Success;
        }
        foreach (var failure in results.Failures)
        {
            var name = failure.Name.Length == 0 ? failure.Package : $"{failure.Name} ({failure.Package})";
            context.Err.WriteLine($"benchgate: {name} {Indent(failure.Message)}");
        }
        context.Err.WriteLine($"benchgate: {results.Failures.Count} benchmark(s) failed; the other {results.Benchmarks.Count} were measured");
        return (int)ExitCodes.Error;
    }

    private static string Indent(string message) => message.Replace("\n", "\n    ", StringComparison.Ordinal);
}
