using System.CommandLine;
using Gate.Core;
using Gate.Core.Checking;
using Gate.Core.Config;
using Gate.Core.Git;
using Gate.Core.Hooks;

namespace Gate.Tool.Commands;

/// <summary><c>benchgate hook install|uninstall|pre-push</c>: the git pre-push check.</summary>
internal static class HookCommand
{
    public static Command Create(CliContext context, string[] commandLine) =>
        new("hook", "Check the Go packages a push changes before git pushes them (a git pre-push hook)")
        {
            HookInstallCommand.Create(context),
            HookUninstallCommand.Create(context),
            HookPrePushCommand.Create(context, commandLine),
        };

    /// <summary>The hooks directory of the repository the command runs in.</summary>
    public static async Task<string> HooksDirectoryAsync(CliContext context, CancellationToken cancellationToken)
    {
        var git = await GitRepository.OpenAsync(context.Processes, context.WorkingDirectory, cancellationToken).ConfigureAwait(false);
        return await git.HooksDirectoryAsync(cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>
/// The options of the quick check (<c>hook pre-push</c>), which <c>hook install</c> takes too and writes into the
/// hook: what to measure (as <c>run</c>, without package patterns: the push decides those), where the baseline is,
/// and the time budget. Both commands resolve them the same way (<see cref="Settings"/>), so that install refuses
/// what every later push would.
/// </summary>
internal sealed class HookCheckOptions
{
    public MeasureOptions Measure { get; } = new();

    public Option<string> Budget { get; } = new("--budget") { Description = "Stop measuring after this long (Go duration) and report what was measured", DefaultValueFactory = _ => QuickCheck.DefaultBudget };

    public Option<string?> Store { get; } = new("--store") { Description = BaselineOptions.StoreDescription };

    public Option<string?> Repository { get; } = new("--repository") { Description = "Repository of the baseline (default: the origin remote, else the folder name)" };

    public Option<string?> BaselineBranch { get; } = new("--baseline-branch") { Description = "Branch whose baseline to compare with (default main)" };

    private IEnumerable<Option> All() => [Budget, Store, Repository, BaselineBranch, .. Measure.All];

    public void AddTo(Command command)
    {
        foreach (var option in All())
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The budget; not a positive Go duration is a usage error.</summary>
    public TimeSpan ParseBudget(ParseResult parse)
    {
        var text = parse.GetValue(Budget)!;
        if (!GoDuration.TryParse(text, out var budget) || budget <= TimeSpan.Zero)
        {
            throw new GateException(GateErrorKind.Usage, $"--budget '{text}' is not a positive Go duration such as 60s or 2m");
        }
        return budget;
    }

    /// <summary>
    /// The quick check's settings: the options over benchgate.json, over the hook's own default backend (cachegrind
    /// when valgrind is here: deterministic, so two samples do; else go). The stored baseline is the reference, so a
    /// sequential sample count is refused.
    /// </summary>
    public GateSettings Settings(ParseResult parse, CliContext context)
    {
        var settings = ToolHost.Settings(
            context,
            Measure.Layer(parse)
                .With(Core.Config.Settings.Store, parse.GetValue(Store))
                .With(Core.Config.Settings.Repository, parse.GetValue(Repository))
                .With(Core.Config.Settings.BaselineBranch, parse.GetValue(BaselineBranch)),
            SettingLayer.Of(SettingHost.CommandLine).With(Core.Config.Settings.Backend, QuickCheck.PreferredBackend(context.Environment("PATH"))));
        Measuring.RequireFixedSamples(settings);
        return settings;
    }

    /// <summary>The options given on the command line, as arguments to pass on to <c>hook pre-push</c>.</summary>
    public IReadOnlyList<string> Given(ParseResult parse)
    {
        var arguments = new List<string>();
        foreach (var option in All())
        {
            if (parse.GetResult(option) is { Implicit: false } result)
            {
                foreach (var token in result.Tokens)
                {
                    arguments.Add(option.Name);
                    arguments.Add(token.Value);
                }
            }
        }
        return arguments;
    }

    /// <summary>The gate's name in the report.</summary>
    public const string GateName = SettingDefaults.GateName + " pre-push";
}
