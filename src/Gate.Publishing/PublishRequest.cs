namespace Gate.Publishing;

/// <summary>A benchmark that regressed: an annotation goes on the line that defines it.</summary>
/// <param name="PackageDirectory">The Go package's directory (absolute, or relative to the working directory).</param>
/// <param name="Name">The benchmark's name as Go prints it, for example <c>BenchmarkEncode/size=64</c>.</param>
/// <param name="Message">What regressed, one or a few lines, for example <c>sec/op +12.3% [+9.8%, +14.1%], p=0.002</c>.</param>
public sealed record RegressedBenchmark(string PackageDirectory, string Name, string Message);

/// <summary>What to publish for one gate: the report and the regressions.</summary>
/// <param name="GateName">Names the sticky comment and the check run; several gates on one PR each keep their own.</param>
/// <param name="Markdown">The report: the PR comment, the job summary and the check run's summary.</param>
public sealed record PublishRequest(string GateName, string Markdown)
{
    /// <summary>The gate name used when none is given.</summary>
    public const string DefaultGateName = "benchgate";

    /// <summary>The regressed benchmarks: one error annotation each; none means the gate passed.</summary>
    public IReadOnlyList<RegressedBenchmark> Regressions { get; init; } = [];

    /// <summary>Post or update the sticky PR comment (when the run is for a pull request and may write).</summary>
    public bool Comment { get; init; } = true;

    /// <summary>Create or update a check run with the report (<c>--check-run</c>).</summary>
    public bool CheckRun { get; init; }

    /// <summary>The check run's title (one line, for example the headline); default: the number of regressions.</summary>
    public string? Title { get; init; }

    /// <summary>Where the report file was written, for the step output <c>report-path</c>.</summary>
    public string? ReportPath { get; init; }
}
