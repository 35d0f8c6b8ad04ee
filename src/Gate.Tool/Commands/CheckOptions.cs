using System.CommandLine;
using Gate.Core.Checking;
using Gate.Core.Config;

namespace Gate.Tool.Commands;

/// <summary>The flags of the commands that compare and decide (<c>check</c>, <c>ab</c>): what is measured, the report, the policy.</summary>
internal class CheckOptions
{
    public MeasureOptions Measure { get; } = new();

    public Option<string> Format { get; } = new("--format") { Description = "Report format for --out: table | markdown | json", DefaultValueFactory = _ => "markdown" };

    public Option<string?> Out { get; } = new("--out") { Description = "Write the report to FILE (atomically); the table always goes to stdout" };

    public Option<string?> FailOn { get; } = new("--fail-on") { Description = "regression (default): exit 1 on a regression | never: report only" };

    public Option<string?> SaveResults { get; } = new("--save-results")
    {
        Description = "Also write both sides' results to DIR/base.json and DIR/head.json (each with its own gitCommit), for compare or baseline update",
    };

    public CheckOptions()
    {
        Format.AcceptOnlyFromAmong("table", "markdown", "json");
    }

    /// <summary>Adds the flags to <paramref name="command"/>.</summary>
    public virtual void AddTo(Command command)
    {
        foreach (var option in new Option[] { Format, Out, FailOn, SaveResults })
        {
            command.Options.Add(option);
        }
        Measure.AddTo(command);
    }

    /// <summary>The command line's settings.</summary>
    public virtual SettingLayer Layer(ParseResult parse) => Measure.Layer(parse).With(Settings.FailOn, parse.GetValue(FailOn));

    /// <summary>The request of a check of <paramref name="settings"/> against <paramref name="reference"/>, with the report and saved results the flags ask for.</summary>
    public CheckRequest Request(ParseResult parse, CliContext context, GateSettings settings, CheckReference reference, IReadOnlyList<string> commandLine) =>
        new(settings, reference)
        {
            CommandLine = commandLine,
            Report = parse.GetValue(Out) is { } path ? new ReportFile(context.Resolve(path), path, parse.GetValue(Format)!) : null,
            SaveResults = parse.GetValue(SaveResults) is { } save ? (context.Resolve(save), save) : null,
        };

    /// <summary>Prints the outcome's table on stdout (when there was a comparison) and returns the exit code.</summary>
    public static async Task<int> FinishAsync(CheckResult result, string gateName, CliContext context, string tallyLine)
    {
        if (result.Comparison is { } outcome)
        {
            await context.Out.WriteAsync(CheckReport.Table(outcome, gateName, ToolHost.Colour(context))).ConfigureAwait(false);
            await context.Err.WriteLineAsync("benchgate: " + tallyLine).ConfigureAwait(false);
        }
        return ToolHost.ExitCode(result, context);
    }
}
