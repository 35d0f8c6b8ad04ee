using System.Globalization;

namespace Gate.Core.Counters;

/// <summary>One simulated cache: total size, associativity and line size in bytes, as valgrind's <c>--I1/--D1/--LL</c> take them.</summary>
/// <param name="Size">Total size in bytes.</param>
/// <param name="Associativity">Ways per set.</param>
/// <param name="LineSize">Line size in bytes.</param>
public sealed record CacheLevel(long Size, int Associativity, int LineSize)
{
    /// <summary>The smallest line size valgrind 3.19 accepts.</summary>
    public const int MinLineSize = 16;

    /// <summary><c>size,assoc,line</c>, as valgrind's options spell it.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Size},{Associativity},{LineSize}");

    /// <summary>Why valgrind would refuse this geometry, or null when it is valid.</summary>
    public string? Problem()
    {
        if (Size <= 0 || Associativity <= 0 || LineSize <= 0)
        {
            return "size, associativity and line size must be positive";
        }
        if (LineSize < MinLineSize || !IsPowerOfTwo(LineSize))
        {
            return $"line size {LineSize} must be a power of two of at least {MinLineSize}";
        }
        var setBytes = (long)Associativity * LineSize;
        if (Size % setBytes != 0 || !IsPowerOfTwo(Size / setBytes))
        {
            return $"size / (associativity × line size) = {Size}/{setBytes} must be a whole power of two (the number of sets)";
        }
        return null;
    }

    private static bool IsPowerOfTwo(long value) => value > 0 && (value & (value - 1)) == 0;
}

/// <summary>
/// The cache geometry cachegrind simulates: first-level instruction (I1) and data (D1) caches and the last
/// level (LL). Fixed, not detected from the host, so that counts do not depend on the machine; results are
/// comparable only under the same model.
/// </summary>
public sealed record CacheModel(CacheLevel I1, CacheLevel D1, CacheLevel LL)
{
    /// <summary>A typical x86-64 core: 32 KiB 8-way L1i and L1d, 32 MiB 16-way last level, 64-byte lines.</summary>
    public static CacheModel Default { get; } = new(new(32768, 8, 64), new(32768, 8, 64), new(33554432, 16, 64));

    /// <summary>The model as the results' environment records it: <c>I1=32768,8,64 D1=32768,8,64 LL=33554432,16,64</c>.</summary>
    public override string ToString() => $"I1={I1} D1={D1} LL={LL}";

    /// <summary>valgrind's options for this model.</summary>
    public IReadOnlyList<string> ValgrindArguments() => ["--I1=" + I1, "--D1=" + D1, "--LL=" + LL];

    /// <summary>
    /// Parses <c>NAME=size,assoc,line</c> items (NAME one of I1, D1, LL) separated by spaces or semicolons;
    /// levels not named keep their <see cref="Default"/> geometry. An invalid text is a <see cref="GateException"/>
    /// whose message names the setting as <paramref name="name"/> (<c>--cache-model</c>, <c>BenchGateCacheModel</c>…).
    /// </summary>
    public static CacheModel Parse(string text, string name = "--cache-model")
    {
        var model = Default;
        var items = text.Split([' ', ';', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (items.Length == 0)
        {
            throw new GateException($"{name} is empty; expected for example 'I1=32768,8,64 D1=32768,8,64 LL=33554432,16,64'");
        }
        foreach (var item in items)
        {
            var equals = item.IndexOf('=', StringComparison.Ordinal);
            var levelName = (equals < 0 ? item : item[..equals]).ToUpperInvariant();
            if (levelName is not ("I1" or "D1" or "LL"))
            {
                throw new GateException($"{name} '{item}': expected I1=, D1= or LL= followed by size,assoc,line");
            }
            var level = ParseLevel(name, item, equals < 0 ? "" : item[(equals + 1)..]);
            model = levelName switch
            {
                "I1" => model with { I1 = level },
                "D1" => model with { D1 = level },
                _ => model with { LL = level },
            };
        }
        return model;
    }

    private static CacheLevel ParseLevel(string name, string item, string value)
    {
        var parts = value.Split(',');
        if (parts.Length != 3
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var size)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var associativity)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var lineSize))
        {
            throw new GateException($"{name} '{item}': expected NAME=size,assoc,line in bytes, for example LL=33554432,16,64");
        }
        var level = new CacheLevel(size, associativity, lineSize);
        return level.Problem() is { } problem ? throw new GateException($"{name} '{item}': {problem}") : level;
    }
}
