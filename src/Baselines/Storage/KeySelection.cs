using Gate.Baselines.Keys;
using Gate.Core;

namespace Gate.Baselines.Storage;

/// <summary>
/// Which stored key a command means (<c>show</c>, <c>history</c>, <c>prune</c>): filters that each may be
/// left out. A filter that matches several keys is fine for <c>prune</c> and an error (listing them) elsewhere.
/// </summary>
/// <param name="Id">A key's id or a prefix of it (<c>benchgate baseline list</c> shows them).</param>
/// <param name="Repository">Repository name.</param>
/// <param name="Branch">Branch name.</param>
/// <param name="Backend">Backend name.</param>
public sealed record KeySelection(string? Id = null, string? Repository = null, string? Branch = null, string? Backend = null)
{
    /// <summary>The keys among <paramref name="keys"/> that every given filter accepts.</summary>
    public IReadOnlyList<BaselineKey> Filter(IEnumerable<BaselineKey> keys) =>
    [
        .. keys.Where(k =>
            (Id is null || k.Id.StartsWith(Id, StringComparison.OrdinalIgnoreCase))
            && (Repository is null || k.Repository == Repository)
            && (Branch is null || k.Branch == Branch)
            && (Backend is null || k.Backend == Backend)),
    ];

    /// <summary>The one key the filters select; none or several is a <see cref="GateException"/> that says which exist.</summary>
    public BaselineKey Single(IReadOnlyList<BaselineKey> keys, string storeName)
    {
        var matching = Filter(keys);
        return matching.Count switch
        {
            1 => matching[0],
            0 when keys.Count == 0 => throw new GateException($"{storeName} holds no baselines yet; run 'benchgate baseline update'"),
            0 => throw new GateException($"no baseline in {storeName} matches {this}; stored: {Describe(keys)}"),
            _ => throw new GateException($"{matching.Count} baselines in {storeName} match {this}; choose one with --key: {Describe(matching)}"),
        };
    }

    /// <summary>The filters as options, for messages.</summary>
    public override string ToString()
    {
        var parts = new List<string>();
        void Add(string option, string? value)
        {
            if (value is not null)
            {
                parts.Add($"{option} {value}");
            }
        }
        Add("--key", Id);
        Add("--repository", Repository);
        Add("--branch", Branch);
        Add("--backend", Backend);
        return parts.Count == 0 ? "(no filter)" : string.Join(' ', parts);
    }

    private static string Describe(IEnumerable<BaselineKey> keys) => string.Join("; ", keys.Select(k => $"{k.Id} = {k}"));
}
