using System.CommandLine;

namespace Gate.Tool.Commands;

/// <summary><c>benchgate baseline prune --keep N</c>: keeps the newest N history entries of each selected key.</summary>
internal static class BaselinePruneCommand
{
    public static Command Create(CliContext context)
    {
        var options = new BaselineOptions();
        var keep = new Option<int>("--keep") { Description = "History entries to keep per baseline (the newest)", Required = true };
        var command = new Command("prune", "Drop old history entries (all baselines, or those the filters select)") { keep };
        options.AddTo(command, keyFilters: true);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var count = parse.GetValue(keep);
            if (count < 1)
            {
                throw new Core.GateException($"--keep must be at least 1 (got {count})");
            }
            var store = options.OpenStore(parse, context);
            var keys = options.Selection(parse).Filter(await store.ListAsync(cancellationToken).ConfigureAwait(false));
            var total = 0;
            foreach (var key in keys)
            {
                var removed = await store.PruneAsync(key, count, cancellationToken).ConfigureAwait(false);
                total += removed;
                await context.Out.WriteLineAsync($"{key.Id} {key}: removed {removed} history entr{(removed == 1 ? "y" : "ies")}").ConfigureAwait(false);
            }
            await context.Err.WriteLineAsync($"benchgate: pruned {keys.Count} baseline(s) in {store.Name}: {total} history entries removed, the newest {count} kept").ConfigureAwait(false);
            return (int)ExitCodes.Success;
        });
        return command;
    }
}
