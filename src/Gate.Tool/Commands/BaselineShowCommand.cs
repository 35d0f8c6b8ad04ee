using System.CommandLine;
using Gate.Baselines.Storage;

namespace Gate.Tool.Commands;

/// <summary><c>benchgate baseline show</c>: one stored baseline, as a table or as its JSON file.</summary>
internal static class BaselineShowCommand
{
    public static Command Create(CliContext context)
    {
        var options = new BaselineOptions();
        var format = new Option<string>("--format") { Description = "table | json (the baseline file)", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("show", "Show a stored baseline") { format };
        options.AddTo(command, keyFilters: true);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var store = options.OpenStore(parse, context);
            var key = options.Selection(parse).Single(await store.ListAsync(cancellationToken).ConfigureAwait(false), store.Name);
            var baseline = await store.ReadAsync(key, cancellationToken).ConfigureAwait(false)
                ?? throw new Core.GateException($"{store.Name}: the baseline of {key} disappeared while reading it");
            var history = await store.ReadHistoryAsync(key, cancellationToken).ConfigureAwait(false);
            var text = parse.GetValue(format) == "json" ? BaselineFile.Serialize(baseline) : BaselineListing.Show(baseline, history.Count);
            await context.Out.WriteAsync(text).ConfigureAwait(false);
            return (int)ExitCodes.Success;
        });
        return command;
    }
}
