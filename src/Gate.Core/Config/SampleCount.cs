using System.Globalization;
using Gate.Core.Statistics;

namespace Gate.Core.Config;

/// <summary>
/// How many samples to take of each benchmark: a fixed count, or sequentially (<c>auto</c>): round by round until the
/// benchmark's verdict is settled, at most <see cref="Maximum"/> per side. Sequential sampling needs both sides measured
/// in one job (A/B): only there can each round be judged.
/// </summary>
/// <param name="Maximum">The fixed count, or the most a sequential run takes per side.</param>
/// <param name="Sequential">True for <c>auto</c>.</param>
public sealed record SampleCount(int Maximum, bool Sequential)
{
    /// <summary>Samples per side at most with <c>auto</c>, unless <c>auto:MAX</c> says otherwise.</summary>
    public const int DefaultMaximum = SequentialRule.DefaultMaximum;

    /// <summary>The smallest MAX of <c>auto:MAX</c>: a noisy metric is judged from this many samples per side on.</summary>
    public const int SmallestMaximum = SequentialRule.NoisyMinimum;

    /// <summary>What a bad text is told, after its name and value.</summary>
    public static string Expected { get; } = $"is not a number of samples, auto or auto:MAX (MAX at least {SmallestMaximum.ToString(CultureInfo.InvariantCulture)})";

    /// <summary>Exactly <paramref name="count"/> samples.</summary>
    public static SampleCount Fixed(int count) => new(count, false);

    /// <summary>Sequential sampling up to <paramref name="maximum"/> per side.</summary>
    public static SampleCount Auto(int maximum = DefaultMaximum) => new(maximum, true);

    /// <summary>Parses <c>10</c>, <c>auto</c> or <c>auto:30</c>; false for anything else (0, negative, MAX below 5).</summary>
    public static bool TryParse(string text, out SampleCount count)
    {
        count = Fixed(1);
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1)
        {
            count = Fixed(n);
            return true;
        }
        if (text == "auto")
        {
            count = Auto();
            return true;
        }
        if (text.StartsWith("auto:", StringComparison.Ordinal)
            && int.TryParse(text.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var maximum) && maximum >= SmallestMaximum)
        {
            count = Auto(maximum);
            return true;
        }
        return false;
    }

    /// <inheritdoc />
    public override string ToString() =>
        !Sequential ? Maximum.ToString(CultureInfo.InvariantCulture)
        : Maximum == DefaultMaximum ? "auto"
        : "auto:" + Maximum.ToString(CultureInfo.InvariantCulture);
}
