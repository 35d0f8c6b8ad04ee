using Gate.Core.Checking;
using Gate.Core.Running;

namespace Gate.Tool;

/// <summary>A check's progress and notes on stderr: progress through <see cref="ProgressPrinter"/>, notes as <c>benchgate: …</c> lines.</summary>
internal sealed class ConsoleObserver(CliContext context) : ICheckObserver
{
    private readonly ProgressPrinter _progress = new(context.Err, context.ErrIsTerminal);
    private readonly Lock _lock = new();

    public void Report(RunProgress value)
    {
        lock (_lock)
        {
            _progress.Report(value);
        }
    }

    public void Warn(string line)
    {
        lock (_lock)
        {
            _progress.Finish();
            context.Err.WriteLine("benchgate: " + line);
        }
    }

    public void MeasuringFinished()
    {
        lock (_lock)
        {
            _progress.Finish();
        }
    }
}
