using Gate.Core.GoBench;
using Gate.Core.Processes;

namespace Gate.Core.Measurement;

/// <summary>Says why a test binary run failed, from its exit and its output: a message with the first lines.</summary>
public static class BenchmarkFailures
{
    /// <summary>Null when the run succeeded; else what went wrong, with the first lines of the relevant output.</summary>
    public static string? Describe(GoBenchFile file, ProcessOutcome outcome)
    {
        if (outcome.TimedOut)
        {
            return $"timed out after {outcome.Elapsed.TotalSeconds:0} s";
        }
        var failed = file.Failures.FirstOrDefault(f => f.Kind != GoBenchFailureKind.Skipped);
        if (failed is not null)
        {
            var what = failed.Kind == GoBenchFailureKind.Panicked ? "panicked" : "failed";
            var detail = failed.Kind == GoBenchFailureKind.Panicked && outcome.Stderr.Length > 0 ? outcome.FirstLines(5) : failed.Detail;
            return $"{what}: {detail}";
        }
        if (outcome.ExitCode != 0)
        {
            var stderr = outcome.FirstLines(5);
            var what = stderr.StartsWith("panic:", StringComparison.Ordinal) ? "panicked" : $"exited with code {outcome.ExitCode}";
            return stderr.Length > 0 ? $"{what}: {stderr}" : what;
        }
        return null;
    }
}
