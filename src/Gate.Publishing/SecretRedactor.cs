namespace Gate.Publishing;

/// <summary>
/// Replaces secrets (the GitHub token, and its URL-encoded form) with <see cref="Mask"/> in any text that leaves
/// the process: console output, the job summary, the PR comment, annotations, messages of wrapped exceptions.
/// </summary>
public sealed class SecretRedactor
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Mask = "***";

    /// <summary>Secrets shorter than this are not redacted: masking a 1–3 character string would mangle all output.</summary>
    public const int MinimumSecretLength = 4;

    private readonly string[] _secrets;

    /// <summary>A redactor for <paramref name="secrets"/> (null, empty and too short ones are ignored).</summary>
    public SecretRedactor(IEnumerable<string?> secrets)
    {
        _secrets = secrets
            .Where(s => s is { Length: >= MinimumSecretLength })
            .SelectMany(s => new[] { s!, Uri.EscapeDataString(s!) })
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s.Length)
            .ToArray();
    }

    /// <summary>A redactor that changes nothing (no secret known).</summary>
    public static SecretRedactor None { get; } = new([]);

    /// <summary>A redactor for the token, when there is one.</summary>
    public static SecretRedactor For(GitHubToken? token) => token is null ? None : new SecretRedactor([token.Value]);

    /// <summary><paramref name="text"/> with every secret replaced by <see cref="Mask"/>.</summary>
    public string Redact(string text)
    {
        foreach (var secret in _secrets)
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                text = text.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }
        return text;
    }
}
