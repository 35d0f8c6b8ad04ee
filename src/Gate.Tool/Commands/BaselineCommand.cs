using System.CommandLine;

namespace Gate.Tool.Commands;

/// <summary><c>benchgate baseline update|show|list|history|prune</c>: store, read and inspect baselines and their history.</summary>
internal static class BaselineCommand
{
    public static Command Create(CliContext context, string[] commandLine) =>
        new("baseline", "Store, read and inspect baselines and their history")
        {
            BaselineUpdateCommand.Create(context, commandLine),
            BaselineShowCommand.Create(context),
            BaselineListCommand.Create(context),
            BaselineHistoryCommand.Create(context),
            BaselinePruneCommand.Create(context),
        };
}
