using System.Text.RegularExpressions;

namespace Gate.Core.Doctor;

/// <summary>Go: BenchGate cannot measure without it.</summary>
public sealed partial class GoCheck : IDoctorCheck
{
    /// <inheritdoc />
    public int Order => 10;

    /// <inheritdoc />
    public string Name => "go";

    /// <inheritdoc />
    public async Task<IReadOnlyList<DoctorFinding>> RunAsync(DoctorContext context, CancellationToken cancellationToken) =>
    [
        await ToolVersion.FindAsync(context, Name, "go", ["version"], VersionPattern(), DoctorStatus.Fail,
            "install Go 1.21 or newer (on Debian: scripts/install-prereqs.sh) or add its bin directory to PATH", cancellationToken).ConfigureAwait(false),
    ];

    [GeneratedRegex(@"go version (go\S+)")]
    private static partial Regex VersionPattern();
}
