using System.CommandLine;
using Gate.Core.Config;
using Gate.Core.Measurement;

namespace Gate.Tool.Commands;

/// <summary>
/// The flags of every command that measures (<c>run</c>, <c>baseline update</c>, <c>check</c>, <c>ab</c>, the hook):
/// what to run and how. They only map the command line onto a <see cref="SettingLayer"/>; the one resolver
/// (<see cref="SettingsResolver"/>) puts them over benchgate.json and the defaults and checks every value.
/// </summary>
internal sealed class MeasureOptions
{
    public Argument<string[]> Packages { get; } = new("packages") { Description = "Go package patterns (default ./...)", Arity = ArgumentArity.ZeroOrMore };

    public Option<string?> Dir { get; } = new("--dir") { Description = "Directory to run in (the Go module; default .)" };

    public Option<string?> Bench { get; } = new("--bench") { Description = "Benchmarks to run: Go -bench regular expression (default .)" };

    public Option<string?> Backend { get; } = new("--backend") { Description = "How to measure: " + string.Join(" | ", BackendKinds.Names) + " (default go)" };

    public Option<string?> Events { get; } = new("--events") { Description = "perf events to count, comma-separated (--backend perf; default: " + string.Join(",", Core.Counters.PerfEventList.Default) + ")" };

    public Option<string?> Samples { get; } = new("--samples")
    {
        Description = $"Samples per benchmark (default {SettingDefaults.Samples}; {SettingDefaults.SimulatedSamples} for cachegrind); with check --against and ab also auto[:MAX]: stop each benchmark once its verdict is settled (MAX default {SampleCount.DefaultMaximum})",
    };

    public Option<string?> SampleTime { get; } = new("--sample-time") { Description = $"Target duration of one sample (Go duration; default {SettingDefaults.SampleTimeText})" };

    public Option<string?> Jobs { get; } = new("--jobs") { Description = "Benchmarks measured at the same time (default: one per core for cachegrind, 1 otherwise)" };

    public Option<string?> CacheModel { get; } = new("--cache-model") { Description = $"Cache geometry cachegrind simulates (default '{Core.Counters.CacheModel.Default}')" };

    public Option<string?> Config { get; } = new("--config") { Description = "Configuration file (default: benchgate.json in the working directory, else in --dir)" };

    /// <summary>The options, in help order.</summary>
    public IEnumerable<Option> All => [Dir, Bench, Backend, Events, Samples, SampleTime, Jobs, CacheModel, Config];

    /// <summary>Adds the argument and options to <paramref name="command"/>.</summary>
    public void AddTo(Command command, bool packages = true)
    {
        if (packages)
        {
            command.Arguments.Add(Packages);
        }
        foreach (var option in All)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The command line's values as a layer: only what was given.</summary>
    public SettingLayer Layer(ParseResult parse) =>
        SettingLayer.Of(SettingHost.CommandLine)
            .WithList(Settings.Packages, parse.GetValue(Packages))
            .With(Settings.Directory, parse.GetValue(Dir))
            .With(Settings.Bench, parse.GetValue(Bench))
            .With(Settings.Backend, parse.GetValue(Backend))
            .With(Settings.Events, parse.GetValue(Events))
            .With(Settings.Samples, parse.GetValue(Samples))
            .With(Settings.SampleTime, parse.GetValue(SampleTime))
            .With(Settings.Jobs, parse.GetValue(Jobs))
            .With(Settings.CacheModel, parse.GetValue(CacheModel))
            .With(Settings.Config, parse.GetValue(Config));
}
