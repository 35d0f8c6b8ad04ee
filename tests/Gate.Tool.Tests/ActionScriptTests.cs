using System.Text.RegularExpressions;
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

    /// <summary>The lines of the step named <paramref name="step"/>, from its name to the next step.</summary>
    private static string[] Step(string step)
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, "action.yml"));
        var at = Array.FindIndex(lines, l => l.Trim() == "- name: " + step);
        var next = Array.FindIndex(lines, at + 1, l => l.TrimStart().StartsWith("- name: ", StringComparison.Ordinal));
        return lines[at..(next < 0 ? lines.Length : next)];
    }

    /// <summary>The <c>run:</c> block of the step named <paramref name="step"/>, unindented.</summary>
    private static string StepScript(string step)
    {
        var lines = Step(step);
        var run = Array.FindIndex(lines, l => l.Trim() == "run: |");
        var indent = lines[run + 1].Length - lines[run + 1].TrimStart().Length;
        var body = lines.Skip(run + 1).TakeWhile(l => l.Trim().Length == 0 || l.Length - l.TrimStart().Length >= indent);
        return string.Join('\n', body.Select(l => l.Length >= indent ? l[indent..] : "")) + "\n";
    }

    /// <summary>The step's <c>env:</c> entries that carry an input: input name → variable, as the runner maps them.</summary>
    private static Dictionary<string, string> InputVariables(string step) =>
        Step(step)
            .Select(l => Regex.Match(l, @"^\s+([A-Z_]+): \$\{\{ inputs\.([a-z-]+) \}\}$"))
            .Where(m => m.Success)
            .ToDictionary(m => m.Groups[2].Value, m => m.Groups[1].Value, StringComparer.Ordinal);

    /// <summary>Every input's default in action.yml (the value a workflow that does not set it gets).</summary>
    private static Dictionary<string, string> InputDefaults()
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, "action.yml"));
        var defaults = new Dictionary<string, string>(StringComparer.Ordinal);
        string? input = null;
        foreach (var line in lines.SkipWhile(l => l != "inputs:").Skip(1).TakeWhile(l => l != "outputs:"))
        {
            if (Regex.Match(line, @"^  ([a-z-]+):$") is { Success: true } name)
            {
                input = name.Groups[1].Value;
            }
            else if (input is not null && Regex.Match(line, @"^    default: (.*)$") is { Success: true } value)
            {
                defaults[input] = value.Groups[1].Value.Trim('"');
            }
        }
        return defaults;
    }

    /// <summary>
    /// Runs the step as the runner would: each input (action.yml's default unless <paramref name="inputs"/> sets it) in
    /// the variable the step's <c>env:</c> maps it to, the event's base commit in BENCHGATE_BASE_SHA.
    /// </summary>
    private ProcessOutcome RunStep(Dictionary<string, string?> inputs, string? workingDirectory = null, string baseSha = "", string? repository = null)
    {
        var environment = new Dictionary<string, string?>
        {
            ["GITHUB_REPOSITORY"] = repository,
            ["PATH"] = _bin + ":" + Environment.GetEnvironmentVariable("PATH"),
            ["RUNNER_TEMP"] = _temp.Path,
            ["GITHUB_OUTPUT"] = _temp.Combine("output.txt"),
            ["GITHUB_ACTIONS"] = null,
            ["BENCHGATE_BASE_SHA"] = baseSha,
        };
        var variables = InputVariables("Check benchmarks");
        foreach (var (input, value) in InputDefaults())
        {
            if (variables.TryGetValue(input, out var variable))
            {
                environment[variable] = inputs.TryGetValue(input, out var given) ? given : value.StartsWith("${{", StringComparison.Ordinal) ? "" : value;
            }
        }
        var script = _temp.Write("step.sh", StepScript("Check benchmarks"));
        return Tools.Processes.RunAsync(new ProcessSpec("bash", [script], workingDirectory ?? _module, environment, TimeSpan.FromMinutes(10))).GetAwaiter().GetResult();
    }

    /// <summary>The inputs of a check of WordFreq with 3 samples, as most tests here set them.</summary>
    private static Dictionary<string, string?> WordFreq(Dictionary<string, string?>? more = null)
    {
        var inputs = new Dictionary<string, string?> { ["packages"] = "./textproc", ["bench"] = "WordFreq", ["samples"] = "3" };
        foreach (var (input, value) in more ?? [])
        {
            inputs[input] = value;
        }
        return inputs;
    }

    [Fact]
    public void CheckStep_StoredBaseline_PassesAndWritesTheReportPathOutput()
    {
        File.WriteAllText(Path.Combine(_module, "benchgate.json"), """{ "thresholds": { "sec/op": "300%" } }""");
        Tools.Run(ToolProcess.DotnetHost, _module, Path.Combine(AppContext.BaseDirectory, "benchgate.dll"), "baseline", "update", "./textproc", "--bench", "WordFreq", "--samples", "3", "--branch", "main", "--repository", "benchgate/demo");

        var outcome = RunStep(WordFreq(), repository: "benchgate/demo");

        Assert.True(outcome.ExitCode == 0, outcome.Stdout + outcome.Stderr);
        var report = _temp.Combine("benchgate-benchgate.md");
        Assert.Contains($"report-path={report}", File.ReadAllText(_temp.Combine("output.txt")));
        Assert.StartsWith("### ✅ benchgate:", File.ReadAllText(report));
    }

    [Fact]
    public void CheckStep_InputsLeftAtTheirDefaults_BenchgateJsonDecides()
    {
        // Given a benchgate.json that says what to measure (3 samples of WordFreq), and a baseline stored with it
        File.WriteAllText(Path.Combine(_module, "benchgate.json"), """{ "run": { "packages": ["./textproc"], "bench": "WordFreq", "samples": 3 }, "thresholds": { "sec/op": "300%" } }""");
        Tools.Run(ToolProcess.DotnetHost, _module, Path.Combine(AppContext.BaseDirectory, "benchgate.dll"), "baseline", "update", "--branch", "main", "--repository", "benchgate/demo");

        // When the workflow sets no input
        var outcome = RunStep([], repository: "benchgate/demo");

        // Then the step measured what the file says, not a default of the action's
        Assert.True(outcome.ExitCode == 0, outcome.Stdout + outcome.Stderr);
        var report = File.ReadAllText(_temp.Combine("benchgate-benchgate.md"));
        Assert.Contains("WordFreq", report);
        Assert.Contains("n=3", outcome.Stdout);
        Assert.DoesNotContain("n=10", outcome.Stdout);
    }

    [Fact]
    public void CheckStep_InputWithShellSyntax_IsDataNotCode()
    {
        var marker = _temp.Combine("injected");

        var outcome = RunStep(WordFreq(new() { ["packages"] = $"./textproc;touch {marker}", ["bench"] = $"$(touch {marker})" }));

        Assert.Equal(2, outcome.ExitCode);
        Assert.False(File.Exists(marker), "an input was executed as shell code");
    }

    [Theory]
    [InlineData("mode", "fast", "input mode must be baseline or ab")]
    [InlineData("comment", "yes", "input comment must be true or false")]
    public void CheckStep_InvalidInput_AnnotatedErrorExit2(string input, string value, string message)
    {
        var outcome = RunStep(WordFreq(new() { [input] = value }));

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
        var outcome = RunStep(new() { ["mode"] = "ab", ["packages"] = "./...", ["bench"] = "Encode|Search", ["samples"] = "auto", ["comment"] = "false" }, repository.Module, baseSha);

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
        var outcome = RunStep(WordFreq(new() { ["mode"] = "ab" }));

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal("::error title=BenchGate::mode ab needs a pull_request or push event (no base commit to compare with)\n", outcome.Stdout);
    }
}
