namespace Gate.Core.Doctor;

/// <summary>Runs every doctor check (see <see cref="IDoctorCheck"/>) in order and collects the findings.</summary>
public static class Doctor
{
    /// <summary>The checks of this build, in report order: every <see cref="IDoctorCheck"/> class of Gate.Core.</summary>
    public static IReadOnlyList<IDoctorCheck> Checks() =>
    [
        .. typeof(IDoctorCheck).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IDoctorCheck).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (IDoctorCheck)Activator.CreateInstance(t)!)
            .OrderBy(c => c.Order)
            .ThenBy(c => c.Name, StringComparer.Ordinal),
    ];

    /// <summary>Runs <paramref name="checks"/> (default: all) one after the other.</summary>
    public static async Task<DoctorReport> RunAsync(DoctorContext context, IReadOnlyList<IDoctorCheck>? checks = null, CancellationToken cancellationToken = default)
    {
        var findings = new List<DoctorFinding>();
        foreach (var check in checks ?? Checks())
        {
            findings.AddRange(await check.RunAsync(context, cancellationToken).ConfigureAwait(false));
        }
        return new DoctorReport(findings);
    }
}
