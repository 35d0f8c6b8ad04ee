using System.Collections;
using System.Text;
using Microsoft.Build.Framework;

namespace Gate.TestUtilities;

/// <summary>
/// An MSBuild engine for running a task object in a test: records every error, warning and message (thread-safe:
/// tasks may log from worker threads), and renders them as MSBuild would print them in <see cref="Log"/>.
/// </summary>
public sealed class MockEngine : IBuildEngine
{
    private readonly Lock _gate = new();
    private readonly List<BuildErrorEventArgs> _errors = [];
    private readonly List<BuildWarningEventArgs> _warnings = [];
    private readonly List<BuildMessageEventArgs> _messages = [];
    private readonly StringBuilder _log = new();

    public IReadOnlyList<BuildErrorEventArgs> Errors
    {
        get
        {
            lock (_gate)
            {
                return [.. _errors];
            }
        }
    }

    public IReadOnlyList<BuildWarningEventArgs> Warnings
    {
        get
        {
            lock (_gate)
            {
                return [.. _warnings];
            }
        }
    }

    public IReadOnlyList<BuildMessageEventArgs> Messages
    {
        get
        {
            lock (_gate)
            {
                return [.. _messages];
            }
        }
    }

    /// <summary>Everything logged, one line per event, errors and warnings in MSBuild's <c>file(line): error CODE: message</c> form.</summary>
    public string Log
    {
        get
        {
            lock (_gate)
            {
                return _log.ToString();
            }
        }
    }

    public bool ContinueOnError => false;

    public int LineNumberOfTaskNode => 0;

    public int ColumnNumberOfTaskNode => 0;

    public string ProjectFileOfTaskNode => "test.proj";

    public void LogErrorEvent(BuildErrorEventArgs e)
    {
        lock (_gate)
        {
            _errors.Add(e);
            _log.Append(Located(e.File, e.LineNumber)).Append("error ").Append(e.Code).Append(": ").Append(e.Message).Append('\n');
        }
    }

    public void LogWarningEvent(BuildWarningEventArgs e)
    {
        lock (_gate)
        {
            _warnings.Add(e);
            _log.Append(Located(e.File, e.LineNumber)).Append("warning ").Append(e.Code).Append(": ").Append(e.Message).Append('\n');
        }
    }

    public void LogMessageEvent(BuildMessageEventArgs e)
    {
        lock (_gate)
        {
            _messages.Add(e);
            _log.Append(e.Code is null ? "" : e.Code + ": ").Append(e.Message).Append('\n');
        }
    }

    public void LogCustomEvent(CustomBuildEventArgs e)
    {
        lock (_gate)
        {
            _log.Append(e.Message).Append('\n');
        }
    }

    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) =>
        throw new NotSupportedException("MockEngine builds no projects");

    private static string Located(string? file, int line) =>
        string.IsNullOrEmpty(file) ? "" : line > 0 ? $"{file}({line}): " : file + ": ";
}
