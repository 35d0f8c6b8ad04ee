namespace Gate.Publishing;

/// <summary>
/// How often and how long to wait before calling GitHub again after a transient failure (5xx, rate limits,
/// connection errors): exponential backoff from <see cref="FirstDelay"/>, each wait at most <see cref="MaxDelay"/>,
/// at most <see cref="MaxAttempts"/> calls in all. A rate limit that resets later than <see cref="MaxDelay"/> is not waited for.
/// </summary>
/// <param name="MaxAttempts">Calls in all, the first included (1 = no retry).</param>
/// <param name="FirstDelay">The wait before the second call; doubled before each further call.</param>
/// <param name="MaxDelay">The longest single wait, also for a server's Retry-After.</param>
public sealed record RetryPolicy(int MaxAttempts, TimeSpan FirstDelay, TimeSpan MaxDelay)
{
    /// <summary>4 calls, waiting 2 s, 4 s, 8 s (a server's Retry-After up to 60 s).</summary>
    public static RetryPolicy Default { get; } = new(4, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(60));

    /// <summary>How to wait: <see cref="Task.Delay(TimeSpan, CancellationToken)"/> unless a test records the waits instead.</summary>
    public Func<TimeSpan, CancellationToken, Task> Sleep { get; init; } = Task.Delay;

    /// <summary>The clock rate-limit reset times are compared with.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The backoff wait after failed call number <paramref name="attempt"/> (1-based).</summary>
    public TimeSpan Backoff(int attempt)
    {
        var delay = FirstDelay * Math.Pow(2, attempt - 1);
        return delay < MaxDelay ? delay : MaxDelay;
    }
}
