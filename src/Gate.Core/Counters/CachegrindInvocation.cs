using System.Globalization;
using Gate.Core.Measurement;
using Gate.Core.Processes;

namespace Gate.Core.Counters;

/// <summary>
/// The valgrind command line and environment of one cachegrind run of a benchmark, chosen for repeatable counts:
/// fixed cache geometry, <c>GOMAXPROCS=1</c> and <c>-test.cpu=1</c> (one P: no scheduling between threads),
/// <c>GODEBUG=asyncpreemptoff=1</c> (no preemption signals) and <c>gcstoptheworld=1</c> (garbage collection without
/// concurrent marking, whose split of work between background worker and allocating goroutine depends on time:
/// measured on examples/ BenchmarkWordFreq, whole-run instructions at 2002 iterations varied 0.94 % between
/// three runs with concurrent marking and 0.04 % without), and <c>GOGC=off</c>: no garbage collection cycles at
/// all, with <c>GOMEMLIMIT</c> as a backstop. A collection comes every few hundred operations of an allocating
/// benchmark, so whether a window holds one depends on where it falls: WordFreq measured 415.3 k instructions/op over
/// 200 operations (no collection) and 419.6 k over 2000 (six), 1.04 % apart, which made two runs disagree whenever
/// the window planner chose different lengths; with GOGC=off 415.19 k and 415.45 k, 0.06 %. Allocation itself
/// (mallocgc) is still counted; the collector's marking and sweeping, which depend on the heap rather than on the
/// code under test, are not.
/// </summary>
public static class CachegrindInvocation
{
    /// <summary>The GODEBUG settings BenchGate adds.</summary>
    public const string GoDebugSettings = "asyncpreemptoff=1,gcstoptheworld=1";

    /// <summary>
    /// The memory limit that stands in for the collector while GOGC is off: a benchmark that allocates more than
    /// this within one run is collected after all (its window then disagrees between halves and grows).
    /// </summary>
    public const string MemoryLimit = "2GiB";

    /// <summary>The process to start: valgrind running <paramref name="target"/> for <paramref name="iterations"/> iterations.</summary>
    public static ProcessSpec Spec(
        string valgrind, BenchmarkTarget target, long iterations, string outFile, CacheModel model, string? inheritedGoDebug, TimeSpan? timeout)
    {
        string[] arguments =
        [
            .. ToolArguments(model, outFile),
            target.TestBinary,
            "-test.run=^$",
            "-test.bench=" + target.ExactPattern,
            "-test.benchtime=" + iterations.ToString(CultureInfo.InvariantCulture) + "x",
            "-test.count=1",
            "-test.cpu=1",
        ];
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["GOMAXPROCS"] = "1",
            ["GODEBUG"] = GoDebug(inheritedGoDebug),
            ["GOGC"] = "off",
            ["GOMEMLIMIT"] = MemoryLimit,
        };
        return new ProcessSpec(valgrind, arguments, target.Package.Directory, environment, timeout);
    }

    /// <summary>valgrind's arguments before the program: cachegrind with both simulations, the model, the output file, quiet.</summary>
    public static IReadOnlyList<string> ToolArguments(CacheModel model, string outFile) =>
    [
        "--tool=cachegrind",
        "--cache-sim=yes",
        "--branch-sim=yes",
        .. model.ValgrindArguments(),
        // valgrind expands %p, %q{VAR} and %% in the file name: keep a % in the temporary path literal.
        "--cachegrind-out-file=" + outFile.Replace("%", "%%", StringComparison.Ordinal),
        "-q",
    ];

    /// <summary>The user's GODEBUG with BenchGate's settings last (the last setting of a name wins).</summary>
    public static string GoDebug(string? inherited) =>
        string.IsNullOrWhiteSpace(inherited) ? GoDebugSettings : inherited.Trim().TrimEnd(',') + "," + GoDebugSettings;

    /// <summary>
    /// stderr without valgrind's own progress lines (<c>--PID-- warning: ...</c>, <c>==PID== ...</c>), which
    /// would otherwise hide the program's own messages.
    /// </summary>
    public static string ProgramStderr(string stderr) =>
        string.Join('\n', stderr.Split('\n').Where(line => !IsValgrindChatter(line)));

    /// <summary>The lines in which valgrind itself explains that it could not run the program (<c>valgrind: ...</c>).</summary>
    public static IReadOnlyList<string> ValgrindErrors(string stderr) =>
        [.. stderr.Split('\n').Select(l => l.TrimEnd()).Where(l => l.StartsWith("valgrind: ", StringComparison.Ordinal))];

    private static bool IsValgrindChatter(string line) =>
        (line.StartsWith("--", StringComparison.Ordinal) || line.StartsWith("==", StringComparison.Ordinal))
        && line.Length > 3
        && char.IsAsciiDigit(line[2])
        && line.IndexOf(line[..2], 2, StringComparison.Ordinal) > 2;
}
