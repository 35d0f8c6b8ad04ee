using Gate.Core.Counters;

namespace Gate.Core.Doctor;

/// <summary>perf: present, its version and the output form BenchGate reads from it.</summary>
public sealed class PerfCheck : IDoctorCheck
{
    /// <inheritdoc />
    public int Order => 20;

    /// <inheritdoc />
    public string Name => "perf";

    /// <inheritdoc />
    public async Task<IReadOnlyList<DoctorFinding>> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        try
        {
            var tool = await PerfTool.LocateAsync(context.Processes, context.SearchPath, cancellationToken).ConfigureAwait(false);
            var form = tool.PreferredFormat == PerfOutputFormat.Json ? "-j (JSON)" : "-x, (CSV)";
            return [new DoctorFinding(Name, "version", DoctorStatus.Ok, tool.Version, $"{tool.Path}; BenchGate reads its {form} output")];
        }
        catch (GateException e)
        {
            return [new DoctorFinding(Name, "version", DoctorStatus.Warn, context.Find("perf") is null ? "not found on PATH" : "does not answer", e.Message)];
        }
    }
}
