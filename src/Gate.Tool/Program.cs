namespace Gate.Tool;

/// <summary>The <c>benchgate</c> entry point: forwards to <see cref="Cli.RunAsync"/>.</summary>
public static class Program
{
    /// <summary>Runs benchgate with the process's console.</summary>
    public static async Task<int> Main(string[] args)
    {
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        var context = new CliContext(Console.Out, Console.Error, !Console.IsErrorRedirected, Directory.GetCurrentDirectory(), cancel.Token) { OutIsTerminal = !Console.IsOutputRedirected, In = Console.In };
        return await Cli.RunAsync(context, args).ConfigureAwait(false);
    }
}
