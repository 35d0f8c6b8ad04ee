using Gate.Core.GoBench;
using Gate.Core.Measurement;
using Gate.Core.Processes;

namespace Gate.Core.Counters;

/// <summary>The counts of one valgrind run, or why there are none.</summary>
public sealed record CachegrindRunResult(CachegrindCounts? Counts, string? Failure);

/// <summary>Makes sense of one valgrind run: the benchmark's own output, valgrind's messages and the output file.</summary>
public static class CachegrindRunInterpreter
{
    /// <summary>
    /// The run's counts when the benchmark ran <paramref name="iterations"/> iterations and cachegrind wrote a
    /// complete file with the requested <paramref name="model"/>; otherwise a one-paragraph reason.
    /// </summary>
    public static CachegrindRunResult Interpret(BenchmarkTarget target, long iterations, ProcessOutcome outcome, CachegrindReadResult? output, CacheModel model)
    {
        var programOutcome = outcome with { Stderr = CachegrindInvocation.ProgramStderr(outcome.Stderr) };
        var file = GoBenchReader.ReadText(outcome.Stdout, target.Name, new GoBenchReadOptions(KnownProcs: 1));
        var result = file.Results.FirstOrDefault(r => r.Name == target.Name);
        if (outcome.TimedOut)
        {
            return Failed($"under valgrind: timed out after {outcome.Elapsed.TotalSeconds:0} s ({iterations} iterations)");
        }
        // The test binary prints its goos: header before the first benchmark.
        var started = result is not null || outcome.Stdout.Contains("goos:", StringComparison.Ordinal);
        var valgrindErrors = CachegrindInvocation.ValgrindErrors(outcome.Stderr);
        if (valgrindErrors.Count > 0 && result is null)
        {
            var what = started ? "valgrind failed while running the benchmark: " : "valgrind cannot run the test binary: ";
            return Failed(what + string.Join('\n', valgrindErrors.Select(l => l["valgrind: ".Length..]).Take(3)));
        }
        var detail = programOutcome.FirstLines(3);
        if (outcome.ExitCode > 128)
        {
            // valgrind dies with its program's signal, or with its own: either way the run was killed.
            return Failed($"under valgrind: killed by signal {outcome.ExitCode - 128}{SignalName(outcome.ExitCode - 128)}" + (detail.Length > 0 ? ": " + detail : ""));
        }
        if (!started && outcome.ExitCode != 0 && !detail.StartsWith("panic:", StringComparison.Ordinal))
        {
            return Failed($"under valgrind the test binary exited with code {outcome.ExitCode} before running the benchmark" + (detail.Length > 0 ? ": " + detail : ""));
        }
        if (BenchmarkFailures.Describe(file, programOutcome) is { } failure)
        {
            return Failed("under valgrind: " + failure);
        }
        if (result is null)
        {
            return Failed("under valgrind: produced no result line" + (file.Errors.Count > 0 ? ": " + file.Errors[0].Message : ""));
        }
        if (result.Iterations != iterations)
        {
            return Failed($"under valgrind: ran {result.Iterations} iterations instead of the {iterations} asked for");
        }
        if (output is null)
        {
            return Failed("under valgrind: cachegrind wrote no output file");
        }
        if (output.Problem is not null)
        {
            return Failed(output.Problem);
        }
        if (output.Output!.Model is { } simulated && simulated != model)
        {
            return Failed($"cachegrind simulated {simulated}, not the requested {model}");
        }
        return new CachegrindRunResult(output.Output.Counts, null);
    }

    private static CachegrindRunResult Failed(string failure) => new(null, failure);

    private static string SignalName(int signal) => signal switch
    {
        4 => " (SIGILL)",
        6 => " (SIGABRT)",
        7 => " (SIGBUS)",
        9 => " (SIGKILL)",
        11 => " (SIGSEGV)",
        _ => "",
    };
}
