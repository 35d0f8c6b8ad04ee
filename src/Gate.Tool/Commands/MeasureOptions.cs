using System.CommandLine;
using Gate.Core;
using Gate.Core.Config;
using Gate.Core.Counters;
using Gate.Core.Reporting;
using Gate.Core.Results;
using Gate.Core.Running;
using Gate.Core.Running.Canary;

namespace Gate.Tool.Commands;

/// <summary>
/// The options of every command that measures (<c>run</c>, <c>baseline update</c>, <c>check</c>): what to run and how,
/// and the one way of turning them into a measured <see cref="RunResults"/>.
/// </summary>
internal sealed class MeasureOptions
{
    public Argument<string[]> Packages { get; } = new("packages") { Description = "Go package patterns (default ./...)", Arity = ArgumentArity.ZeroOrMore };

    public Option<string> Dir { get; } = new("--dir") { Description = "Directory to run in (the Go module)", DefaultValueFactory = _ => "." };

    public Option<string> Bench { get; } = new("--bench") { Description = "Benchmarks to run: Go -bench regular expression", DefaultValueFactory = _ => "." };

    public Option<string> Backend { get; } = new("--backend") { Description = "How to measure: " + string.Join(" | ", BackendFactory.Names), DefaultValueFactory = _ => "go" };

    public Option<string?> Events { get; } = new("--events") { Description = "perf events to count, comma-separated (--backend perf; default: " + string.Join(",", PerfEventList.Default) + ")" };

    public Option<int?> Samples { get; } = new("--samples") { Description = $"Samples per benchmark (default {RunOptions.DefaultSamples}; {BackendFactory.DefaultSamples("cachegrind")} for cachegrind)" };

    public Option<int?> Jobs { get; } = new("--jobs") { Description = "Benchmarks measured at the same time (default: one per core for cachegrind, 1 otherwise)" };

    public Option<string?> CacheModel { get; } = new("--cache-model") { Description = $"Cache geometry cachegrind simulates (default '{Core.Counters.CacheModel.Default}')" };

    public Option<string> SampleTime { get; } = new("--sample-time") { Description = "Target duration of one sample (Go duration)", DefaultValueFactory = _ => "100ms" };

    public MeasureOptions()
    {
        Backend.AcceptOnlyFromAmong([.. BackendFactory.Names]);
    }

    /// <summary>Adds the argument and options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Arguments.Add(Packages);
        foreach (var option in new Option[] { Dir, Bench, Backend, Events, Samples, SampleTime, Jobs, CacheModel })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The measured directory, absolute.</summary>
    public string Directory(ParseResult parse, CliContext context) => context.Resolve(parse.GetValue(Dir)!);

    /// <summary>The run options the command line asks for; invalid values are a <see cref="GateException"/>.</summary>
    public RunOptions ToRunOptions(ParseResult parse, CliContext context, IReadOnlyList<string> commandLine)
    {
        var sampleTime = parse.GetValue(SampleTime)!;
        if (!GoDuration.TryParse(sampleTime, out var duration) || duration <= TimeSpan.Zero)
        {
            throw new GateException($"--sample-time '{sampleTime}' is not a positive Go duration such as 100ms or 1s");
        }
        var patterns = parse.GetValue(Packages) is { Length: > 0 } given ? given : ["./..."];
        var backend = parse.GetValue(Backend)!;
        return new RunOptions(Directory(parse, context), patterns, parse.GetValue(Bench)!, parse.GetValue(Samples) ?? BackendFactory.DefaultSamples(backend), duration, commandLine)
        {
            Jobs = parse.GetValue(Jobs) ?? BackendFactory.DefaultJobs(backend),
        };
    }

    /// <summary>Checks the backend, measures with progress on stderr, and reports flagged samples.</summary>
    public async Task<RunResults> MeasureAsync(ParseResult parse, CliContext context, RunOptions options, CancellationToken cancellationToken)
    {
        var progress = new ProgressPrinter(context.Err, context.ErrIsTerminal);
        var warn = (string line) =>
        {
            progress.Finish();
            context.Err.WriteLine("benchgate: " + line);
        };
        var settings = new BackendOptions
        {
            Events = parse.GetValue(Events),
            Warn = warn,
            SampleTime = options.SampleTime,
            CacheModel = parse.GetValue(CacheModel) is { } geometry ? Core.Counters.CacheModel.Parse(geometry) : null,
        };
        var backend = await BackendFactory.CreateAsync(parse.GetValue(Backend)!, settings, context.Processes, cancellationToken).ConfigureAwait(false);
        var results = await new BenchmarkRunner(context.Processes, backend, progress, new SpeedCanary(context.Processes)).RunAsync(options, cancellationToken).ConfigureAwait(false);
        progress.Finish();
        foreach (var line in FlagSummary.Lines(results))
        {
            await context.Err.WriteLineAsync("benchgate: " + line).ConfigureAwait(false);
        }
        return results;
    }
}
