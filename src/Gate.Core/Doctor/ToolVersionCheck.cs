using System.Text.RegularExpressions;
using Gate.Core.Processes;

namespace Gate.Core.Doctor;

/// <summary>
/// A check that a tool is on PATH and answers its version command: the version is the first group of
/// <paramref name="pattern"/> in its output; a missing tool is a finding with status <paramref name="missing"/>.
/// </summary>
/// <param name="order">Where the finding goes in the report.</param>
/// <param name="tool">The executable, also the check's name.</param>
/// <param name="arguments">The arguments that make it print its version.</param>
/// <param name="pattern">A regular expression whose first group is the version in the tool's output.</param>
/// <param name="missing">The status when the tool is missing or does not answer.</param>
/// <param name="whatToDo">What to do when it is missing.</param>
public abstract class ToolVersionCheck(int order, string tool, IReadOnlyList<string> arguments, string pattern, DoctorStatus missing, string whatToDo) : IDoctorCheck
{
    /// <inheritdoc />
    public int Order => order;

    /// <inheritdoc />
    public string Name => tool;

    /// <inheritdoc />
    public async Task<IReadOnlyList<DoctorFinding>> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var path = context.Find(tool);
        if (path is null)
        {
            return [new DoctorFinding(Name, "version", missing, "not found on PATH", whatToDo)];
        }
        var outcome = await context.Processes.RunAsync(new ProcessSpec(path, arguments, Timeout: TimeSpan.FromSeconds(30)), cancellationToken).ConfigureAwait(false);
        var match = Regex.Match(outcome.Stdout + "\n" + outcome.Stderr, pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
        return outcome.Succeeded && match.Success
            ? [new DoctorFinding(Name, "version", DoctorStatus.Ok, match.Groups[1].Value, path)]
            : [new DoctorFinding(Name, "version", missing, "does not answer", $"{path} {string.Join(' ', arguments)}: {outcome.FirstLines(1)}")];
    }
}
