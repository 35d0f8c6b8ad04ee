using System.Globalization;

namespace Gate.Core.Results;

/// <summary>One share of a benchmark suite split over several CI jobs: shard <see cref="Index"/> of <see cref="Count"/> (1-based).</summary>
public sealed record Shard(int Index, int Count)
{
    /// <summary>Parses <c>I/N</c> with 1 ≤ I ≤ N; anything else is a <see cref="GateException"/>.</summary>
    public static Shard Parse(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0
            && int.TryParse(text.AsSpan(0, slash), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count >= 1 && index >= 1 && index <= count)
        {
            return new Shard(index, count);
        }
        throw new GateException($"--shard '{text}' is not I/N with 1 <= I <= N (for example 2/3)");
    }

    /// <inheritdoc />
    public override string ToString() => Index.ToString(CultureInfo.InvariantCulture) + "/" + Count.ToString(CultureInfo.InvariantCulture);
}

