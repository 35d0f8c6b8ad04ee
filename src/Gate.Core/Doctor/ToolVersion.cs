using System.Text.RegularExpressions;
using Gate.Core.Running;

namespace Gate.Core.Doctor;

/// <summary>A tool's version as a doctor finding: found on PATH and answering its version command, or not.</summary>
public static class ToolVersion
{
    /// <summary>
    /// Runs <paramref name="tool"/> with <paramref name="arguments"/> and reports the first group of
    /// <paramref name="pattern"/> in its output as the version; a missing tool is a finding with <paramref name="missing"/>.
    /// </summary>
    public static async Task<DoctorFinding> FindAsync(
        DoctorContext context, string check, string tool, IReadOnlyList<string> arguments, Regex pattern, DoctorStatus missing, string whatToDo, CancellationToken cancellationToken)
    {
        var path = context.Find(tool);
        if (path is null)
        {
            return new DoctorFinding(check, "version", missing, "not found on PATH", whatToDo);
        }
        var outcome = await context.Processes.RunAsync(new ProcessSpec(path, arguments, Timeout: TimeSpan.FromSeconds(30)), cancellationToken).ConfigureAwait(false);
        var match = pattern.Match(outcome.Stdout + "\n" + outcome.Stderr);
        return outcome.Succeeded && match.Success
            ? new DoctorFinding(check, "version", DoctorStatus.Ok, match.Groups[1].Value, path)
            : new DoctorFinding(check, "version", missing, "does not answer", $"{path} {string.Join(' ', arguments)}: {outcome.FirstLines(1)}");
    }
}
