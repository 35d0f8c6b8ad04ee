using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using Gate.Core.Results;

namespace Gate.Baselines.Keys;

/// <summary>
/// What a baseline is the baseline of: repository, branch, measuring backend and environment. A candidate is
/// compared only with the baseline of an equal key; <see cref="DifferencesFrom"/> says why another key does not fit.
/// </summary>
/// <param name="Repository">For example <c>owner/name</c> (GITHUB_REPOSITORY, else the git remote, else the directory name).</param>
/// <param name="Branch">Git branch the baseline was measured on, for example <c>main</c>.</param>
/// <param name="Backend"><c>go</c>, <c>perf</c> or <c>cachegrind</c>.</param>
/// <param name="Environment">CPU model, cache model, GOOS/GOARCH and Go release.</param>
public sealed record BaselineKey(string Repository, string Branch, string Backend, EnvironmentFingerprint Environment)
{
    /// <summary>A short stable identifier of the whole key (12 hex digits), for listings and <c>--key</c>.</summary>
    [JsonIgnore]
    public string Id => Hash(Canonical())[..12];

    /// <summary>A short identifier of the environment alone (8 hex digits), used in file and package names.</summary>
    [JsonIgnore]
    public string EnvironmentId => Hash(CanonicalEnvironment())[..8];

    /// <summary>The key of <paramref name="results"/> stored under <paramref name="repository"/> and <paramref name="branch"/>, validated.</summary>
    public static BaselineKey For(RunResults results, string repository, string branch) =>
        new BaselineKey(repository, branch, results.Environment.Backend, EnvironmentFingerprint.Of(results.Environment)).Validated();

    /// <summary>This key, after checking that every part is a safe name; otherwise a <see cref="Gate.Core.GateException"/>.</summary>
    public BaselineKey Validated()
    {
        KeyNames.CheckRepository(Repository);
        KeyNames.CheckBranch(Branch);
        KeyNames.CheckBackend(Backend);
        return this;
    }

    /// <summary>
    /// How <paramref name="candidate"/> differs from this (baseline) key, field by field, in the order a person
    /// should read them; empty when they are equal.
    /// </summary>
    public IReadOnlyList<KeyDifference> DifferencesFrom(BaselineKey candidate)
    {
        var differences = new List<KeyDifference>();
        void Compare(string field, string? baseline, string? other)
        {
            if (!string.Equals(baseline, other, StringComparison.Ordinal))
            {
                differences.Add(new KeyDifference(field, baseline, other));
            }
        }
        Compare("repository", Repository, candidate.Repository);
        Compare("branch", Branch, candidate.Branch);
        Compare("backend", Backend, candidate.Backend);
        Compare("GOOS", Environment.Goos, candidate.Environment.Goos);
        Compare("GOARCH", Environment.Goarch, candidate.Environment.Goarch);
        Compare("CPU model", Environment.Cpu, candidate.Environment.Cpu);
        Compare("Go release", Environment.GoRelease, candidate.Environment.GoRelease);
        Compare("cache model", Environment.CacheModel, candidate.Environment.CacheModel);
        return differences;
    }

    /// <summary>For people: <c>owner/name main (go; linux/amd64, AMD EPYC, go1.23)</c>.</summary>
    public override string ToString() => $"{Repository} {Branch} ({Backend}; {Environment})";

    private string Canonical() => string.Join('\n', "repository=" + Repository, "branch=" + Branch, "backend=" + Backend, CanonicalEnvironment());

    private string CanonicalEnvironment() => string.Join(
        '\n',
        "goos=" + Environment.Goos,
        "goarch=" + Environment.Goarch,
        "cpu=" + (Environment.Cpu ?? "\0"),
        "cache=" + (Environment.CacheModel ?? "\0"),
        "go=" + (Environment.GoRelease ?? "\0"));

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

/// <summary>One field in which a stored baseline's key and a candidate's key differ.</summary>
/// <param name="Field">For example <c>CPU model</c>.</param>
/// <param name="Baseline">The baseline's value (null: unknown).</param>
/// <param name="Candidate">The candidate's value (null: unknown).</param>
public sealed record KeyDifference(string Field, string? Baseline, string? Candidate)
{
    /// <summary>For example <c>CPU model: baseline 'AMD EPYC 7B13', this run 'Intel Xeon'</c>.</summary>
    public override string ToString() => $"{Field}: baseline {Show(Baseline)}, this run {Show(Candidate)}";

    private static string Show(string? value) => value is null ? "unknown" : "'" + value + "'";
}
