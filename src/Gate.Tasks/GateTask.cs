using Microsoft.Build.Framework;

namespace Gate.Tasks;

/// <summary>
/// The shape of BenchGate's tasks: <see cref="Execute"/> runs <see cref="ExecuteCore"/> and turns the failures it
/// expects (<see cref="GateTaskError"/>, cancellation) into one MSBuild error each with a stable code; anything else
/// is a bug and is left to MSBuild to report. The task succeeds when nothing logged an error.
/// </summary>
public abstract class GateTask : Microsoft.Build.Utilities.Task, ICancelableTask
{
    private readonly Lock _gate = new();
    private Action? _cancel;
    private bool _cancelled;

    /// <inheritdoc />
    public sealed override bool Execute()
    {
        using var cancellation = new CancellationTokenSource();
        lock (_gate)
        {
            if (_cancelled)
            {
                cancellation.Cancel();
            }
            _cancel = cancellation.Cancel;
        }
        try
        {
            ExecuteCore(cancellation.Token);
        }
        catch (GateTaskError e)
        {
            Log.LogError(null, e.Code, null, null, 0, 0, 0, 0, "{0}", e.Message);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            Log.LogError(null, DiagnosticCodes.Cancelled, null, null, 0, 0, 0, 0, "BenchGate was cancelled before it finished");
        }
        finally
        {
            lock (_gate)
            {
                _cancel = null;
            }
        }
        return !Log.HasLoggedErrors;
    }

    /// <summary>Asks the running task to stop: the processes it started are killed.</summary>
    public void Cancel()
    {
        lock (_gate)
        {
            _cancelled = true;
            _cancel?.Invoke();
        }
    }

    /// <summary>The task's work; expected failures are <see cref="GateTaskError"/>s.</summary>
    protected abstract void ExecuteCore(CancellationToken cancellationToken);

    /// <summary>Logs a message, warning or error at a source line (file null: the project).</summary>
    protected void Report(Finding finding)
    {
        var file = finding.File;
        var line = finding.Line;
        switch (finding.Level)
        {
            case FindingLevel.Error:
                Log.LogError(null, finding.Code, null, file, line, 0, 0, 0, "{0}", finding.Message);
                break;
            case FindingLevel.Warning:
                Log.LogWarning(null, finding.Code, null, file, line, 0, 0, 0, "{0}", finding.Message);
                break;
            default:
                Log.LogMessage(null, finding.Code, null, file, line, 0, 0, 0, MessageImportance.High, "{0}", finding.Message);
                break;
        }
    }
}
