using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Gate.TestUtilities;

namespace Gate.Publishing.Tests.Workflows;

/// <summary>action.yml and .github/workflows checked by real linters, and by the rules this project adds.</summary>
[Trait(Traits.Category, Traits.Slow)]
public partial class WorkflowLintTests(WorkflowTools tools) : IClassFixture<WorkflowTools>
{
    private static readonly string ActionYml = Path.Combine(RepoPaths.Root, "action.yml");

    private static readonly string[] WorkflowFiles = [.. System.IO.Directory.GetFiles(Path.Combine(RepoPaths.Root, ".github", "workflows"), "*.yml").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    public static TheoryData<string> Workflows => new(WorkflowFiles);

    private static string Workflow(string name) => Path.Combine(RepoPaths.Root, ".github", "workflows", name);

    [Fact]
    public void Workflows_AllFourExist()
    {
        Assert.Equal(["ci.yml", "nightly-baseline.yml", "pr-gate.yml", "sharded-gate.yml"], WorkflowFiles);
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Workflow_Actionlint_FindsNothing(string workflow)
    {
        // When actionlint checks the workflow, Then it finds no problem
        var findings = tools.Actionlint(Workflow(workflow));
        Assert.True(findings.Count == 0, string.Join('\n', findings));
    }

    [Fact]
    public void BadWorkflow_Actionlint_ReportsEachMistake()
    {
        // Given a workflow with deliberate mistakes (so that a silent linter cannot pass the test above)
        var findings = tools.Actionlint(RepoPaths.Fixture("github", "lint", "bad-workflow.yml"));

        // Then each kind of mistake is reported
        Assert.Equal(["expression", "job-needs", "shell-name", "syntax-check"], findings.Select(f => f.Kind).Distinct().Order());
        Assert.Contains(findings, f => f.Kind == "expression" && f.Message.Contains("potentially untrusted", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Workflow_ActionValidator_MatchesTheSchema(string workflow)
    {
        var outcome = tools.ActionValidator(Workflow(workflow));
        Assert.True(outcome.ExitCode == 0, outcome.Stdout + outcome.Stderr);
    }

    [Fact]
    public void ActionYml_ActionValidator_MatchesTheSchema()
    {
        var outcome = tools.ActionValidator(ActionYml);
        Assert.True(outcome.ExitCode == 0, outcome.Stdout + outcome.Stderr);
    }

    [Fact]
    public void BadAction_ActionValidator_Rejects()
    {
        // Given an action.yml with deliberate mistakes
        var outcome = tools.ActionValidator(RepoPaths.Fixture("github", "lint", "bad-action", "action.yml"));

        // Then the validator rejects it and names them (on stderr)
        Assert.NotEqual(0, outcome.ExitCode);
        var report = outcome.Stdout + outcome.Stderr;
        Assert.Contains("Additional property 'descripton' is not allowed", report);
        Assert.Contains("/runs/steps/0/shell", report);
        Assert.Contains("\"path\": \"/description\"", report);
    }

    [Fact]
    public void ActionYml_Inputs_EachHasDescriptionRequiredAndDefault()
    {
        // Given the action's metadata
        var action = tools.Yaml(ActionYml);
        var inputs = action["inputs"]!.AsObject();

        // Then it has the documented inputs, each described, optional and with a default
        string[] expected = ["packages", "bench", "backend", "samples", "baseline-store", "fail-on", "comment", "token", "gate-name", "mode", "version"];
        Assert.Empty(expected.Except(inputs.Select(i => i.Key)));
        foreach (var (name, input) in inputs)
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)input!["description"]), name);
            Assert.False((bool)input["required"]!, name);
            Assert.True(input["default"] is JsonValue value && value.TryGetValue<string>(out _), $"{name}: default must be a string");
        }
        Assert.Equal("composite", (string?)action["runs"]!["using"]);
        Assert.Equal(["regressions", "report-path"], action["outputs"]!.AsObject().Select(o => o.Key));
        Assert.All(action["outputs"]!.AsObject(), o => Assert.StartsWith("${{ steps.check.outputs.", (string?)o.Value!["value"]));
    }

    [Fact]
    public void ActionYml_Inputs_ReachScriptsOnlyThroughEnv()
    {
        // Given the action's steps
        var action = tools.Yaml(ActionYml);
        var steps = action["runs"]!["steps"]!.AsArray().Select(s => s!.AsObject()).ToList();

        // Then no run: text holds an expression (script injection), and every input reaches a step through env:,
        // except working-directory (a step key) and those handed to an action's with:
        var runs = steps.Where(s => s["run"] is not null).ToList();
        Assert.NotEmpty(runs);
        Assert.All(runs, s => Assert.DoesNotContain("${{", (string)s["run"]!, StringComparison.Ordinal));
        var envValues = string.Join('\n', steps.Select(s => s["env"]?.ToJsonString() ?? ""));
        foreach (var (name, _) in action["inputs"]!.AsObject())
        {
            if (name != "working-directory")
            {
                Assert.Contains("${{ inputs." + name + " }}", envValues);
            }
        }
    }

    [Fact]
    public void ActionYml_RunScripts_AreValidBash()
    {
        // Given every bash script of the action, When bash parses it (-n), Then it has no syntax error
        var steps = tools.Yaml(ActionYml)["runs"]!["steps"]!.AsArray().Select(s => s!.AsObject()).Where(s => s["run"] is not null).ToList();
        Assert.All(steps, step =>
        {
            Assert.Equal("bash", (string?)step["shell"]);
            Tools.Run("bash", RepoPaths.Root, "-n", "-c", (string)step["run"]!);
        });
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Workflow_RunSteps_ExpandNoExpression(string workflow)
    {
        // Values from the event or inputs reach scripts through env:, never through ${{ }} in run: text
        var jobs = tools.Yaml(Workflow(workflow))["jobs"]!.AsObject();
        var runs = jobs.SelectMany(j => j.Value!["steps"]!.AsArray()).Select(s => (string?)s!["run"]).OfType<string>().ToList();
        Assert.All(runs, run => Assert.DoesNotContain("${{", run, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    [InlineData("../../action.yml")]
    public void ThirdPartyActions_PinnedToFullShaWithVersionComment(string file)
    {
        // Given every `uses:` of a third-party action (not this repository's own action)
        var uses = File.ReadAllLines(Workflow(file)).Select(l => Uses().Match(l)).Where(m => m.Success).ToList();
        Assert.NotEmpty(uses);
        foreach (var use in uses.Where(u => !u.Groups["action"].Value.StartsWith("./", StringComparison.Ordinal) && !u.Groups["action"].Value.StartsWith("benchgate/benchgate@", StringComparison.Ordinal)))
        {
            // Then it names a full commit SHA and says its version in a comment
            Assert.Matches(@"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$", use.Groups["action"].Value);
            Assert.Matches(@"^v\d+(\.\d+)*$", use.Groups["version"].Value);
        }
    }

    [Fact]
    public void Readme_UseItInGitHubActions_IsExactlyPrGateYml()
    {
        // Given the README's section "Use it in GitHub Actions"
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var section = ReadmeSection().Match(readme);
        Assert.True(section.Success, "README.md has no section '## Use it in GitHub Actions' with a ```yaml block");

        // Then its YAML block is the content of .github/workflows/pr-gate.yml, byte for byte
        Assert.Equal(File.ReadAllText(Workflow("pr-gate.yml")), section.Groups["yaml"].Value);
    }

    [GeneratedRegex(@"^\s*(?:-\s+)?uses:\s*(?<action>\S+)(?:\s+#\s*(?<version>\S+))?\s*$")]
    private static partial Regex Uses();

    [GeneratedRegex(@"^## Use it in GitHub Actions\n(?:(?!^## ).)*?^```yaml\n(?<yaml>.*?)^```$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex ReadmeSection();
}
