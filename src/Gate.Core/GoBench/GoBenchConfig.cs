using System.Collections.Immutable;

namespace Gate.Core.GoBench;

/// <summary>
/// The file configuration in force at a result line: the ordered <c>key: value</c> pairs
/// (<c>goos</c>, <c>goarch</c>, <c>pkg</c>, <c>cpu</c>, any other key) read so far.
/// Immutable; the reader shares one instance among all results between two configuration lines.
/// </summary>
public sealed class GoBenchConfig
{
    /// <summary>A configuration with no keys.</summary>
    public static GoBenchConfig Empty { get; } = new(ImmutableArray<KeyValuePair<string, string>>.Empty);

    private GoBenchConfig(ImmutableArray<KeyValuePair<string, string>> pairs) => Pairs = pairs;

    /// <summary>The pairs, in the order their keys first appeared.</summary>
    public ImmutableArray<KeyValuePair<string, string>> Pairs { get; }

    /// <summary>The value of <paramref name="key"/>, or null when the key is not set.</summary>
    public string? Get(string key)
    {
        foreach (var pair in Pairs)
        {
            if (pair.Key == key)
            {
                return pair.Value;
            }
        }
        return null;
    }

    /// <summary>A copy with <paramref name="key"/> set; an empty value removes the key, as the format specifies.</summary>
    public GoBenchConfig With(string key, string value)
    {
        for (var i = 0; i < Pairs.Length; i++)
        {
            if (Pairs[i].Key != key)
            {
                continue;
            }
            if (value.Length == 0)
            {
                return new GoBenchConfig(Pairs.RemoveAt(i));
            }
            return Pairs[i].Value == value ? this : new GoBenchConfig(Pairs.SetItem(i, new(key, value)));
        }
        return value.Length == 0 ? this : new GoBenchConfig(Pairs.Add(new(key, value)));
    }

    /// <summary>Builds a configuration from pairs; later pairs override earlier ones.</summary>
    public static GoBenchConfig From(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var config = Empty;
        foreach (var pair in pairs)
        {
            config = config.With(pair.Key, pair.Value);
        }
        return config;
    }
}
