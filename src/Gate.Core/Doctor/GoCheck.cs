namespace Gate.Core.Doctor;

/// <summary>Go: BenchGate cannot measure without it.</summary>
public sealed class GoCheck() : ToolVersionCheck(
    10, "go", ["version"], @"go version (go\S+)", DoctorStatus.Fail,
    "install Go 1.21 or newer (on Debian: scripts/install-prereqs.sh) or add its bin directory to PATH");
