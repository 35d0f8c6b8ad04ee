using System.CommandLine;
using Gate.Core.Doctor;

namespace Gate.Tool.Commands;

/// <summary><c>benchgate doctor</c>: what this machine can measure (Go, perf and its events, valgrind).</summary>
internal static class DoctorCommand
{
    public static Command Create(CliContext context)
    {
        var format = new Option<string>("--format") { Description = "table | json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("doctor", "Show what this machine can measure: Go, perf and its events, valgrind") { format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var report = await Doctor.RunAsync(new DoctorContext(context.Processes), cancellationToken: cancellationToken).ConfigureAwait(false);
            await context.Out.WriteAsync(parse.GetValue(format) == "json" ? report.ToJson() : report.ToTable()).ConfigureAwait(false);
            return (int)(report.HasFailure ? ExitCodes.Error : ExitCodes.Success);
        });
        return command;
    }
}
