using System.Globalization;

namespace Gate.Core.Counters;

/// <summary>
/// What this machine's kernel offers perf: whether it is a virtual machine, which PMUs it has, how restrictive
/// <c>kernel.perf_event_paranoid</c> is, and whether BenchGate runs privileged. Read from /proc and /sys.
/// </summary>
/// <param name="IsVirtualMachine">The CPU reports the <c>hypervisor</c> flag.</param>
/// <param name="Pmus">Event sources under /sys/bus/event_source/devices (for example <c>cpu</c>, <c>software</c>, <c>tracepoint</c>).</param>
/// <param name="Paranoid">kernel.perf_event_paranoid, when readable.</param>
/// <param name="IsPrivileged">True when running as root (the paranoid level does not restrict it).</param>
public sealed record PerfHost(bool IsVirtualMachine, IReadOnlyList<string> Pmus, int? Paranoid, bool IsPrivileged)
{
    /// <summary>The machine's facts as far as they can be read; what cannot be read stays unknown or empty.</summary>
    public static PerfHost Read() => new(ReadIsVirtualMachine(), ReadPmus(), ReadParanoid(), Environment.IsPrivilegedProcess);

    /// <summary>
    /// True when a CPU PMU (hardware counters) is visible: <c>cpu</c> on x86, <c>cpu_core</c>/<c>cpu_atom</c> on
    /// hybrid Intel CPUs, <c>armv8_…</c> or <c>arm_…</c> on Arm.
    /// </summary>
    public bool HasCorePmu => Pmus.Any(IsCorePmu);

    /// <summary>True when the paranoid level keeps this (unprivileged) user from counting kernel work.</summary>
    public bool KernelCountingRestricted => !IsPrivileged && Paranoid >= 2;

    /// <summary>The paranoid level for messages: its value, or "unknown".</summary>
    public string ParanoidText => Paranoid?.ToString(CultureInfo.InvariantCulture) ?? "unknown";

    /// <summary>True for the name of a PMU that counts the CPU's own hardware events.</summary>
    public static bool IsCorePmu(string name) =>
        name == "cpu" || name.StartsWith("cpu_", StringComparison.Ordinal) || name.StartsWith("armv", StringComparison.Ordinal) || name.StartsWith("arm_", StringComparison.Ordinal);

    private static bool ReadIsVirtualMachine()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo")
                .Any(line => line.StartsWith("flags", StringComparison.Ordinal) && line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("hypervisor"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string[] ReadPmus()
    {
        try
        {
            return [.. Directory.EnumerateFileSystemEntries("/sys/bus/event_source/devices").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static int? ReadParanoid()
    {
        try
        {
            return int.TryParse(File.ReadAllText("/proc/sys/kernel/perf_event_paranoid").Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var level) ? level : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
