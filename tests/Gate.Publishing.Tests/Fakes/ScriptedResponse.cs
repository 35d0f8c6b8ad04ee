namespace Gate.Publishing.Tests.Fakes;

/// <summary>
/// An answer the fake GitHub API gives instead of the real one, to the next request that matches.
/// <c>{authorization}</c> in <see cref="Body"/> is replaced by the request's Authorization header, as a careless
/// proxy or server might echo it, so that tests can prove the token never reaches any output.
/// </summary>
/// <param name="Status">HTTP status code.</param>
/// <param name="Body">Response body (JSON unless <see cref="ContentType"/> says otherwise).</param>
public sealed record ScriptedResponse(int Status, string Body)
{
    /// <summary>Extra response headers (Retry-After, X-RateLimit-*).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public string ContentType { get; init; } = "application/json; charset=utf-8";

    /// <summary>Carry the request out first, then answer with this failure (a write that succeeded but whose answer was lost).</summary>
    public bool AfterApplying { get; init; }

    public static ScriptedResponse Json(int status, string message) =>
        new(status, $$"""{"message":"{{message}}","documentation_url":"https://docs.github.com/rest"}""");

    /// <summary>A proxy's HTML error page, as GitHub's edge returns for a 502.</summary>
    public static ScriptedResponse BadGateway() =>
        new(502, "<html><body><h1>502 Bad Gateway</h1></body></html>") { ContentType = "text/html" };
}

/// <summary>One request the fake received.</summary>
public sealed record RecordedRequest(string Method, string Path, string? Authorization, string Body);
