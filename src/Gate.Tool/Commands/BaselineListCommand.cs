using System.CommandLine;
using Gate.Baselines.Storage;

namespace Gate.Tool.Commands;

/// <summary><c>benchgate baseline list</c>: every stored key with its history length.</summary>
internal static class BaselineListCommand
{
    public static Command Create(CliContext context)
    {
        var options = new BaselineOptions();
        var command = new Command("list", "List the stored baselines (one per repository, branch, backend and environment)");
        options.AddTo(command, keyFilters: false);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var store = options.OpenStore(parse, context);
            var rows = await BaselineListing.ReadAsync(store, cancellationToken).ConfigureAwait(false);
            await context.Out.WriteAsync(BaselineListing.Render(store.Name, rows)).ConfigureAwait(false);
            return (int)ExitCodes.Success;
        });
        return command;
    }
}
