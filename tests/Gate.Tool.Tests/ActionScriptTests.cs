using Gate.Core.Processes;
using Gate.TestUtilities;

namespace Gate.Tool.Tests;

/// <summary>
/// The action's "Check benchmarks" step (action.yml), run for real by bash with the inputs in its environment, as the
/// runner would: the built benchgate on PATH, a copy of examples/ with a stored baseline, GITHUB_OUTPUT in a file.
/// </summary>
[Trait(Traits.Category, Traits.Slow)]
public sealed class ActionScriptTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _module;
    private readonly string _bin;

    public ActionScriptTests()
    {
        _module = _temp.CopyTree(RepoPaths.Examples, "examples");
        _bin = Directory.CreateDirectory(_temp.Combine("bin")).FullName;
        var wrapper = Path.Combine(_bin, "benchgate");
        File.WriteAllText(wrapper, $"#!/bin/sh\nexec '{ToolProcess.DotnetHost}' '{Path.Combine(AppContext.BaseDirectory, "benchgate.dll")}' \"$@\"\n");
        File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public void Dispose() => _temp.Dispose();

    /// <summary>The <c>run:</c> block of the step named <paramref name="step"/>, unindented.</summary>
    private static string StepScript(string step)
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, "action.yml"));
        var at = Array.FindIndex(lines, l => l.Trim() == "- name: " + step);
        var run = Array.FindIndex(lines, at, l => l.Trim() == "run: |");
        var indent = lines[run + 1].Length - lines[run + 1].TrimStart().Length;
        var body = lines.Skip(run + 1).TakeWhile(l => l.Trim().Length == 0 || l.Length - l.TrimStart().Length >= indent);
        return string.Join('\n', body.Select(l => l.Length >= indent ? l[indent..] : "")) + "\n";
    }

    private ProcessOutcome RunStep(Dictionary<string, string?> inputs, string? workingDirectory = null)
    {
        var environment = new Dictionary<string, string?>
        {
            ["PATH"] = _bin + ":" + Environment.GetEnvironmentVariable("PATH"),
            ["RUNNER_TEMP"] = _temp.Path,
            ["GITHUB_OUTPUT"] = _temp.Combine("output.txt"),
            ["GITHUB_ACTIONS"] = null,
            ["GITHUB_TOKEN"] = "",
            ["BENCHGATE_PACKAGES"] = "./textproc",
            ["BENCHGATE_BENCH"] = "WordFreq",
            ["BENCHGATE_BACKEND"] = "go",
            ["BENCHGATE_SAMPLES"] = "3",
            ["BENCHGATE_STORE"] = "dir:.benchgate",
            ["BENCHGATE_FAIL_ON"] = "regression",
            ["BENCHGATE_COMMENT"] = "true",
            ["BENCHGATE_CHECK_RUN"] = "false",
            ["BENCHGATE_GATE_NAME"] = "benchgate",
            ["BENCHGATE_MODE"] = "baseline",
            ["BENCHGATE_BASE_SHA"] = "",
        };
        foreach (var (name, value) in inputs)
        {
            environment[name] = value;
        }
        var script = _temp.Write("step.sh", StepScript("Check benchmarks"));
        return Tools.Processes.RunAsync(new ProcessSpec("bash", [script], workingDirectory ?? _module, environment, TimeSpan.FromMinutes(10))).GetAwaiter().GetResult();
    }

    [Fact]
    public void CheckStep_StoredBaseline_PassesAndWritesTheReportPathOutput()
    {
        File.WriteAllText(Path.Combine(_module, "benchgate.json"), """{ "thresholds": { "sec/op": "300%" } }""");
        Tools.Run(ToolProcess.DotnetHost, _module, Path.Combine(AppContext.BaseDirectory, "benchgate.dll"), "baseline", "update", "./textproc", "--bench", "WordFreq", "--samples", "3", "--branch", "main", "--repository", "benchgate/demo");

        var outcome = RunStep(new() { ["GITHUB_REPOSITORY"] = "benchgate/demo" });

        Assert.True(outcome.ExitCode == 0, outcome.Stdout + outcome.Stderr);
        var report = _temp.Combine("benchgate-benchgate.md");
        Assert.Contains($"report-path={report}", File.ReadAllText(_temp.Combine("output.txt")));
        Assert.StartsWith("### ✅ benchgate:", File.ReadAllText(report));
    }

    [Fact]
    public void CheckStep_InputWithShellSyntax_IsDataNotCode()
    {
        var marker = _temp.Combine("injected");

        var outcome = RunStep(new() { ["BENCHGATE_PACKAGES"] = $"./textproc;touch {marker}", ["BENCHGATE_BENCH"] = $"$(touch {marker})" });

        Assert.Equal(2, outcome.ExitCode);
        Assert.False(File.Exists(marker), "an input was executed as shell code");
    }

    [Theory]
    [InlineData("BENCHGATE_MODE", "fast", "input mode must be baseline or ab")]
    [InlineData("BENCHGATE_COMMENT", "yes", "input comment must be true or false")]
    public void CheckStep_InvalidInput_AnnotatedErrorExit2(string input, string value, string message)
    {
        var outcome = RunStep(new() { [input] = value });

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("::error title=BenchGate::" + message, outcome.Stdout);
    }

    [Fact]
    public void CheckStep_ModeAb_ChecksTheWorkingTreeAgainstThePullRequestsBaseCommit()
    {
        // Given a repository whose HEAD plants one allocation per op in Encode (tests/Fixtures/ab), and its base commit
        using var repository = new AbRepository();
        var baseSha = repository.Git("rev-parse", "HEAD~1");

        // When the step runs in mode ab with --samples auto
        var outcome = RunStep(new() { ["BENCHGATE_MODE"] = "ab", ["BENCHGATE_BASE_SHA"] = baseSha, ["BENCHGATE_PACKAGES"] = "./...", ["BENCHGATE_BENCH"] = "Encode|Search", ["BENCHGATE_SAMPLES"] = "auto", ["BENCHGATE_COMMENT"] = "false" }, repository.Module);

        // Then it measured the base commit in this job, found the planted regression and failed the step
        Assert.True(outcome.ExitCode == 1, $"exit {outcome.ExitCode}\n{outcome.Stdout}\n{outcome.Stderr}");
        Assert.Contains($"compared with: revision {baseSha[..7]}", outcome.Stdout);
        Assert.Contains("--samples auto: ", outcome.Stdout);
        var report = File.ReadAllText(_temp.Combine("benchgate-benchgate.md"));
        Assert.StartsWith("### ❌ benchgate: ", report);
        Assert.Contains("| benchgate.test/ab Encode", report);
    }

    [Fact]
    public void CheckStep_ModeAbWithoutABaseCommit_AnnotatedErrorExit2()
    {
        var outcome = RunStep(new() { ["BENCHGATE_MODE"] = "ab", ["BENCHGATE_BASE_SHA"] = "" });

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal("::error title=BenchGate::mode ab needs a pull_request or push event (no base commit to compare with)\n", outcome.Stdout);
    }
}
