using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Gate.Core.Processes;

/// <summary>A process to start: the only way Gate.Core runs other programs.</summary>
/// <param name="FileName">Executable (a path, or a name looked up on PATH).</param>
/// <param name="Arguments">Arguments, passed without a shell.</param>
/// <param name="WorkingDirectory">Working directory, or null for the current one.</param>
/// <param name="Environment">Variables to set (a null value removes the variable).</param>
/// <param name="Timeout">Kill the process tree after this long; null waits forever.</param>
public sealed record ProcessSpec(
    string FileName,
    IReadOnlyList<string> Arguments,
    string? WorkingDirectory = null,
    IReadOnlyDictionary<string, string?>? Environment = null,
    TimeSpan? Timeout = null)
{
    /// <summary>The command as one line, for messages.</summary>
    public override string ToString() => string.Join(' ', new[] { FileName }.Concat(Arguments.Select(Quote)));

    private static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsLetterOrDigit(c) || "-_./=:,^$".Contains(c, StringComparison.Ordinal)) ? argument : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}

/// <summary>How a process ended.</summary>
public sealed record ProcessOutcome(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed, bool TimedOut)
{
    /// <summary>True when the process exited with code 0 in time.</summary>
    public bool Succeeded => ExitCode == 0 && !TimedOut;

    /// <summary>The first <paramref name="count"/> non-empty lines of stderr, else of stdout.</summary>
    public string FirstLines(int count = 5)
    {
        var text = Stderr.Trim().Length > 0 ? Stderr : Stdout;
        return string.Join('\n', text.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).Take(count));
    }
}

/// <summary>Runs processes. An interface so that callers can be tested around it; the real one is <see cref="ProcessRunner"/>.</summary>
public interface IProcessRunner
{
    /// <summary>Runs the process to completion and captures its output.</summary>
    /// <exception cref="GateException">The executable does not exist.</exception>
    Task<ProcessOutcome> RunAsync(ProcessSpec spec, CancellationToken cancellationToken = default);
}

/// <summary>Starts real processes, captures stdout and stderr, kills the whole tree on timeout or cancellation.</summary>
public sealed class ProcessRunner : IProcessRunner
{
    /// <inheritdoc />
    public async Task<ProcessOutcome> RunAsync(ProcessSpec spec, CancellationToken cancellationToken = default)
    {
        var info = new ProcessStartInfo(spec.FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in spec.Arguments)
        {
            info.ArgumentList.Add(argument);
        }
        if (spec.WorkingDirectory is not null)
        {
            info.WorkingDirectory = spec.WorkingDirectory;
        }
        if (spec.Environment is not null)
        {
            foreach (var (name, value) in spec.Environment)
            {
                if (value is null)
                {
                    info.Environment.Remove(name);
                }
                else
                {
                    info.Environment[name] = value;
                }
            }
        }

        using var process = new Process { StartInfo = info };
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(stderr, e.Data);
        var watch = Stopwatch.StartNew();
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new GateException($"{spec.FileName}: cannot start ({e.Message})", e);
        }
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = spec.Timeout is { } limit ? new CancellationTokenSource(limit) : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            KillTree(process);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            timedOut = true;
        }
        // WaitForExitAsync returns after the output streams reached end of file.
        return new ProcessOutcome(process.ExitCode, Text(stdout), Text(stderr), watch.Elapsed, timedOut);
    }

    private static void Append(StringBuilder builder, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (builder)
        {
            builder.Append(line).Append('\n');
        }
    }

    private static string Text(StringBuilder builder)
    {
        lock (builder)
        {
            return builder.ToString();
        }
    }

    private static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
