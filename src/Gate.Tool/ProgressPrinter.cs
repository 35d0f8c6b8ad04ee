using System.Globalization;
using Gate.Core.Running;

namespace Gate.Tool;

/// <summary>
/// Shows run progress on stderr: on a terminal one line updated in place; otherwise a line when a stage starts and
/// then one at each tenth of the stage, so that CI logs stay short and show the same lines on any machine.
/// </summary>
internal sealed class ProgressPrinter(TextWriter err, bool isTerminal) : IProgress<RunProgress>
{
    private string _stage = "";
    private int _tenth = -1;
    private bool _lineOpen;

    public void Report(RunProgress value)
    {
        var line = Format(value);
        if (isTerminal)
        {
            err.Write("\r\u001b[K" + line);
            _lineOpen = true;
            return;
        }
        var tenth = value.Total > 0 ? value.Done * 10 / value.Total : 0;
        if (value.Stage != _stage)
        {
            _stage = value.Stage;
            _tenth = tenth;
            err.WriteLine(line);
        }
        else if (tenth > _tenth && value.Done < value.Total)
        {
            _tenth = tenth;
            err.WriteLine(line);
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
