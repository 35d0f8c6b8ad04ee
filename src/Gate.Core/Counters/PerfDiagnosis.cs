using System.Globalization;
using System.Text.RegularExpressions;

namespace Gate.Core.Counters;

/// <summary>
/// The one-line diagnoses of the perf backend: each names the event (or perf) and what to do. They are pure
/// functions of what perf printed and of the machine's facts, so that every one of them can be tested.
/// </summary>
public static partial class PerfDiagnosis
{
    /// <summary>perf is not on PATH.</summary>
    public const string Missing =
        "perf: not found on PATH; install it (Debian: linux-perf; Ubuntu: linux-tools-generic) or measure with --backend go or --backend cachegrind";

    private const string SimulatedAdvice = "use --backend cachegrind for simulated counters, or a self-hosted runner";

    /// <summary>
    /// Why <paramref name="perfEvent"/> is <c>&lt;not supported&gt;</c> here, short enough for the results file:
    /// no PMU at all (a virtual machine, usually), or a PMU without this event.
    /// </summary>
    public static string NotSupportedReason(PerfEvent perfEvent, PerfHost host)
    {
        if (perfEvent.IsSoftware)
        {
            return "not supported by this kernel";
        }
        if (!host.HasCorePmu)
        {
            return host.IsVirtualMachine ? "not supported on this machine (virtual machine without a PMU)" : "not supported on this machine (no hardware PMU)";
        }
        return "not supported by this machine's PMU";
    }

    /// <summary>
    /// One line for all events that share a reason, for example "cycles, instructions: not supported on this
    /// machine (virtual machine without a PMU); use --backend cachegrind for simulated counters, or a self-hosted runner".
    /// </summary>
    public static string Unsupported(IReadOnlyList<string> events, string reason, PerfHost host)
    {
        var advice = host.HasCorePmu ? "'perf list' shows the events this machine has" : SimulatedAdvice;
        return $"{string.Join(", ", events)}: {reason}; {advice}";
    }

    /// <summary>An event that perf printed as <c>&lt;not counted&gt;</c> in a sample.</summary>
    public static string NotCounted(PerfEvent perfEvent, string benchmark) =>
        $"{perfEvent.Spec}: <not counted> in a sample of {benchmark} (perf could not give it a counter); such samples have no value for it and are flagged '{PerfSampleMetrics.NotCountedFlag}'";

    /// <summary>An event that was multiplexed: perf counted it part of the time and scaled the count up.</summary>
    public static string Multiplexed(PerfEvent perfEvent, double percentRunning) =>
        $"{perfEvent.Spec}: multiplexed (counted {percentRunning.ToString("0.##", CultureInfo.InvariantCulture)}% of the time, perf scaled the count); samples flagged '{PerfSampleMetrics.MultiplexedFlag}'; count fewer events at once (--events) for exact counts";

    /// <summary>perf printed no line at all for an event.</summary>
    public static string NoLine(PerfEvent perfEvent) =>
        $"{perfEvent.Spec}: perf printed no count for it; it is left out of the samples";

    /// <summary>perf counted user space only because the kernel restricts this user.</summary>
    public static string UserSpaceOnly(PerfHost host) =>
        $"perf counts user space only (kernel.perf_event_paranoid = {host.ParanoidText} and benchgate is not privileged): the benchmark's kernel work is not in the counts; 'sysctl kernel.perf_event_paranoid=1' or CAP_PERFMON includes it";

    /// <summary>No requested event can be counted here.</summary>
    public static string NothingToCount(IReadOnlyList<string> reasons) =>
        $"perf: none of the events can be counted here ({string.Join("; ", reasons)})";

    /// <summary>One perf run that ended without counts.</summary>
    public static string RunFailed(int exitCode, string firstLines) =>
        firstLines.Length > 0 ? $"perf stat failed (exit code {exitCode}): {firstLines}" : $"perf stat failed (exit code {exitCode}) without a message";

    /// <summary>
    /// The one-line message for a <c>perf stat</c> that refused to start: an unknown event, a PMU this machine
    /// does not have, a kernel that refuses (perf_event_paranoid, permissions), or anything else perf said.
    /// </summary>
    public static string StartFailure(string stderr, int exitCode, PerfHost host)
    {
        var syntax = SyntaxErrorPattern().Match(stderr);
        if (syntax.Success)
        {
            var spec = syntax.Groups["event"].Value;
            var reason = syntax.Groups["reason"].Success ? syntax.Groups["reason"].Value.Trim() : "not an event perf knows";
            var pmu = MissingPmuPattern().Match(reason);
            if (pmu.Success)
            {
                var why = host.HasCorePmu ? "" : host.IsVirtualMachine ? " (virtual machine without a PMU)" : " (no hardware PMU)";
                var advice = host.HasCorePmu ? "'perf list' shows the PMUs and events this machine has" : SimulatedAdvice;
                return $"--events: {spec}: this machine has no PMU '{pmu.Groups[1].Value}'{why}; {advice}";
            }
            if (reason.Contains("access", StringComparison.OrdinalIgnoreCase) || stderr.Contains("No permissions", StringComparison.Ordinal))
            {
                return $"--events: {spec}: perf may not read this event's definition ({PermissionDetail(stderr, reason)}); run benchgate as a user who can read /sys/kernel/tracing, or choose other events";
            }
            return $"--events: perf does not know the event '{spec}' ({reason}); 'perf list' shows the events of this machine";
        }
        if (stderr.Contains("Access to performance monitoring and observability operations is limited", StringComparison.Ordinal)
            || stderr.Contains("No permission to enable", StringComparison.Ordinal)
            || stderr.Contains("Permission denied", StringComparison.Ordinal))
        {
            var subject = stderr.Contains("No permission to enable", StringComparison.Ordinal) && NoPermissionEventPattern().Match(stderr) is { Success: true } m
                ? $"{m.Groups[1].Value}: "
                : "perf: ";
            return $"{subject}the kernel refuses performance events (kernel.perf_event_paranoid = {host.ParanoidText}, benchgate not privileged); allow them with 'sysctl kernel.perf_event_paranoid=2' (user space only) or lower, or grant CAP_PERFMON";
        }
        var first = stderr.Split('\n').Select(l => l.Replace("Error:", "", StringComparison.Ordinal).Trim()).FirstOrDefault(l => l.Length > 0);
        return RunFailed(exitCode, first ?? "");
    }

    private static string PermissionDetail(string stderr, string reason)
    {
        var line = stderr.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains("No permissions", StringComparison.Ordinal));
        return line is null ? reason : line.Replace("Error:", "", StringComparison.Ordinal).Trim();
    }

    [GeneratedRegex(@"event syntax error: '(?<event>[^']*)'\s*\n[^\n]*\\___\s*(?<reason>[^\n]*)")]
    private static partial Regex SyntaxErrorPattern();

    [GeneratedRegex(@"Cannot find PMU `([^']+)'")]
    private static partial Regex MissingPmuPattern();

    [GeneratedRegex(@"No permission to enable (\S+) event")]
    private static partial Regex NoPermissionEventPattern();
}
