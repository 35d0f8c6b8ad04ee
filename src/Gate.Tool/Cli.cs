using System.CommandLine;
using Gate.Core;
using Gate.Tool.Commands;

namespace Gate.Tool;

/// <summary>The command line: builds the commands, parses, runs, and maps every outcome to an exit code.</summary>
public static class Cli
{
    /// <summary>Runs benchgate with <paramref name="args"/>; never throws.</summary>
    public static async Task<int> RunAsync(CliContext context, string[] args)
    {
        var root = new RootCommand("benchgate: a benchmark regression gate for Go projects")
        {
            RunCommand.Create(context, args),
            MergeCommand.Create(context, args),
            DoctorCommand.Create(context),
            BaselineCommand.Create(context, args),
            CompareCommand.Create(context),
            CheckCommand.Create(context, args),
            HookCommand.Create(context, args),
            AbCommand.Create(context, args),
            ActionCommand.Create(context, args),
        };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await context.Err.WriteLineAsync("benchgate: " + error.Message).ConfigureAwait(false);
            }
            await context.Err.WriteLineAsync("Run 'benchgate --help' for usage.").ConfigureAwait(false);
            return (int)ExitCodes.Error;
        }
        try
        {
            var configuration = new InvocationConfiguration { Output = context.Out, Error = context.Err, EnableDefaultExceptionHandler = false };
            return await parse.InvokeAsync(configuration, context.Cancellation).ConfigureAwait(false);
        }
        catch (GateException e)
        {
            await context.Err.WriteLineAsync("benchgate: " + e.Message).ConfigureAwait(false);
            return (int)ExitCodes.Error;
        }
        catch (OperationCanceledException) when (context.Cancellation.IsCancellationRequested)
        {
            await context.Err.WriteLineAsync("benchgate: cancelled").ConfigureAwait(false);
            return (int)ExitCodes.Error;
        }
#pragma warning disable CA1031 // The CLI's last line of defence: a bug becomes one line and exit code 2, not a stack trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            await context.Err.WriteLineAsync($"benchgate: internal error: {e.GetType().Name}: {e.Message.Split('\n')[0]}").ConfigureAwait(false);
            if (Environment.GetEnvironmentVariable("BENCHGATE_DEBUG") == "1")
            {
                await context.Err.WriteLineAsync(e.ToString()).ConfigureAwait(false);
            }
            return (int)ExitCodes.Error;
        }
    }
}
