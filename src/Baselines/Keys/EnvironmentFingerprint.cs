using System.Text.RegularExpressions;
using Gate.Core.Results;

namespace Gate.Baselines.Keys;

/// <summary>
/// The parts of a run's environment that decide whether two results may be compared: CPU model, simulated
/// cache geometry, GOOS/GOARCH and the Go release (major.minor; patch releases do not change code generation
/// enough to matter and would otherwise orphan every baseline on each toolchain update).
/// </summary>
/// <param name="Goos">GOOS.</param>
/// <param name="Goarch">GOARCH.</param>
/// <param name="Cpu">CPU model, or null when unknown.</param>
/// <param name="CacheModel">Simulated cache geometry (cachegrind), or null for the other backends.</param>
/// <param name="GoRelease">Go major.minor, for example <c>1.23</c>, or null when unknown.</param>
public sealed partial record EnvironmentFingerprint(string Goos, string Goarch, string? Cpu, string? CacheModel, string? GoRelease)
{
    /// <summary>The fingerprint of the environment a results file was measured in.</summary>
    public static EnvironmentFingerprint Of(RunEnvironment environment) =>
        new(environment.Goos, environment.Goarch, environment.Cpu, environment.CacheModel, GoReleaseOf(environment.GoVersion));

    /// <summary>
    /// <c>go1.23.5</c> → <c>1.23</c>; <c>go1.24rc1</c> → <c>1.24</c>; <c>devel go1.25-abc</c> → <c>1.25</c>;
    /// a version without <c>goN.M</c> is kept as it is; null stays null.
    /// </summary>
    public static string? GoReleaseOf(string? goVersion)
    {
        if (goVersion is null)
        {
            return null;
        }
        var match = GoReleasePattern().Match(goVersion);
        return match.Success ? match.Groups[1].Value + "." + match.Groups[2].Value : goVersion;
    }

    /// <summary>For people: <c>linux/amd64, AMD EPYC 7B13, go1.23</c> (and the cache model when there is one).</summary>
    public override string ToString()
    {
        var parts = new List<string> { Goos + "/" + Goarch, Cpu ?? "unknown CPU", GoRelease is null ? "unknown Go" : "go" + GoRelease };
        if (CacheModel is not null)
        {
            parts.Add("cache " + CacheModel);
        }
        return string.Join(", ", parts);
    }

    [GeneratedRegex(@"go(\d+)\.(\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex GoReleasePattern();
}
