using System.Diagnostics;
using System.Globalization;
using Gate.Core.Running;

namespace Gate.Tool;

/// <summary>
/// Shows run progress on stderr: on a terminal one line updated in place; otherwise a line when a stage
/// starts and then at most every few seconds, so that CI logs stay short.
/// </summary>
internal sealed class ProgressPrinter(TextWriter err, bool isTerminal) : IProgress<RunProgress>
{
    private static readonly TimeSpan LogInterval = TimeSpan.FromSeconds(5);
    private readonly Stopwatch _sinceLast = Stopwatch.StartNew();
    private string _stage = "";
    private bool _lineOpen;

    public void Report(RunProgress value)
    {
        var stageChanged = value.Stage != _stage;
        _stage = value.Stage;
        var line = Format(value);
        if (isTerminal)
        {
            err.Write("\r\u001b[K" + line);
            _lineOpen = true;
            return;
        }
        if (stageChanged || _sinceLast.Elapsed >= LogInterval || (value.Done == value.Total && value.Total > 0))
        {
            if (stageChanged || value.Done < value.Total)
            {
                err.WriteLine(line);
            }
            _sinceLast.Restart();
        }
    }

    /// <summary>Ends the in-place line, if any.</summary>
    public void Finish()
    {
        if (_lineOpen)
        {
            err.Write("\r\u001b[K");
            _lineOpen = false;
        }
    }

    private static string Format(RunProgress value)
    {
        var eta = value.Remaining is { } remaining ? $", ETA {Math.Ceiling(remaining.TotalSeconds).ToString(CultureInfo.InvariantCulture)}s" : "";
        var current = value.Current.Length > 0 ? " " + value.Current : "";
        return $"benchgate: {value.Stage} [{value.Done}/{value.Total}]{current}{eta}";
    }
}
