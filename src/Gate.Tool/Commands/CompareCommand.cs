using System.CommandLine;
using Gate.Core.Config;
using Gate.Core.IO;
using Gate.Core.Reading;
using Gate.Core.Reporting;
using Gate.Core.Statistics;

namespace Gate.Tool.Commands;

/// <summary><c>benchgate compare OLD NEW</c>: compares two sets of results and prints verdicts.</summary>
internal static class CompareCommand
{
    public static Command Create(CliContext context)
    {
        var oldSide = new Argument<string>("old")
        {
            Description = "Old side: a results JSON or Go benchmark text file; several files of one side joined with commas (a.txt,b.txt) are pooled",
        };
        var newSide = new Argument<string>("new") { Description = "New side: as OLD" };
        var format = new Option<string>("--format") { Description = "table | markdown | json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "markdown", "json");
        var output = new Option<string?>("--out") { Description = "Write the report to FILE (atomically); the table still goes to stdout" };
        var failOn = new Option<string?>("--fail-on") { Description = "regression (default): exit 1 when a regression is found | never: always exit 0" };
        var config = new Option<string?>("--config") { Description = "Configuration file (default: benchgate.json in the working directory, when present)" };

        var command = new Command("compare", "Compare two sets of benchmark results: regressions, improvements, unchanged (exit 0 none, 1 regression, 2 error)")
        {
            oldSide, newSide, format, output, failOn, config,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var outPath = parse.GetValue(output);
            if (outPath is not null)
            {
                AtomicFile.EnsureWritable(context.Resolve(outPath));
            }
            var settings = ToolHost.Settings(context, SettingLayer.Of(SettingHost.CommandLine).With(Settings.Config, parse.GetValue(config)).With(Settings.FailOn, parse.GetValue(failOn)));
            var options = settings.Compare;
            var old = ComparisonInput.Load(Paths(context, parse.GetValue(oldSide)!), "old");
            var @new = ComparisonInput.Load(Paths(context, parse.GetValue(newSide)!), "new");
            ComparisonInput.CheckUnits(old, @new);

            var report = ComparisonEngine.Compare(old, @new, options);

            var chosen = parse.GetValue(format)!;
            var colour = context.OutIsTerminal && context.Environment("NO_COLOR") is null;
            var text = Render(report, chosen, colour && outPath is null);
            if (outPath is null)
            {
                await context.Out.WriteAsync(text).ConfigureAwait(false);
            }
            else
            {
                AtomicFile.WriteAllText(context.Resolve(outPath), text);
                if (chosen != "table")
                {
                    await context.Out.WriteAsync(ComparisonTable.Render(report, colour)).ConfigureAwait(false);
                }
                await context.Err.WriteLineAsync($"benchgate: wrote the {chosen} report to {outPath}").ConfigureAwait(false);
            }
            return GateDecision.Fails(report, settings.FailOn) ? (int)ExitCodes.Regression : (int)ExitCodes.Success;
        });
        return command;
    }

    private static string Render(ComparisonReport report, string format, bool colour) => format switch
    {
        "markdown" => ComparisonMarkdown.Render(report),
        "json" => ComparisonJson.Serialize(report),
        _ => ComparisonTable.Render(report, colour),
    };

    private static List<string> Paths(CliContext context, string side) =>
        [.. side.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(context.Resolve)];
}
