namespace Gate.Publishing;

/// <summary>
/// A GitHub token. Its value is reachable only inside Gate.Core, where it goes into the Authorization header and
/// into the <see cref="SecretRedactor"/>; <see cref="ToString"/> never shows it, so a record that holds a token
/// prints <c>***</c> for it.
/// </summary>
public sealed class GitHubToken
{
    /// <summary>Wraps a token value.</summary>
    /// <param name="value">The token; not empty.</param>
    public GitHubToken(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value.Trim();
    }

    /// <summary>The token itself: for the Authorization header and the redactor only.</summary>
    internal string Value { get; }

    /// <summary>Always <see cref="SecretRedactor.Mask"/>.</summary>
    public override string ToString() => SecretRedactor.Mask;
}
