namespace Gate.Core.Doctor;

/// <summary>valgrind: needed by the simulated backend (<c>--backend cachegrind</c>) only.</summary>
public sealed class ValgrindCheck() : ToolVersionCheck(
    50, "valgrind", ["--version"], @"valgrind-(\S+)", DoctorStatus.Warn,
    "needed for --backend cachegrind (simulated counters); install valgrind");
