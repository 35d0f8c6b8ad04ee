using System.CommandLine;
using Gate.Core.Config;
using Gate.Baselines.Storage;

namespace Gate.Tool.Commands;

/// <summary>Options the <c>baseline</c> subcommands share: the store, and which stored key is meant.</summary>
internal sealed class BaselineOptions
{
    /// <summary>The help text of every <c>--store</c>.</summary>
    public const string StoreDescription =
        "Where baselines live: dir:PATH or nuget:SOURCE (a folder feed or a v3 feed URL; credentials from BENCHGATE_NUGET_* variables; default: store in benchgate.json, else dir:.benchgate)";

    public Option<string?> Store { get; } = new("--store") { Description = StoreDescription };

    public Option<string?> Key { get; } = new("--key") { Description = "The key id (or a prefix) that 'benchgate baseline list' shows" };

    public Option<string?> Repository { get; } = new("--repository") { Description = "Repository (owner/name)" };

    public Option<string?> Branch { get; } = new("--branch") { Description = "Branch" };

    public Option<string?> Backend { get; } = new("--backend") { Description = "Backend (go, perf, cachegrind)" };

    /// <summary>Adds --store and the key filters to <paramref name="command"/>.</summary>
    public void AddTo(Command command, bool keyFilters)
    {
        command.Options.Add(Store);
        if (keyFilters)
        {
            command.Options.Add(Key);
            command.Options.Add(Repository);
            command.Options.Add(Branch);
            command.Options.Add(Backend);
        }
    }

    /// <summary>The store <c>--store</c> names, else benchgate.json's <c>store</c>, else the default; a bad spec is a usage error.</summary>
    public IBaselineStore OpenStore(ParseResult parse, CliContext context) =>
        Open(ToolHost.Settings(context, SettingLayer.Of(SettingHost.CommandLine).With(Settings.Store, parse.GetValue(Store))).Store, context);

    public static IBaselineStore Open(string spec, CliContext context) =>
        BaselineStores.Open(spec, context.WorkingDirectory, context.Environment, TimeProvider.System);

    public KeySelection Selection(ParseResult parse) =>
        new(parse.GetValue(Key), parse.GetValue(Repository), parse.GetValue(Branch), parse.GetValue(Backend));
}
