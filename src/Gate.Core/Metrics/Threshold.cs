using System.Globalization;

namespace Gate.Core.Metrics;

/// <summary>
/// A practical threshold: how large a change must be to matter. <c>5%</c> is relative to the old median;
/// <c>+1</c> (or <c>1</c>) is absolute, in the metric's unit; <c>5%|+1</c> needs both. A change that is statistically
/// significant but smaller than the threshold is reported as unchanged.
/// </summary>
/// <param name="Relative">Smallest relevant relative change as a fraction (0.05 for 5 %), or null.</param>
/// <param name="Absolute">Smallest relevant absolute change in the metric's unit, or null.</param>
public sealed record Threshold(double? Relative, double? Absolute)
{
    /// <summary>Any change matters.</summary>
    public static Threshold Zero { get; } = new(null, null);

    /// <summary>A relative threshold of <paramref name="percent"/> %.</summary>
    public static Threshold Percent(double percent) => new(percent / 100, null);

    /// <summary>True when a change from <paramref name="oldValue"/> to <paramref name="newValue"/> is at least this threshold.</summary>
    public bool IsMetBy(double oldValue, double newValue)
    {
        var delta = Math.Abs(newValue - oldValue);
        if (delta == 0)
        {
            return false;
        }
        if (Absolute is { } absolute && delta < absolute * (1 - 1e-12))
        {
            return false;
        }
        if (Relative is { } relative && oldValue != 0 && delta / Math.Abs(oldValue) < relative * (1 - 1e-12))
        {
            return false;
        }
        return true;
    }

    /// <summary>Parses <c>5%</c>, <c>0.5%</c>, <c>+1</c>, <c>1</c> or <c>5%|+1</c>.</summary>
    public static bool TryParse(string text, out Threshold threshold)
    {
        threshold = Zero;
        double? relative = null, absolute = null;
        var parts = text.Split('|', StringSplitOptions.TrimEntries);
        if (parts.Length is 0 or > 2)
        {
            return false;
        }
        foreach (var part in parts)
        {
            if (part.EndsWith('%'))
            {
                if (relative is not null || !TryNumber(part[..^1], out var percent))
                {
                    return false;
                }
                relative = percent / 100;
            }
            else
            {
                if (absolute is not null || !TryNumber(part.StartsWith('+') ? part[1..] : part, out var value))
                {
                    return false;
                }
                absolute = value;
            }
        }
        threshold = new Threshold(relative, absolute);
        return true;
    }

    /// <summary>Parses a threshold or throws a <see cref="GateException"/> naming <paramref name="where"/>.</summary>
    public static Threshold Parse(string text, string where) =>
        TryParse(text, out var threshold)
            ? threshold
            : throw new GateException($"{where}: threshold '{text}' is not of the form 5%, +1 or 5%|+1");

    /// <inheritdoc />
    public override string ToString()
    {
        var parts = new List<string>(2);
        if (Relative is { } relative)
        {
            parts.Add((relative * 100).ToString("0.###", CultureInfo.InvariantCulture) + "%");
        }
        if (Absolute is { } absolute)
        {
            parts.Add("+" + absolute.ToString("0.######", CultureInfo.InvariantCulture));
        }
        return parts.Count == 0 ? "0%" : string.Join('|', parts);
    }

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value) && double.IsFinite(value) && value >= 0;
}
