using System.CommandLine;
using System.Globalization;
using Gate.Core;
using Gate.Core.Config;
using Gate.Core.Counters;
using Gate.Core.Measurement;
using Gate.Core.Reporting;
using Gate.Core.Results;
using Gate.Core.Running;
using Gate.Core.Running.Canary;
using Gate.Core.Statistics;

namespace Gate.Tool.Commands;

/// <summary>What to measure and with which backend, resolved from flags, <c>benchgate.json</c> and defaults.</summary>
/// <param name="Run">The runner's options.</param>
/// <param name="Backend">The backend's name.</param>
/// <param name="Settings">The backend's settings (events, cache model…).</param>
internal sealed record MeasureRequest(RunOptions Run, string Backend, BackendOptions Settings)
{
    /// <summary><c>--samples auto</c>: stop each benchmark once its verdict is settled; <see cref="RunOptions.Samples"/> is then the maximum.</summary>
    public bool AutoSamples { get; init; }
}

/// <summary>
/// The options of every command that measures (<c>run</c>, <c>baseline update</c>, <c>check</c>): what to run and how,
/// and the one way of turning them into a measured <see cref="RunResults"/>. A flag given on the command line wins
/// over the <c>run</c> section of <c>benchgate.json</c>, which wins over the defaults.
/// </summary>
internal sealed class MeasureOptions
{
    public Argument<string[]> Packages { get; } = new("packages") { Description = "Go package patterns (default ./...)", Arity = ArgumentArity.ZeroOrMore };

    public Option<string> Dir { get; } = new("--dir") { Description = "Directory to run in (the Go module)", DefaultValueFactory = _ => "." };

    public Option<string> Bench { get; } = new("--bench") { Description = "Benchmarks to run: Go -bench regular expression", DefaultValueFactory = _ => "." };

    public Option<string> Backend { get; } = new("--backend") { Description = "How to measure: " + string.Join(" | ", BackendFactory.Names), DefaultValueFactory = _ => "go" };

    public Option<string?> Events { get; } = new("--events") { Description = "perf events to count, comma-separated (--backend perf; default: " + string.Join(",", PerfEventList.Default) + ")" };

    public Option<string?> Samples { get; } = new("--samples") { Description = $"Samples per benchmark (default {RunOptions.DefaultSamples}; {BackendFactory.DefaultSamples("cachegrind")} for cachegrind); with check --against and ab also auto[:MAX]: stop each benchmark once its verdict is settled (MAX default {SequentialRule.DefaultMaximum})" };

    public Option<string> SampleTime { get; } = new("--sample-time") { Description = "Target duration of one sample (Go duration)", DefaultValueFactory = _ => "100ms" };

    public Option<int?> Jobs { get; } = new("--jobs") { Description = "Benchmarks measured at the same time (default: one per core for cachegrind, 1 otherwise)" };

    public Option<string?> CacheModel { get; } = new("--cache-model") { Description = $"Cache geometry cachegrind simulates (default '{Core.Counters.CacheModel.Default}')" };

    public Option<string?> Config { get; } = new("--config") { Description = "Configuration file (default: benchgate.json in the working directory, when present)" };

    public MeasureOptions()
    {
        Backend.AcceptOnlyFromAmong([.. BackendFactory.Names]);
    }

    /// <summary>Adds the argument and options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Arguments.Add(Packages);
        foreach (var option in new Option[] { Dir, Bench, Backend, Events, Samples, SampleTime, Jobs, CacheModel, Config })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The measured directory, absolute.</summary>
    public string Directory(ParseResult parse, CliContext context, RunConfig? config = null) =>
        context.Resolve(Given(parse, Dir) ?? config?.Dir ?? parse.GetValue(Dir)!);

    /// <summary>The configuration: <c>--config FILE</c>, else <c>benchgate.json</c> in the working directory, else the defaults.</summary>
    public (BenchGateConfig Config, string Source) LoadConfig(ParseResult parse, CliContext context) => ConfigFile.Load(context, parse.GetValue(Config));

    /// <summary>The measurement the command line and the configuration ask for; invalid values are a <see cref="GateException"/>.</summary>
    public MeasureRequest Resolve(ParseResult parse, CliContext context, IReadOnlyList<string> commandLine) =>
        Resolve(parse, context, commandLine, LoadConfig(parse, context).Config.Run);

    /// <summary>The measurement the command line and <paramref name="config"/> ask for.</summary>
    public MeasureRequest Resolve(ParseResult parse, CliContext context, IReadOnlyList<string> commandLine, RunConfig? config)
    {
        var sampleTime = Given(parse, SampleTime) ?? config?.SampleTime ?? parse.GetValue(SampleTime)!;
        if (!GoDuration.TryParse(sampleTime, out var duration) || duration <= TimeSpan.Zero)
        {
            throw new GateException($"--sample-time '{sampleTime}' is not a positive Go duration such as 100ms or 1s");
        }
        var backend = Given(parse, Backend) ?? config?.Backend ?? parse.GetValue(Backend)!;
        if (!BackendFactory.Names.Contains(backend))
        {
            throw new GateException($"backend '{backend}' is not one of: {string.Join(", ", BackendFactory.Names)}");
        }
        IReadOnlyList<string> patterns = parse.GetValue(Packages) is { Length: > 0 } given ? given : config?.Packages is { Count: > 0 } configured ? configured : ["./..."];
        var bench = Given(parse, Bench) ?? config?.Bench ?? parse.GetValue(Bench)!;
        var (count, auto) = ParseSamples(parse.GetValue(Samples));
        var samples = count ?? config?.Samples ?? BackendFactory.DefaultSamples(backend);
        var run = new RunOptions(Directory(parse, context, config), patterns, bench, samples, duration, commandLine)
        {
            Jobs = parse.GetValue(Jobs) ?? BackendFactory.DefaultJobs(backend),
        };
        var settings = new BackendOptions
        {
            Events = parse.GetValue(Events),
            SampleTime = duration,
            CacheModel = parse.GetValue(CacheModel) is { } geometry ? Core.Counters.CacheModel.Parse(geometry) : null,
        };
        return new MeasureRequest(run, backend, settings) { AutoSamples = auto };
    }

    /// <summary><c>--samples</c>: a count, <c>auto</c> or <c>auto:MAX</c>; (null, false) when not given.</summary>
    private static (int? Samples, bool Auto) ParseSamples(string? text)
    {
        if (text is null)
        {
            return (null, false);
        }
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var count))
        {
            return (count, false);
        }
        if (text == "auto")
        {
            return (SequentialRule.DefaultMaximum, true);
        }
        if (text.StartsWith("auto:", StringComparison.Ordinal) && int.TryParse(text[5..], NumberStyles.None, CultureInfo.InvariantCulture, out var maximum) && maximum >= SequentialRule.NoisyMinimum)
        {
            return (maximum, true);
        }
        throw new GateException($"--samples '{text}' is not a number of samples, auto or auto:MAX (MAX at least {SequentialRule.NoisyMinimum})");
    }

    /// <summary>Checks the backend, measures with progress on stderr, and reports flagged samples.</summary>
    public static async Task<RunResults> MeasureAsync(MeasureRequest request, CliContext context, CancellationToken cancellationToken)
    {
        if (request.AutoSamples)
        {
            throw new GateException("--samples auto needs both sides measured in this job: use it with check --against REF or ab BASE HEAD");
        }
        var (backend, progress) = await BackendAsync(request, context, cancellationToken).ConfigureAwait(false);
        var results = await new BenchmarkRunner(context.Processes, backend, progress, new SpeedCanary(context.Processes)).RunAsync(request.Run, cancellationToken).ConfigureAwait(false);
        await FinishAsync(progress, context, results).ConfigureAwait(false);
        return results;
    }

    /// <summary>The backend the request names, checked to be usable here, with its one-line warnings said on stderr between progress lines.</summary>
    public static async Task<(IMeasurementBackend Backend, ProgressPrinter Progress)> BackendAsync(MeasureRequest request, CliContext context, CancellationToken cancellationToken)
    {
        var progress = new ProgressPrinter(context.Err, context.ErrIsTerminal);
        var settings = request.Settings with
        {
            Warn = line =>
            {
                progress.Finish();
                context.Err.WriteLine("benchgate: " + line);
            },
        };
        var backend = await BackendFactory.CreateAsync(request.Backend, settings, context.Processes, cancellationToken).ConfigureAwait(false);
        return (backend, progress);
    }

    /// <summary>Ends the progress line and says how many samples of <paramref name="results"/> carry each flag.</summary>
    public static async Task FinishAsync(ProgressPrinter progress, CliContext context, params RunResults[] results)
    {
        progress.Finish();
        foreach (var line in results.SelectMany(FlagSummary.Lines))
        {
            await context.Err.WriteLineAsync("benchgate: " + line).ConfigureAwait(false);
        }
    }

    /// <summary>The option's value when the command line gave it, else null (so that configuration may fill it).</summary>
    private static T? Given<T>(ParseResult parse, Option<T> option) =>
        parse.GetResult(option) is { Implicit: false } ? parse.GetValue(option) : default;
}
