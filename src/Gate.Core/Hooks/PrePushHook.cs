using System.Text;

namespace Gate.Core.Hooks;

/// <summary>What <see cref="PrePushHook.Install"/> or <see cref="PrePushHook.Uninstall"/> did.</summary>
/// <param name="HookPath">The pre-push hook file.</param>
/// <param name="Message">One line for the user.</param>
public sealed record HookChange(string HookPath, string Message);

/// <summary>
/// The git <c>pre-push</c> hook that runs <c>benchgate hook pre-push</c>. A foreign hook already there is never
/// overwritten (unless forced): it is kept under <c>pre-push.benchgate-chained</c> and run first, with the same
/// arguments and standard input. Uninstall removes exactly what install added and puts a chained hook back.
/// </summary>
public static class PrePushHook
{
    /// <summary>The first line after the shebang that marks a hook as BenchGate's.</summary>
    public const string Marker = "# benchgate pre-push hook: installed by `benchgate hook install`, removed by `benchgate hook uninstall`";

    /// <summary>Suffix of a foreign hook kept and chained.</summary>
    public const string ChainedSuffix = ".benchgate-chained";

    /// <summary>Installs the hook into <paramref name="hooksDirectory"/>.</summary>
    /// <param name="hooksDirectory">The repository's hooks directory (<c>git rev-parse --git-path hooks</c>).</param>
    /// <param name="command">How the hook calls BenchGate, for example <c>benchgate</c> or an absolute path.</param>
    /// <param name="arguments">Options passed on to <c>benchgate hook pre-push</c> (quoted for sh here).</param>
    /// <param name="force">Replace a foreign hook instead of chaining it.</param>
    public static HookChange Install(string hooksDirectory, string command, IReadOnlyList<string> arguments, bool force)
    {
        Directory.CreateDirectory(hooksDirectory);
        var hook = Path.Combine(hooksDirectory, "pre-push");
        var chained = hook + ChainedSuffix;
        var message = "installed the BenchGate pre-push hook in " + hook;
        if (File.Exists(hook) && !IsOurs(hook))
        {
            if (File.Exists(chained))
            {
                throw new GateException($"cannot install: both {hook} (not BenchGate's) and {chained} exist; remove one of them");
            }
            if (force)
            {
                message += " (replaced the existing hook: --force)";
                File.Delete(hook);
            }
            else
            {
                File.Move(hook, chained);
                message += $" (the existing hook runs first, kept as {Path.GetFileName(chained)})";
            }
        }
        IO.AtomicFile.WriteAllText(hook, Script(command, arguments, File.Exists(chained)));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(hook, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
        return new HookChange(hook, message);
    }

    /// <summary>Removes the hook install added, and restores a chained foreign hook.</summary>
    public static HookChange Uninstall(string hooksDirectory)
    {
        var hook = Path.Combine(hooksDirectory, "pre-push");
        var chained = hook + ChainedSuffix;
        if (!File.Exists(hook) || !IsOurs(hook))
        {
            throw new GateException(File.Exists(hook)
                ? $"{hook} is not BenchGate's hook; left as it is"
                : $"no pre-push hook in {hooksDirectory}; nothing to uninstall");
        }
        File.Delete(hook);
        if (File.Exists(chained))
        {
            File.Move(chained, hook);
            return new HookChange(hook, $"removed the BenchGate pre-push hook and restored the previous one in {hook}");
        }
        return new HookChange(hook, "removed the BenchGate pre-push hook " + hook);
    }

    /// <summary>True when <paramref name="hook"/> was written by <see cref="Install"/>.</summary>
    public static bool IsOurs(string hook) => File.ReadLines(hook).Take(3).Any(l => l == Marker);

    /// <summary>The hook script: POSIX sh, standard input saved once and given to the chained hook and to BenchGate.</summary>
    public static string Script(string command, IReadOnlyList<string> arguments, bool chain)
    {
        var script = new StringBuilder();
        script.Append("#!/bin/sh\n").Append(Marker).Append('\n');
        script.Append("# Skip it once with: git push --no-verify\n");
        script.Append("input=$(cat)\n");
        if (chain)
        {
            script.Append("chained=\"$(dirname \"$0\")/pre-push").Append(ChainedSuffix).Append("\"\n");
            script.Append("if [ -x \"$chained\" ]; then\n");
            script.Append("  printf '%s\\n' \"$input\" | \"$chained\" \"$@\" || exit $?\n");
            script.Append("fi\n");
        }
        script.Append("printf '%s\\n' \"$input\" | ").Append(Quote(command)).Append(" hook pre-push");
        foreach (var argument in arguments)
        {
            script.Append(' ').Append(Quote(argument));
        }
        script.Append(" -- \"$@\"\n");
        return script.ToString();
    }

    private static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
