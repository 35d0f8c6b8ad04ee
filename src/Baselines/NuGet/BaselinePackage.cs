using System.IO.Compression;
using System.Text;
using Gate.Baselines.Keys;
using Gate.Core;
using NuGet.Packaging;
using NuGet.Versioning;

namespace Gate.Baselines.NuGet;

/// <summary>
/// A baseline as a NuGet package: id <c>BenchGate.Baseline.REPOSITORY.BRANCH.BACKEND.KEYID</c>, version
/// <c>1.0.REVISION</c> (one revision per update), content <c>baseline.json</c> (the baseline file) and
/// <c>history.jsonl</c> (the whole history up to this revision).
/// </summary>
/// <param name="BaselineJson">The baseline file's text.</param>
/// <param name="HistoryJsonl">The history file's text.</param>
public sealed record BaselinePackage(string BaselineJson, string HistoryJsonl)
{
    /// <summary>The prefix every baseline package id starts with.</summary>
    public const string IdPrefix = "BenchGate.Baseline.";

    private const string BaselineEntry = "baseline.json";
    private const string HistoryEntry = "history.jsonl";
    private const int MaxIdLength = 100;

    /// <summary>The package id of <paramref name="key"/>: readable, within NuGet's 100 characters, unique through the key id.</summary>
    public static string IdOf(BaselineKey key)
    {
        var suffix = "." + key.Id;
        var readable = Slug(key.Repository) + "." + Slug(key.Branch) + "." + Slug(key.Backend);
        var room = MaxIdLength - IdPrefix.Length - suffix.Length;
        return IdPrefix + (readable.Length > room ? readable[..room].TrimEnd('.', '-') : readable) + suffix;
    }

    /// <summary>The version of revision <paramref name="revision"/>.</summary>
    public static NuGetVersion VersionOf(int revision) => new(1, 0, revision);

    /// <summary>Writes the package (.nupkg) for <paramref name="key"/> at <paramref name="revision"/> to <paramref name="output"/>.</summary>
    public void Save(BaselineKey key, int revision, Stream output)
    {
        var builder = new PackageBuilder(deterministic: true)
        {
            Id = IdOf(key),
            Version = VersionOf(revision),
            Description = $"BenchGate baseline of {key}, revision {revision}.",
        };
        builder.Authors.Add("benchgate");
        builder.Tags.Add("benchgate-baseline");
        builder.Files.Add(File(BaselineEntry, BaselineJson));
        builder.Files.Add(File(HistoryEntry, HistoryJsonl));
        builder.Save(output);
    }

    /// <summary>Reads a downloaded package; a damaged package is a <see cref="GateException"/> naming <paramref name="source"/>.</summary>
    public static BaselinePackage Read(Stream nupkg, string source)
    {
        try
        {
            using var archive = new ZipArchive(nupkg, ZipArchiveMode.Read, leaveOpen: true);
            return new BaselinePackage(Text(archive, BaselineEntry, source), Text(archive, HistoryEntry, source));
        }
        catch (InvalidDataException e)
        {
            throw new GateException($"{source}: the package is damaged ({e.Message}); push a new baseline with 'benchgate baseline update'", e);
        }
    }

    private static string Text(ZipArchive archive, string name, string source)
    {
        var entry = archive.GetEntry(name) ?? throw new GateException($"{source}: the package has no {name}; it is not a BenchGate baseline package");
        using var reader = new StreamReader(entry.Open(), new UTF8Encoding(false));
        return reader.ReadToEnd();
    }

    private static PhysicalPackageFile File(string path, string text) =>
        new(new MemoryStream(new UTF8Encoding(false).GetBytes(text))) { TargetPath = path };

    private static string Slug(string name)
    {
        var slug = new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Trim('-');
        return slug.Length == 0 ? "x" : slug;
    }
}
