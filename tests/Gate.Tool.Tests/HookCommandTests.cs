using Gate.Core.Hooks;
using Gate.Core.Processes;
using Gate.TestUtilities;

namespace Gate.Tool.Tests;

/// <summary>
/// <c>benchgate hook …</c> on a real git work tree with a bare remote (tests/Fixtures/msbuild/module at its top level):
/// in process for the quick cases, and for real — the README's commands run by sh, git running the installed hook,
/// which runs the built benchgate — for the push that a planted regression blocks.
/// </summary>
public sealed class HookCommandTests : IDisposable
{
    private const string Section = "## Check before you push (git pre-push hook)";

    /// <summary>The README's advice for rare simulated events, as this repository's benchgate.json.</summary>
    private const string Config = """{ "thresholds": { "LL-misses/op": "1%|+1", "L1i-misses/op": "1%|+1" } }""";

    private readonly GitSandbox _git = new();
    private readonly string _bin;

    public HookCommandTests()
    {
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Fixture("msbuild", "module"), "*", SearchOption.AllDirectories))
        {
            _git.Write(Path.GetRelativePath(RepoPaths.Fixture("msbuild", "module"), file), File.ReadAllText(file));
        }
        _git.Write("benchgate.json", Config);
        _git.Write(".gitignore", ".benchgate/\n");
        _git.Commit("gatedemo");
        _git.Git("push", "-q", "-u", "origin", "main");

        // `benchgate` on PATH for the shell commands and the hook: the benchgate built with these tests.
        _bin = _git.Temp.Combine("bin");
        var wrapper = _git.Temp.Write("bin/benchgate", $"#!/bin/sh\nexec '{ToolProcess.DotnetHost}' '{Path.Combine(AppContext.BaseDirectory, "benchgate.dll")}' \"$@\"\n");
        File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public void Dispose() => _git.Dispose();

    private string Hooks => Path.Combine(_git.WorkTree, ".git", "hooks");

    /// <summary>Runs a command line with sh in the work tree, benchgate on PATH, as a developer would type it.</summary>
    private ProcessOutcome Shell(string commandLine)
    {
        var environment = new Dictionary<string, string?>(GitSandbox.Environment)
        {
            ["PATH"] = _bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
            ["BENCHGATE_DEBUG"] = "1",
        };
        return Tools.Processes.RunAsync(new ProcessSpec("sh", ["-c", commandLine], _git.WorkTree, environment, TimeSpan.FromMinutes(10))).GetAwaiter().GetResult();
    }

    private static string Readme(string prefix) => ReadmeSnippets.Command(ReadmeSnippets.Block(Section, "sh"), prefix);

    /// <summary>Runs benchgate in process in the work tree with <paramref name="input"/> on standard input.</summary>
    private CliResult Benchgate(string input, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, ErrIsTerminal: false, _git.WorkTree, CancellationToken.None) { Processes = Tools.Processes, In = new StringReader(input) };
        var code = Cli.RunAsync(context, args).GetAwaiter().GetResult();
        return new CliResult(code, output.ToString(), error.ToString());
    }

    private void PlantRegression() =>
        File.Copy(RepoPaths.Fixture("msbuild", "regression", "words.go"), Path.Combine(_git.WorkTree, "words", "words.go"), overwrite: true);

    [Fact]
    [Trait(Traits.Category, Traits.Slow)]
    public void GitPush_HookFromTheReadme_BlockedByARegressionAllowedWithoutAndTheForeignHookKept()
    {
        // Given a foreign pre-push hook, and the baseline of main stored with the README's command
        var foreignLog = _git.Temp.Combine("foreign.log");
        var foreignText = $"#!/bin/sh\ncat > /dev/null\necho \"foreign hook: $1\" >> '{foreignLog}'\n";
        var foreign = _git.Write(".git/hooks/pre-push", foreignText);
        File.SetUnixFileMode(foreign, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Assert.Contains(Config.Split("\"thresholds\": ")[1].TrimEnd(' ', '}') + " }", File.ReadAllText(ReadmeSnippets.ReadmePath));
        var baseline = Shell(Readme("benchgate baseline update"));
        Assert.True(baseline.Succeeded, baseline.Stdout + baseline.Stderr);

        // When the hook is installed with the README's command
        var install = Shell(Readme("benchgate hook install"));

        // Then the foreign hook is kept, to run first
        Assert.True(install.Succeeded, install.Stdout + install.Stderr);
        Assert.Contains("the existing hook runs first", install.Stdout);
        Assert.Equal(foreignText, File.ReadAllText(Path.Combine(Hooks, "pre-push" + PrePushHook.ChainedSuffix)));

        // When a commit with the planted regression is pushed
        PlantRegression();
        var pushed = _git.RemoteHead();
        _git.Commit("regression");
        var blocked = Shell(Readme("git push"));

        // Then the push is refused: the check measured the changed package only, with cachegrind, and named the regression
        Assert.False(blocked.Succeeded, blocked.Stdout + blocked.Stderr);
        Assert.Equal(pushed, _git.RemoteHead());
        Assert.Contains("benchgate: checking ./words with cachegrind, at most 60s", blocked.Stderr);
        Assert.Contains("benchgate: push blocked: ", blocked.Stderr);
        Assert.Matches(@"instructions/op \(sim\)[^\n]*\nFields [^\n]*regression", blocked.Stdout);
        Assert.DoesNotContain("Ints", blocked.Stdout);

        // When the regression is dropped and a harmless change of the same package is pushed instead
        _git.Git("reset", "-q", "--hard", "HEAD~1");
        File.AppendAllText(Path.Combine(_git.WorkTree, "words", "words.go"), "\n// Fields is checked before every push.\n");
        var harmless = _git.Commit("comment");
        var allowed = Shell(Readme("git push"));

        // Then the check runs again and lets it through
        Assert.True(allowed.Succeeded, allowed.Stdout + allowed.Stderr);
        Assert.Equal(harmless, _git.RemoteHead());
        Assert.Contains("benchgate: checking ./words with cachegrind", allowed.Stderr);
        Assert.DoesNotContain("regression", allowed.Stdout.Split('\n').Last(l => l.Length > 0));

        // When the regression is pushed with --no-verify
        PlantRegression();
        var bypassing = _git.Commit("regression, on purpose");
        var bypassed = Shell(Readme("git push --no-verify"));

        // Then neither hook runs and the push goes through
        Assert.True(bypassed.Succeeded, bypassed.Stdout + bypassed.Stderr);
        Assert.Equal(bypassing, _git.RemoteHead());
        Assert.DoesNotContain("benchgate: ", bypassed.Stderr);
        Assert.Equal(["foreign hook: origin", "foreign hook: origin"], File.ReadAllLines(foreignLog));

        // When the hook is uninstalled with the README's command, the foreign hook is back exactly
        var uninstall = Shell(Readme("benchgate hook uninstall"));
        Assert.True(uninstall.Succeeded, uninstall.Stdout + uninstall.Stderr);
        Assert.Equal(foreignText, File.ReadAllText(foreign));
        Assert.False(File.Exists(Path.Combine(Hooks, "pre-push" + PrePushHook.ChainedSuffix)));
    }

    [Fact]
    public void PrePush_NoGoPackageChanged_Exit0WithoutMeasuring()
    {
        var before = _git.Git("rev-parse", "HEAD");
        _git.Write("README.md", "docs\n");
        var head = _git.Commit("docs");

        var result = Benchgate($"refs/heads/main {head} refs/heads/main {before}\n", "hook", "pre-push", "--", "origin", _git.Remote);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("no Go package with benchmarks changed in . (1 file(s) changed)", result.Err);
        Assert.EndsWith("benchgate: nothing to check\n", result.Err);
        Assert.DoesNotContain("build [", result.Err);
    }

    [Fact]
    public void PrePush_MalformedInputOrBudget_Exit2SayingHowToSkip()
    {
        var input = Benchgate("garbage\n", "hook", "pre-push", "--", "origin", _git.Remote);
        var budget = Benchgate("", "hook", "pre-push", "--budget", "soon");

        Assert.Equal(2, input.ExitCode);
        Assert.StartsWith("benchgate: pre-push input line 1 is not '<local ref> <local sha> <remote ref> <remote sha>': garbage (to push without the check: git push --no-verify)", input.Err);
        Assert.Equal(2, budget.ExitCode);
        Assert.Contains("--budget 'soon' is not a positive Go duration", budget.Err);
    }

    [Fact]
    public void Install_OptionsWrittenIntoTheHook_InvalidBudgetWritesNothing()
    {
        var bad = Benchgate("", "hook", "install", "--budget", "0s");
        Assert.Equal(2, bad.ExitCode);
        Assert.False(File.Exists(Path.Combine(Hooks, "pre-push")));

        var good = Benchgate("", "hook", "install", "--budget", "30s", "--backend", "go", "--baseline-branch", "develop", "--command", "/opt/benchgate");

        Assert.True(good.ExitCode == 0, good.ToString());
        Assert.Contains("'/opt/benchgate' hook pre-push '--budget' '30s' '--baseline-branch' 'develop' '--backend' 'go' -- \"$@\"", File.ReadAllText(Path.Combine(Hooks, "pre-push")));
    }

    [Theory]
    [InlineData("--samples often --sample-time nonsense", "benchgate: --samples 'often' is not a number of samples, auto or auto:MAX (MAX at least 5)")]
    [InlineData("--sample-time nonsense", "benchgate: --sample-time 'nonsense' is not a positive Go duration such as 100ms or 1s")]
    [InlineData("--backend rdtsc", "benchgate: --backend 'rdtsc' is not one of go, perf, cachegrind")]
    [InlineData("--store s3:bucket", "benchgate: --store 's3:bucket' is not dir:PATH or nuget:SOURCE")]
    [InlineData("--samples auto", "benchgate: --samples auto needs both sides measured in this job")]
    public void Install_OptionsEveryPushWouldRefuse_Exit2AndNoHookWritten(string options, string message)
    {
        var install = Benchgate("", ["hook", "install", .. options.Split(' ')]);

        Assert.Equal(2, install.ExitCode);
        Assert.StartsWith(message, install.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Hooks, "pre-push")), "a hook that fails every push was written");
    }

    [Fact]
    public void Install_ConfigFileWithABadValue_Exit2NamingItsKey()
    {
        _git.Write("benchgate.json", """{ "run": { "samples": "often" } }""");

        var install = Benchgate("", "hook", "install");

        Assert.Equal(2, install.ExitCode);
        Assert.StartsWith("benchgate: benchgate.json: run.samples 'often' is not a number of samples", install.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Hooks, "pre-push")));
    }

    [Fact]
    public async Task Install_OutsideAGitWorkTree_Exit2()
    {
        using var temp = new TempDirectory();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, ErrIsTerminal: false, temp.Path, CancellationToken.None) { Processes = Tools.Processes };

        var code = await Cli.RunAsync(context, ["hook", "install"]);

        Assert.Equal(2, code);
        Assert.Contains("is not in a git work tree", error.ToString());
    }

    [Fact]
    [Trait(Traits.Category, Traits.Slow)]
    public void PrePush_NoBaselineStored_Exit0SayingWhy()
    {
        var before = _git.Git("rev-parse", "HEAD");
        File.AppendAllText(Path.Combine(_git.WorkTree, "sum", "sum.go"), "\n// changed\n");
        var head = _git.Commit("sum");

        var result = Benchgate($"refs/heads/main {head} refs/heads/main {before}\n", "hook", "pre-push", "--backend", "go", "--samples", "1", "--sample-time", "10ms", "--", "origin", _git.Remote);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("benchgate: checking ./sum with go", result.Err);
        Assert.Contains("the store is empty", result.Err);
        Assert.Contains("the push is not checked", result.Err);
    }
}
