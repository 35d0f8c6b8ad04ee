using Gate.Core.Running;
using Gate.TestUtilities;

namespace Gate.Tool.Tests;

/// <summary>
/// action.yml's "Check benchmarks" step with <c>mode: ab</c>, for real: its bash script taken from action.yml, the
/// inputs in its environment variables as the action's env: sets them, and the built benchgate on PATH, in a git
/// repository with one planted regression (tests/Fixtures/ab).
/// </summary>
[Trait(Traits.Category, Traits.Slow)]
public sealed class AbActionTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly AbRepository _repository = new();

    public AbActionTests()
    {
        var bin = Directory.CreateDirectory(_temp.Combine("bin")).FullName;
        var wrapper = Path.Combine(bin, "benchgate");
        File.WriteAllText(wrapper, $"#!/bin/sh\nexec '{ToolProcess.DotnetHost}' '{Path.Combine(AppContext.BaseDirectory, "benchgate.dll")}' \"$@\"\n");
        File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public void Dispose()
    {
        _repository.Dispose();
        _temp.Dispose();
    }

    /// <summary>The run: script of the step called <paramref name="name"/> in action.yml (a literal block, indented 8 spaces).</summary>
    private static string StepScript(string name)
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, "action.yml"));
        var step = Array.FindIndex(lines, l => l == "    - name: " + name);
        var run = Array.FindIndex(lines, step, l => l == "      run: |");
        return string.Join('\n', lines.Skip(run + 1).TakeWhile(l => l.Length == 0 || l.StartsWith("        ", StringComparison.Ordinal)).Select(l => l.Length == 0 ? l : l[8..])) + "\n";
    }

    private ProcessOutcome RunStep(string mode, string baseSha, string samples)
    {
        var environment = new Dictionary<string, string?>
        {
            ["PATH"] = _temp.Combine("bin") + ":" + Environment.GetEnvironmentVariable("PATH"),
            ["BENCHGATE_PACKAGES"] = "./...",
            ["BENCHGATE_BENCH"] = "Encode|Search",
            ["BENCHGATE_BACKEND"] = "go",
            ["BENCHGATE_SAMPLES"] = samples,
            ["BENCHGATE_STORE"] = "dir:.benchgate",
            ["BENCHGATE_FAIL_ON"] = "regression",
            ["BENCHGATE_COMMENT"] = "false",
            ["BENCHGATE_CHECK_RUN"] = "false",
            ["BENCHGATE_GATE_NAME"] = "benchgate",
            ["BENCHGATE_MODE"] = mode,
            ["BENCHGATE_BASE_SHA"] = baseSha,
            ["GITHUB_TOKEN"] = "",
            ["GITHUB_OUTPUT"] = _temp.Combine("github-output"),
            ["RUNNER_TEMP"] = _temp.Path,
            // Not in Actions: nothing is published, even when the tests themselves run in a workflow.
            ["GITHUB_ACTIONS"] = null,
            ["GITHUB_STEP_SUMMARY"] = null,
            ["GITHUB_EVENT_PATH"] = null,
        };
        return Tools.Processes.RunAsync(new ProcessSpec("bash", ["-c", StepScript("Check benchmarks")], _repository.Module, environment, TimeSpan.FromMinutes(10))).GetAwaiter().GetResult();
    }

    [Fact]
    public void ModeAb_PullRequestBaseSha_ChecksTheWorkingTreeAgainstIt()
    {
        // Given the pull request's base commit (HEAD~1) and --samples auto
        var baseSha = _repository.Git("rev-parse", "HEAD~1");

        // When the action's check step runs in mode ab
        var outcome = RunStep("ab", baseSha, "auto");

        // Then it measured the base commit in this job, found the planted regression and failed the step
        Assert.True(outcome.ExitCode == 1, $"exit {outcome.ExitCode}\n{outcome.Stdout}\n{outcome.Stderr}");
        Assert.Contains($"compared with: revision {baseSha[..7]}", outcome.Stdout);
        Assert.Contains("--samples auto: ", outcome.Stdout);
        var report = File.ReadAllText(_temp.Combine("benchgate-benchgate.md"));
        Assert.StartsWith("### ❌ benchgate: ", report);
        Assert.Contains("| benchgate.test/ab Encode", report);
        Assert.Contains($"report-path={_temp.Combine("benchgate-benchgate.md")}", File.ReadAllText(_temp.Combine("github-output")));
    }

    [Fact]
    public void ModeAb_NoBaseCommit_FailsWithAnAnnotation()
    {
        var outcome = RunStep("ab", "", "10");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal("::error title=BenchGate::mode ab needs a pull_request or push event (no base commit to compare with)\n", outcome.Stdout);
    }
}
