using Gate.Core.Results;

namespace Gate.Core.Pairing;

/// <summary>
/// Whether two runs' environments can be compared: same GOOS, GOARCH, CPU model, backend, Go major.minor and
/// simulated cache model. A property known on one side only cannot be checked and is listed as such; a mismatch
/// makes every comparison incomparable (reported, never silently compared).
/// </summary>
/// <param name="Mismatches">What differs, for example <c>cpu: AMD EPYC vs Intel Xeon</c>; empty when compatible.</param>
/// <param name="Unchecked">What could not be checked because one side does not record it.</param>
public sealed record EnvironmentCheck(IReadOnlyList<string> Mismatches, IReadOnlyList<string> Unchecked)
{
    /// <summary>True when nothing differs.</summary>
    public bool Compatible => Mismatches.Count == 0;

    /// <summary>Checks two environments.</summary>
    public static EnvironmentCheck Of(RunEnvironment old, RunEnvironment @new)
    {
        var mismatches = new List<string>();
        var notChecked = new List<string>();
        Check("goos", old.Goos, @new.Goos);
        Check("goarch", old.Goarch, @new.Goarch);
        Check("cpu", old.Cpu, @new.Cpu);
        Check("backend", old.Backend, @new.Backend);
        Check("go", MajorMinor(old.GoVersion), MajorMinor(@new.GoVersion));
        Check("cache model", old.CacheModel, @new.CacheModel);
        return new EnvironmentCheck(mismatches, notChecked);

        void Check(string what, string? a, string? b)
        {
            var knownA = !string.IsNullOrEmpty(a);
            var knownB = !string.IsNullOrEmpty(b);
            if (knownA && knownB && !string.Equals(a, b, StringComparison.Ordinal))
            {
                mismatches.Add($"{what}: {a} vs {b}");
            }
            else if (knownA != knownB)
            {
                notChecked.Add($"{what} ({(knownA ? "new" : "old")} side does not record it)");
            }
        }
    }

    /// <summary><c>go1.23</c> of <c>go1.23.5</c> (or of <c>go1.23rc1</c>); null for null.</summary>
    public static string? MajorMinor(string? goVersion)
    {
        if (string.IsNullOrEmpty(goVersion))
        {
            return null;
        }
        var dots = 0;
        for (var i = 0; i < goVersion.Length; i++)
        {
            var c = goVersion[i];
            if (c == '.' && ++dots == 2)
            {
                return goVersion[..i];
            }
            if (dots == 1 && !char.IsAsciiDigit(c) && c != '.')
            {
                return goVersion[..i];
            }
        }
        return goVersion;
    }
}
