using System.Globalization;
using System.Net;
using Octokit;

namespace Gate.Publishing;

/// <summary>What BenchGate was writing when GitHub failed: decides which permission a diagnosis names.</summary>
public enum GitHubOperation
{
    /// <summary>The sticky PR comment (listing, creating, updating issue comments).</summary>
    Comment,

    /// <summary>The check run (listing, creating, updating check runs).</summary>
    CheckRun,
}

/// <summary>
/// Classifies a failed GitHub call: whether it is worth another try (5xx, rate limits, connection errors), how
/// long the server asked to wait, and one line that says what went wrong and what to change.
/// </summary>
internal static class GitHubFailure
{
    /// <summary>True for failures of talking to GitHub (HTTP answers and connection problems), as opposed to bugs.</summary>
    public static bool IsGitHubFailure(Exception e) => e is ApiException or HttpRequestException or TaskCanceledException or TimeoutException;

    /// <summary>True when the same call may succeed later: a 5xx, a 429, a rate-limited 403, a connection failure or timeout.</summary>
    public static bool IsTransient(Exception e) => e switch
    {
        RateLimitExceededException or SecondaryRateLimitExceededException => true,
        ApiException { StatusCode: HttpStatusCode.TooManyRequests } => true,
        ApiException { StatusCode: HttpStatusCode.Forbidden } api => IsRateLimited(api),
        ApiException api => (int)api.StatusCode >= 500,
        HttpRequestException or TaskCanceledException or TimeoutException => true,
        _ => false,
    };

    /// <summary>The wait the server asked for: Retry-After, or the rate limit's reset time when none is left.</summary>
    public static TimeSpan? RequestedWait(Exception e, DateTimeOffset now)
    {
        if (e is not ApiException { HttpResponse: { } response })
        {
            return null;
        }
        if (Header(response, "Retry-After") is { } retryAfter)
        {
            if (int.TryParse(retryAfter, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                return TimeSpan.FromSeconds(seconds);
            }
            if (DateTimeOffset.TryParse(retryAfter, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                return at > now ? at - now : TimeSpan.Zero;
            }
        }
        if (Header(response, "X-RateLimit-Remaining") == "0" && ResetTime(response) is { } reset)
        {
            return reset > now ? reset - now : TimeSpan.Zero;
        }
        return null;
    }

    /// <summary>One line: what GitHub answered, what it means, and what to change.</summary>
    /// <param name="e">The last failure.</param>
    /// <param name="operation">What was being written.</param>
    /// <param name="context">The run's context (repository, PR, token variable).</param>
    /// <param name="attempts">How many calls were made.</param>
    public static string Diagnose(Exception e, GitHubOperation operation, GitHubContext context, int attempts)
    {
        var permission = operation == GitHubOperation.Comment ? "pull-requests: write" : "checks: write";
        var what = operation == GitHubOperation.Comment ? $"comment on pull request #{context.PullRequest?.Number}" : "create check runs";
        var tries = attempts > 1 ? $" ({attempts} attempts)" : "";
        return e switch
        {
            ApiException api when IsTransient(api) && IsRateLimited(api) =>
                $"GitHub rate limit exceeded ({Status(api)}{Detail(api)}){tries}{ResetNote(api)}",
            ApiException { StatusCode: HttpStatusCode.Unauthorized } api =>
                $"GitHub rejected the token ({Status(api)}{Detail(api)}): check the token in {context.TokenVariable}",
            ApiException { StatusCode: HttpStatusCode.Forbidden } api =>
                $"the token may not {what} ({Status(api)}{Detail(api)}): give the workflow job `permissions: {permission}`",
            ApiException { StatusCode: HttpStatusCode.NotFound } api =>
                $"the token cannot see {context.Repository} ({Status(api)}{Detail(api)}): "
                + $"use the workflow's own token for this repository, with `permissions: {permission}`",
            ApiException { StatusCode: HttpStatusCode.UnprocessableEntity } api =>
                $"GitHub rejected the request as invalid ({Status(api)}{Detail(api)})",
            ApiException api =>
                $"GitHub answered {Status(api)}{Detail(api)}{tries}",
            TaskCanceledException or TimeoutException =>
                $"GitHub at {context.ApiUrl} did not answer in time{tries}",
            _ => $"cannot reach GitHub at {context.ApiUrl}: {FirstLine(e.Message)}{tries}",
        };
    }

    private static bool IsRateLimited(ApiException api) =>
        api is RateLimitExceededException or SecondaryRateLimitExceededException
        || api.StatusCode == HttpStatusCode.TooManyRequests
        || (api.HttpResponse is { } response
            && (Header(response, "Retry-After") is not null || Header(response, "X-RateLimit-Remaining") == "0"));

    private static string Status(ApiException api) =>
        $"{(int)api.StatusCode} {ReasonPhrase(api.StatusCode)}".TrimEnd();

    private static string ReasonPhrase(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized => "Unauthorized",
        HttpStatusCode.Forbidden => "Forbidden",
        HttpStatusCode.NotFound => "Not Found",
        HttpStatusCode.UnprocessableEntity => "Unprocessable Entity",
        HttpStatusCode.TooManyRequests => "Too Many Requests",
        HttpStatusCode.InternalServerError => "Internal Server Error",
        HttpStatusCode.BadGateway => "Bad Gateway",
        HttpStatusCode.ServiceUnavailable => "Service Unavailable",
        HttpStatusCode.GatewayTimeout => "Gateway Timeout",
        _ => "",
    };

    /// <summary>": message; first error" from GitHub's error body, when it has one.</summary>
    private static string Detail(ApiException api)
    {
        var message = api.ApiError?.Message;
        if (string.IsNullOrWhiteSpace(message))
        {
            // Octokit falls back to the raw body; an HTML error page is not worth quoting.
            message = api.HttpResponse?.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true ? api.Message : null;
        }
        var detail = api.ApiError?.Errors?.FirstOrDefault(d => !string.IsNullOrWhiteSpace(d.Message) || !string.IsNullOrWhiteSpace(d.Code));
        var parts = new[] { message, detail is null ? null : detail.Message ?? $"{detail.Field} {detail.Code}" }
            .Where(p => !string.IsNullOrWhiteSpace(p))
            .Select(p => FirstLine(p!).TrimEnd('.'));
        var text = string.Join("; ", parts);
        return text.Length == 0 ? "" : ": " + text;
    }

    private static string ResetNote(ApiException api) =>
        api.HttpResponse is { } response && ResetTime(response) is { } reset
            ? $"; it resets at {reset.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} UTC"
            : "";

    private static DateTimeOffset? ResetTime(IResponse response) =>
        long.TryParse(Header(response, "X-RateLimit-Reset"), NumberStyles.None, CultureInfo.InvariantCulture, out var epoch)
            ? DateTimeOffset.FromUnixTimeSeconds(epoch)
            : null;

    private static string? Header(IResponse response, string name) =>
        response.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        return line.Length <= 200 ? line : line[..200] + "…";
    }
}
