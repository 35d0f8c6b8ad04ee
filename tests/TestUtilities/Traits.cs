namespace Gate.TestUtilities;

/// <summary>Trait names: <c>[Trait(Traits.Category, Traits.Slow)]</c> marks tests that take seconds or more.</summary>
public static class Traits
{
    public const string Category = "Category";

    /// <summary>Runs real go builds, benchmarks, perf, valgrind or dotnet pack: seconds to minutes.</summary>
    public const string Slow = "Slow";
}
