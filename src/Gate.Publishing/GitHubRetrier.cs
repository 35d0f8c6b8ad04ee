namespace Gate.Publishing;

/// <summary>
/// Calls GitHub, and again after a transient failure, as the <see cref="RetryPolicy"/> allows; says on the log
/// writer what it waits for. <see cref="Attempts"/> tells the diagnosis how many calls were made.
/// </summary>
/// <param name="policy">Attempts and waits.</param>
/// <param name="log">Where a line per retry goes (already redacting).</param>
/// <param name="what">What is being done, for the log: "PR comment", "check run".</param>
internal sealed class GitHubRetrier(RetryPolicy policy, TextWriter log, string what)
{
    /// <summary>Calls made by the last <see cref="RunAsync{T}"/>.</summary>
    public int Attempts { get; private set; }

    /// <summary>Runs <paramref name="call"/> until it succeeds, fails for good, or the attempts are used up; then throws its last failure.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        for (Attempts = 1; ; Attempts++)
        {
            TimeSpan wait;
            try
            {
                return await call().ConfigureAwait(false);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && ShouldRetry(e, out wait))
            {
                await log.WriteLineAsync(
                    $"benchgate: GitHub {what}: {Describe(e)}; retrying in {wait.TotalSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)} s (attempt {Attempts + 1} of {policy.MaxAttempts})").ConfigureAwait(false);
            }
            await policy.Sleep(wait, cancellationToken).ConfigureAwait(false);
        }
    }

    private bool ShouldRetry(Exception e, out TimeSpan wait)
    {
        wait = TimeSpan.Zero;
        if (Attempts >= policy.MaxAttempts || !GitHubFailure.IsTransient(e))
        {
            return false;
        }
        var requested = GitHubFailure.RequestedWait(e, policy.Clock.GetUtcNow());
        if (requested > policy.MaxDelay)
        {
            return false; // A rate limit that resets minutes from now: report it instead of blocking the job.
        }
        wait = requested ?? policy.Backoff(Attempts);
        return true;
    }

    private static string Describe(Exception e) => e switch
    {
        Octokit.ApiException api => $"HTTP {(int)api.StatusCode}",
        TaskCanceledException or TimeoutException => "timed out",
        _ => e.GetType().Name,
    };
}
