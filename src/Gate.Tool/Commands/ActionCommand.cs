using System.CommandLine;
using Gate.Core;
using Gate.Core.Checking;
using Gate.Core.Config;
using Gate.Core.IO;
using Gate.Publishing;

namespace Gate.Tool.Commands;

/// <summary>
/// <c>benchgate action</c>: the GitHub Action's check step (action.yml). The workflow's inputs arrive as environment
/// variables <c>INPUT_&lt;NAME&gt;</c> (upper case, <c>-</c> as <c>_</c>); an empty one is not set, so benchgate.json and
/// the defaults decide as for every other host. It runs the core <see cref="CheckSession"/> against the stored baseline
/// (mode <c>baseline</c>) or the event's base commit (mode <c>ab</c>), publishes, sets the step outputs, and turns
/// every error into an error annotation and exit code 2.
/// </summary>
internal static class ActionCommand
{
    public static Command Create(CliContext context, string[] commandLine)
    {
        var command = new Command("action", "Run as the BenchGate GitHub Action's check step: inputs from INPUT_* environment variables (see action.yml)");
        command.SetAction(async (_, cancellationToken) =>
        {
            try
            {
                return await RunAsync(context, commandLine, cancellationToken).ConfigureAwait(false);
            }
            catch (GateException e)
            {
                await context.Out.WriteLineAsync("::error title=BenchGate::" + WorkflowCommand.EscapeData(e.Message)).ConfigureAwait(false);
                await context.Err.WriteLineAsync("benchgate: " + e.Message).ConfigureAwait(false);
                return (int)ExitCodes.Error;
            }
        });
        return command;
    }

    /// <summary>The environment variable of input <paramref name="input"/>.</summary>
    public static string Variable(string input) => "INPUT_" + input.Replace('-', '_').ToUpperInvariant();

    /// <summary>The inputs that are settings, as a layer: only those the workflow set.</summary>
    public static SettingLayer Layer(Func<string, string?> environment)
    {
        var layer = SettingLayer.Of(SettingHost.Action);
        foreach (var setting in Settings.All.Where(s => s.ActionInput is not null))
        {
            var value = environment(Variable(setting.ActionInput!));
            layer = setting == Settings.Packages
                ? layer.WithList(setting, value?.Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries))
                : layer.With(setting, value);
        }
        return layer;
    }

    private static async Task<int> RunAsync(CliContext context, string[] commandLine, CancellationToken cancellationToken)
    {
        var input = (string name) => context.Environment(Variable(name)) is { Length: > 0 } value ? value.Trim() : null;
        var comment = Flag(input("comment"), "comment", true);
        var checkRun = Flag(input("check-run"), "check-run", false);
        var mode = input("mode") ?? "baseline";
        if (mode is not ("baseline" or "ab"))
        {
            throw ToolHost.Usage($"input mode must be baseline or ab (got '{mode}')");
        }
        var baseSha = context.Environment("BENCHGATE_BASE_SHA");
        if (mode == "ab" && string.IsNullOrEmpty(baseSha))
        {
            throw ToolHost.Usage("mode ab needs a pull_request or push event (no base commit to compare with)");
        }
        var gate = input("gate-name") ?? SettingDefaults.GateName;
        StickyComment.ValidateGateName(gate);

        var github = GitHubContext.FromEnvironment(context.Environment);
        var redactor = SecretRedactor.For(github.Token);
        using var stdout = new RedactingTextWriter(context.Out, redactor);
        using var stderr = new RedactingTextWriter(context.Err, redactor);
        var quiet = context with { Out = stdout, Err = stderr };
        var settings = ToolHost.Settings(quiet, Layer(context.Environment));

        var report = Path.Combine(context.Environment("RUNNER_TEMP") ?? Path.GetTempPath(), $"benchgate-{gate.Replace('/', '-')}.md");
        if (github.OutputPath is { } outputs)
        {
            AtomicFile.EnsureWritable(outputs);
            await File.AppendAllTextAsync(outputs, $"report-path={report}\n", cancellationToken).ConfigureAwait(false);
        }
        var request = new CheckRequest(settings, mode == "ab" ? CheckReference.Revision(baseSha!) : CheckReference.StoredBaseline)
        {
            GateName = gate,
            CommandLine = commandLine,
            Report = new ReportFile(report, report, "markdown"),
            Publish = new PublishWishes(gate, comment, checkRun),
        };
        var publisher = new GitHubCheckPublisher(github, stdout, stderr, context.WorkingDirectory);
        var result = await new CheckSession(ToolHost.Services(quiet, publisher)).RunAsync(request, cancellationToken).ConfigureAwait(false);
        var tally = result.Comparison is { } outcome ? gate == SettingDefaults.GateName ? outcome.Report.Tally() : outcome.Headline(gate) : "";
        return await CheckOptions.FinishAsync(result, gate, quiet, tally).ConfigureAwait(false);
    }

    /// <summary>A true/false input; empty gives <paramref name="fallback"/>.</summary>
    private static bool Flag(string? text, string input, bool fallback) => text switch
    {
        null => fallback,
        "true" => true,
        "false" => false,
        _ => throw ToolHost.Usage($"input {input} must be true or false (got '{text}')"),
    };
}
