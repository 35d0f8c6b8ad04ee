using System.Text.RegularExpressions;

namespace Gate.Core.Doctor;

/// <summary>valgrind: needed by the simulated backend (<c>--backend cachegrind</c>) only.</summary>
public sealed partial class ValgrindCheck : IDoctorCheck
{
    /// <inheritdoc />
    public int Order => 50;

    /// <inheritdoc />
    public string Name => "valgrind";

    /// <inheritdoc />
    public async Task<IReadOnlyList<DoctorFinding>> RunAsync(DoctorContext context, CancellationToken cancellationToken) =>
    [
        await ToolVersion.FindAsync(context, Name, "valgrind", ["--version"], VersionPattern(), DoctorStatus.Warn,
            "needed for --backend cachegrind (simulated counters); install valgrind", cancellationToken).ConfigureAwait(false),
    ];

    [GeneratedRegex(@"valgrind-(\S+)")]
    private static partial Regex VersionPattern();
}
