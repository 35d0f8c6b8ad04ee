using System.Security.Cryptography;

namespace Gate.Baselines.Tests.Storage;

/// <summary>Comparable pictures of what a store holds.</summary>
public static class StoreSnapshots
{
    /// <summary>Every file under <paramref name="directory"/>: relative path and content hash, sorted.</summary>
    public static string OfDirectory(string directory) =>
        !Directory.Exists(directory)
            ? ""
            : string.Join('\n', Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(directory, f) + " " + Hash(File.ReadAllBytes(f)))
                .Order(StringComparer.Ordinal));

    public static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes))[..16];
}
