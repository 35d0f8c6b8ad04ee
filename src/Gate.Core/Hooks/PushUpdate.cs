namespace Gate.Core.Hooks;

/// <summary>
/// One line git writes to a pre-push hook's standard input: <c>&lt;local ref&gt; &lt;local sha&gt; &lt;remote ref&gt; &lt;remote sha&gt;</c>.
/// A local sha of zeros deletes the remote ref; a remote sha of zeros creates it (a new branch on the remote).
/// </summary>
/// <param name="LocalRef">For example <c>refs/heads/feature</c> (<c>(delete)</c> for a deletion).</param>
/// <param name="LocalSha">The commit being pushed.</param>
/// <param name="RemoteRef">For example <c>refs/heads/feature</c>.</param>
/// <param name="RemoteSha">What the remote ref points at now (as this repository last saw it).</param>
public sealed record PushUpdate(string LocalRef, string LocalSha, string RemoteRef, string RemoteSha)
{
    /// <summary>True when the push deletes <see cref="RemoteRef"/>.</summary>
    public bool IsDeletion => IsZero(LocalSha);

    /// <summary>True when <see cref="RemoteRef"/> does not exist on the remote yet.</summary>
    public bool CreatesRemoteRef => IsZero(RemoteSha);

    /// <summary>True when the remote ref is a branch (<c>refs/heads/…</c>): tags and other refs are not checked.</summary>
    public bool IsBranch => RemoteRef.StartsWith("refs/heads/", StringComparison.Ordinal);

    /// <summary>The lines of a pre-push hook's standard input; a malformed line is a <see cref="GateException"/>.</summary>
    public static IReadOnlyList<PushUpdate> Parse(string input)
    {
        var updates = new List<PushUpdate>();
        var number = 0;
        foreach (var raw in input.Split('\n'))
        {
            number++;
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                continue;
            }
            var fields = line.Split(' ');
            if (fields.Length != 4 || !IsSha(fields[1]) || !IsSha(fields[3]))
            {
                throw new GateException($"pre-push input line {number} is not '<local ref> <local sha> <remote ref> <remote sha>': {line}");
            }
            updates.Add(new PushUpdate(fields[0], fields[1], fields[2], fields[3]));
        }
        return updates;
    }

    private static bool IsZero(string sha) => sha.All(c => c == '0');

    // SHA-1 (40) or SHA-256 (64) object names.
    private static bool IsSha(string text) => text.Length is 40 or 64 && text.All(char.IsAsciiHexDigit);
}
