using System.Text.Json.Serialization;
using Gate.Core.Processes;

namespace Gate.Core.Doctor;

/// <summary>How a doctor finding looks for measuring.</summary>
public enum DoctorStatus
{
    /// <summary>Present and usable.</summary>
    [JsonStringEnumMemberName("ok")] Ok,

    /// <summary>Missing or limited, but BenchGate can still measure (another backend, fewer events).</summary>
    [JsonStringEnumMemberName("warn")] Warn,

    /// <summary>BenchGate cannot measure at all (no Go).</summary>
    [JsonStringEnumMemberName("fail")] Fail,
}

/// <summary>One line of the doctor's report.</summary>
/// <param name="Check">The check that found it, for example <c>perf events</c>.</param>
/// <param name="Item">What it is about, for example <c>cycles</c> or <c>version</c>.</param>
/// <param name="Status">ok, warn or fail.</param>
/// <param name="Value">The finding, for example <c>6.1.187</c> or <c>not supported</c>.</param>
/// <param name="Detail">Why, and what to do; null when there is nothing to add.</param>
public sealed record DoctorFinding(string Check, string Item, DoctorStatus Status, string Value, string? Detail = null);

/// <summary>What checks may use: the process runner and where to look for executables.</summary>
/// <param name="Processes">Runs the tools (go, perf, valgrind).</param>
/// <param name="SearchPath">A PATH value to look for tools on; null: this process's PATH.</param>
public sealed record DoctorContext(IProcessRunner Processes, string? SearchPath = null)
{
    /// <summary>The full path of <paramref name="tool"/> on <see cref="SearchPath"/>, or null.</summary>
    public string? Find(string tool) => ExecutableLookup.Find(tool, SearchPath);
}

/// <summary>
/// One small check of <c>benchgate doctor</c>. Every non-abstract class in Gate.Core that implements this
/// interface and has a public parameterless constructor is a check: adding one is adding one file.
/// </summary>
public interface IDoctorCheck
{
    /// <summary>Where its findings go in the report (smaller first); the built-in checks use 10, 20, 30….</summary>
    int Order { get; }

    /// <summary>The check's name, the first column of its findings.</summary>
    string Name { get; }

    /// <summary>Runs the check. A tool that is missing is a finding, not an exception.</summary>
    Task<IReadOnlyList<DoctorFinding>> RunAsync(DoctorContext context, CancellationToken cancellationToken);
}
