using System.CommandLine;
using Gate.Core;
using Gate.Core.Config;
using Gate.Core.Counters;
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
        var packages = new Argument<string[]>("packages") { Description = "Go package patterns (default ./...)", Arity = ArgumentArity.ZeroOrMore };
        var dir = new Option<string>("--dir") { Description = "Directory to run in (the Go module)", DefaultValueFactory = _ => "." };
        var bench = new Option<string>("--bench") { Description = "Benchmarks to run: Go -bench regular expression", DefaultValueFactory = _ => "." };
        var backend = new Option<string>("--backend") { Description = "How to measure: " + string.Join(" | ", BackendFactory.Names), DefaultValueFactory = _ => "go" };
        backend.AcceptOnlyFromAmong([.. BackendFactory.Names]);
        var samples = new Option<int?>("--samples") { Description = $"Samples per benchmark (default {RunOptions.DefaultSamples}; {BackendFactory.DefaultSamples("cachegrind")} for cachegrind)" };
        var jobs = new Option<int?>("--jobs") { Description = "Benchmarks measured at the same time (default: one per core for cachegrind, 1 otherwise)" };
        var cacheModel = new Option<string?>("--cache-model") { Description = $"Cache geometry cachegrind simulates (default '{CacheModel.Default}')" };
        var sampleTime = new Option<string>("--sample-time") { Description = "Target duration of one sample (Go duration)", DefaultValueFactory = _ => "100ms" };
        var output = new Option<string?>("--out") { Description = "Write results to FILE (atomically) instead of stdout" };
        var format = new Option<string?>("--format") { Description = "json | gobench | table (default: json with --out, table on stdout)" };
        format.AcceptOnlyFromAmong("json", "gobench", "table");

        var command = new Command("run", "Measure benchmarks and write the results")
        {
            packages, dir, bench, backend, samples, sampleTime, output, format, jobs, cacheModel,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var outPath = parse.GetValue(output);
            var chosenFormat = parse.GetValue(format) ?? (outPath is null ? "table" : "json");
            if (outPath is not null)
            {
                AtomicFile.EnsureWritable(context.Resolve(outPath));
            }
            if (!GoDuration.TryParse(parse.GetValue(sampleTime)!, out var duration) || duration <= TimeSpan.Zero)
            {
                throw new GateException($"--sample-time '{parse.GetValue(sampleTime)}' is not a positive Go duration such as 100ms or 1s");
            }
            var backendName = parse.GetValue(backend)!;
            var model = parse.GetValue(cacheModel) is { } geometry ? CacheModel.Parse(geometry) : CacheModel.Default;
            if (parse.GetValue(cacheModel) is not null && backendName != "cachegrind")
            {
                throw new GateException("--cache-model applies to --backend cachegrind only");
            }
            var patterns = parse.GetValue(packages) is { Length: > 0 } given ? given : ["./..."];
            var options = new RunOptions(
                context.Resolve(parse.GetValue(dir)!),
                patterns,
                parse.GetValue(bench)!,
                parse.GetValue(samples) ?? BackendFactory.DefaultSamples(backendName),
                duration,
                commandLine)
            {
                Jobs = parse.GetValue(jobs) ?? BackendFactory.DefaultJobs(backendName),
            };
            var progress = new ProgressPrinter(context.Err, context.ErrIsTerminal);
            var measuring = BackendFactory.Create(backendName, context.Processes, new BackendOptions { SampleTime = duration, CacheModel = model });
            var results = await new BenchmarkRunner(context.Processes, measuring, progress).RunAsync(options, cancellationToken).ConfigureAwait(false);
            progress.Finish();

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
                AtomicFile.WriteAllText(context.Resolve(outPath), text);
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
