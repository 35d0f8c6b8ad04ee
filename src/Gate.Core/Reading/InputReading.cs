using Gate.Core.Results;

namespace Gate.Core.Reading;

/// <summary>What reading a file or a side gave: the results when nothing went wrong, otherwise the problems.</summary>
/// <param name="Results">The results; null when there are problems.</param>
/// <param name="Problems">Every problem met, in file and line order; empty when <paramref name="Results"/> is set.</param>
public sealed record InputReading(RunResults? Results, IReadOnlyList<InputProblem> Problems)
{
    /// <summary>Results read without a problem.</summary>
    public static InputReading Of(RunResults results) => new(results, []);

    /// <summary>No results, because of <paramref name="problems"/> (at least one).</summary>
    public static InputReading Failed(IReadOnlyList<InputProblem> problems) =>
        problems.Count == 0 ? throw new ArgumentException("a failed reading has a problem", nameof(problems)) : new(null, problems);

    /// <summary>No results, because of one problem of <paramref name="file"/> (null: of the side).</summary>
    public static InputReading Failed(string? file, string message) => Failed([new InputProblem(file, null, message)]);
}
