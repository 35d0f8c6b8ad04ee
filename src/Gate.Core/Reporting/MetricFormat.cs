using System.Globalization;

namespace Gate.Core.Reporting;

/// <summary>
/// Formats metric values for people, as benchstat does: four significant digits and a scale prefix
/// (n, µ, m for seconds; Ki, Mi, Gi for bytes; k, M, G for counts).
/// </summary>
public static class MetricFormat
{
    private static readonly (double Scale, string Prefix)[] Decimal = [(1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k")];
    private static readonly (double Scale, string Prefix)[] SmallDecimal = [(1e-3, "m"), (1e-6, "µ"), (1e-9, "n"), (1e-12, "p")];
    private static readonly (double Scale, string Prefix)[] Seconds = [(1, ""), (1e-3, "m"), (1e-6, "µ"), (1e-9, "n"), (1e-12, "p")];
    private static readonly (double Scale, string Prefix)[] Binary = [(1L << 40, "Ti"), (1L << 30, "Gi"), (1L << 20, "Mi"), (1L << 10, "Ki")];

    /// <summary>The value scaled for its unit, for example <c>1.234µ</c> for 1.234e-6 sec/op.</summary>
    public static string Format(double value, string unit)
    {
        if (value == 0 || !double.IsFinite(value))
        {
            return Digits(value);
        }
        var magnitude = Math.Abs(value);
        if (unit.EndsWith("sec/op", StringComparison.Ordinal))
        {
            foreach (var (scale, prefix) in Seconds)
            {
                if (magnitude >= scale * 0.99995)
                {
                    return Digits(value / scale) + prefix;
                }
            }
            return Digits(value / 1e-12) + "p";
        }
        var table = unit.StartsWith("B/", StringComparison.Ordinal) ? Binary : Decimal;
        foreach (var (scale, prefix) in table)
        {
            if (magnitude >= scale * 0.99995)
            {
                return Digits(value / scale) + prefix;
            }
        }
        if (magnitude < 0.01)
        {
            // Rare events per op (page faults, context switches): 1.570m rather than 0.001570.
            foreach (var (scale, prefix) in SmallDecimal)
            {
                if (magnitude >= scale * 0.99995)
                {
                    return Digits(value / scale) + prefix;
                }
            }
        }
        return Digits(value);
    }

    /// <summary>A relative change as a signed percentage, for example <c>+4.20%</c>.</summary>
    public static string Percent(double fraction) =>
        (fraction >= 0 ? "+" : "") + (fraction * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%";

    /// <summary>Four significant digits, no exponent, invariant culture.</summary>
    public static string Digits(double value)
    {
        if (value == 0)
        {
            return "0";
        }
        var magnitude = Math.Abs(value);
        var decimals = magnitude >= 1000 ? 0 : Math.Max(0, 3 - (int)Math.Floor(Math.Log10(magnitude)));
        return Math.Round(value, Math.Min(decimals, 15)).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }
}
