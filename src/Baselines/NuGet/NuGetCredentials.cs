namespace Gate.Baselines.NuGet;

/// <summary>
/// Credentials for a NuGet feed, read from the environment only (never from the command line, never logged):
/// <list type="bullet">
/// <item><c>BENCHGATE_NUGET_API_KEY</c>: the API key for pushing and deleting (sent as X-NuGet-ApiKey);</item>
/// <item><c>BENCHGATE_NUGET_USERNAME</c> and <c>BENCHGATE_NUGET_PASSWORD</c>: basic authentication for every request
/// (GitHub Packages: the user or <c>GITHUB_ACTOR</c> and a token); the password is also the API key when no key is set.</item>
/// </list>
/// </summary>
public sealed record NuGetCredentials(string? ApiKey, string? Username, string? Password)
{
    /// <summary>The environment variable of the API key.</summary>
    public const string ApiKeyVariable = "BENCHGATE_NUGET_API_KEY";

    /// <summary>The environment variable of the user name.</summary>
    public const string UsernameVariable = "BENCHGATE_NUGET_USERNAME";

    /// <summary>The environment variable of the password or token.</summary>
    public const string PasswordVariable = "BENCHGATE_NUGET_PASSWORD";

    /// <summary>The credentials the environment provides (each may be missing).</summary>
    public static NuGetCredentials FromEnvironment(Func<string, string?> environment)
    {
        static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
        var password = NonEmpty(environment(PasswordVariable));
        return new NuGetCredentials(NonEmpty(environment(ApiKeyVariable)) ?? password, NonEmpty(environment(UsernameVariable)), password);
    }

    /// <summary>The secrets, so that messages can be scrubbed of them.</summary>
    public IEnumerable<string> Secrets => new[] { ApiKey, Password }.OfType<string>();

    /// <summary><paramref name="message"/> with every secret replaced by <c>***</c>.</summary>
    public string Scrub(string message) => Secrets.Aggregate(message, (text, secret) => text.Replace(secret, "***", StringComparison.Ordinal));

    /// <summary>Never prints the secrets.</summary>
    public override string ToString() => $"NuGetCredentials(api key: {(ApiKey is null ? "none" : "set")}, user: {Username ?? "none"}, password: {(Password is null ? "none" : "set")})";
}
