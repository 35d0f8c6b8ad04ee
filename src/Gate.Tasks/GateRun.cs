using Gate.Baselines.Checking;
using Gate.Core;
using Gate.Core.Checking;
using Gate.Core.Config;
using Gate.Core.Processes;
using Gate.Core.Running;

namespace Gate.Tasks;

/// <summary>What the gate needs from its host: processes, environment variables, and where its messages go.</summary>
/// <param name="Processes">Starts go, valgrind, perf, git.</param>
/// <param name="Environment">Reads environment variables.</param>
/// <param name="Progress">Low-importance progress lines.</param>
/// <param name="Note">Lines worth a warning (<see cref="DiagnosticCodes.MeasurementNote"/>); may be called from several threads.</param>
public sealed record GateHost(IProcessRunner Processes, Func<string, string?> Environment, Action<string> Progress, Action<string> Note);

/// <summary>What the gate concluded, for the task to log.</summary>
/// <param name="Check">The comparison with the baseline and the verdict.</param>
/// <param name="Findings">What to log, in order.</param>
/// <param name="ReportPath">The report written, or null.</param>
public sealed record GateOutcome(CheckOutcome Check, IReadOnlyList<Finding> Findings, string? ReportPath);

/// <summary>
/// The gate in process: the core <see cref="CheckSession"/> against the stored baseline, its result mapped to MSBuild
/// diagnostics — errors by kind to their BG codes, "no comparable baseline" to BG2005, the comparison to findings.
/// </summary>
public static class GateRun
{
    /// <summary>The gate's name in reports.</summary>
    public const string GateName = SettingDefaults.GateName;

    /// <summary>Runs the gate with <paramref name="settings"/>, writing the Markdown report to <paramref name="reportPath"/> (absolute) when given.</summary>
    public static async Task<GateOutcome> RunAsync(GateSettings settings, string projectDirectory, string? reportPath, GateHost host, CancellationToken cancellationToken)
    {
        var request = new CheckRequest(settings, CheckReference.StoredBaseline)
        {
            CommandLine = ["msbuild", "BenchGate"],
            Report = reportPath is null ? null : new ReportFile(reportPath, reportPath, "markdown"),
        };
        var services = new CheckServices(host.Processes, host.Environment, projectDirectory)
        {
            OpenStore = (store, baseDirectory) => StoredBaselineSides.Open(store, baseDirectory, host.Processes, host.Environment),
            Observer = new LogObserver(host),
        };
        CheckResult result;
        try
        {
            if (reportPath is not null)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(reportPath)!);
            }
            result = await new CheckSession(services).RunAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (GateException e)
        {
            throw GateTaskError.From(e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new GateTaskError(DiagnosticCodes.ReportFailed, $"cannot create the report's directory: {e.Message}", e);
        }
        if (result.Comparison is not { } outcome)
        {
            throw new GateTaskError(DiagnosticCodes.NoBaseline, result.Missing!.Explanation);
        }
        return new GateOutcome(outcome, GateFindings.From(result, settings.FailOn), result.ReportPath);
    }

    /// <summary>Progress as low-importance lines, notes as BG2007 warnings (reported on the caller's thread: a task must log before Execute returns).</summary>
    private sealed class LogObserver(GateHost host) : ICheckObserver
    {
        public void Report(RunProgress value)
        {
            if (value.Done < value.Total && value.Current.Length > 0)
            {
                host.Progress($"{value.Stage} [{value.Done + 1}/{value.Total}] {value.Current}");
            }
        }

        public void Warn(string line) => host.Note(line);

        public void MeasuringFinished()
        {
        }
    }
}
