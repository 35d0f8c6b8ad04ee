using System.Text.Json;
using Gate.Core;

namespace Gate.Publishing;

/// <summary>Reads what BenchGate needs from a workflow run's event payload (the JSON file at GITHUB_EVENT_PATH).</summary>
public static class GitHubEvent
{
    /// <summary>
    /// The pull request of a <c>pull_request</c>-like payload (any payload with a <c>pull_request</c> object:
    /// pull_request, pull_request_target, pull_request_review…), or null for other events (push, schedule…).
    /// </summary>
    /// <param name="json">The payload.</param>
    /// <param name="shownAs">How messages name the payload (its path).</param>
    /// <exception cref="GateException">The payload is not JSON, or its pull request lacks a number, base or head.</exception>
    public static PullRequestInfo? ReadPullRequest(string json, string shownAs)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new GateException($"{shownAs}: the event payload is not valid JSON: {e.Message}", e);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("pull_request", out var pr)
                || pr.ValueKind != JsonValueKind.Object)
            {
                return null;
            }
            var number = pr.TryGetProperty("number", out var n) && n.TryGetInt32(out var value) ? value
                : document.RootElement.TryGetProperty("number", out var top) && top.TryGetInt32(out var topValue) ? topValue
                : throw new GateException($"{shownAs}: pull_request has no number");
            var baseRepository = RepositoryName(pr, "base")
                ?? throw new GateException($"{shownAs}: pull_request.base.repo.full_name is missing");
            var headSha = StringAt(pr, "head", "sha")
                ?? throw new GateException($"{shownAs}: pull_request.head.sha is missing");
            return new PullRequestInfo(number, baseRepository, RepositoryName(pr, "head"), headSha, StringAt(pr, "base", "sha"));
        }
    }

    private static string? RepositoryName(JsonElement pr, string side) =>
        pr.TryGetProperty(side, out var end) && end.ValueKind == JsonValueKind.Object ? StringAt(end, "repo", "full_name") : null;

    private static string? StringAt(JsonElement element, string child, string property) =>
        element.TryGetProperty(child, out var inner)
        && inner.ValueKind == JsonValueKind.Object
        && inner.TryGetProperty(property, out var value)
        && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
