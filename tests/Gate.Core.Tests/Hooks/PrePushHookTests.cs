using Gate.Core.Hooks;
using Gate.TestUtilities;

namespace Gate.Core.Tests.Hooks;

/// <summary>The pre-push hook file, run for real by sh with a recording stand-in for benchgate.</summary>
public class PrePushHookTests
{
    private const string PushInput = "refs/heads/main 1111111111111111111111111111111111111111 refs/heads/main 2222222222222222222222222222222222222222";

    private static string Recorder(TempDirectory temp, string name, int exitCode)
    {
        var log = temp.Combine(name + ".log");
        var script = temp.Write(name, $"#!/bin/sh\n{{ echo \"args: $*\"; cat; }} > '{log}'\nexit {exitCode}\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return script;
    }

    private static int RunHook(string hook, string input)
    {
        var outcome = Tools.Processes.RunAsync(new Core.Processes.ProcessSpec("sh", ["-c", $"printf '%s\\n' '{input}' | '{hook}' origin /srv/remote.git"], Path.GetDirectoryName(hook))).GetAwaiter().GetResult();
        return outcome.ExitCode;
    }

    [Fact]
    public void Install_NoHook_HookRunsBenchGateWithArgumentsAndInput()
    {
        using var temp = new TempDirectory();
        var benchgate = Recorder(temp, "benchgate", 0);

        var change = PrePushHook.Install(temp.Combine("hooks"), benchgate, ["--budget", "60s"], force: false);

        Assert.Equal(0, RunHook(change.HookPath, PushInput));
        Assert.Equal($"args: hook pre-push --budget 60s -- origin /srv/remote.git\n{PushInput}\n", File.ReadAllText(benchgate + ".log"));
    }

    [Fact]
    public void Install_BenchGateFails_PushBlocked()
    {
        using var temp = new TempDirectory();
        var benchgate = Recorder(temp, "benchgate", 1);

        var change = PrePushHook.Install(temp.Combine("hooks"), benchgate, [], force: false);

        Assert.Equal(1, RunHook(change.HookPath, PushInput));
    }

    [Fact]
    public void Install_ForeignHook_PreservedAndChainedWithSameInput()
    {
        using var temp = new TempDirectory();
        var hooks = Directory.CreateDirectory(temp.Combine("hooks")).FullName;
        var foreignText = "#!/bin/sh\n{ echo \"args: $*\"; cat; } > '" + temp.Combine("foreign.log") + "'\n";
        var foreign = temp.Write("hooks/pre-push", foreignText);
        File.SetUnixFileMode(foreign, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var benchgate = Recorder(temp, "benchgate", 0);

        var change = PrePushHook.Install(hooks, benchgate, [], force: false);

        Assert.Contains("the existing hook runs first", change.Message);
        Assert.Equal(foreignText, File.ReadAllText(Path.Combine(hooks, "pre-push" + PrePushHook.ChainedSuffix)));
        Assert.Equal(0, RunHook(change.HookPath, PushInput));
        Assert.Equal($"args: origin /srv/remote.git\n{PushInput}\n", File.ReadAllText(temp.Combine("foreign.log")));
        Assert.Equal($"args: hook pre-push -- origin /srv/remote.git\n{PushInput}\n", File.ReadAllText(benchgate + ".log"));
    }

    [Fact]
    public void Install_ForeignHookFails_BenchGateNotRunAndPushBlocked()
    {
        using var temp = new TempDirectory();
        var hooks = Directory.CreateDirectory(temp.Combine("hooks")).FullName;
        var foreign = temp.Write("hooks/pre-push", "#!/bin/sh\nexit 3\n");
        File.SetUnixFileMode(foreign, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var benchgate = Recorder(temp, "benchgate", 0);

        var change = PrePushHook.Install(hooks, benchgate, [], force: false);

        Assert.Equal(3, RunHook(change.HookPath, PushInput));
        Assert.False(File.Exists(benchgate + ".log"));
    }

    [Fact]
    public void Uninstall_AfterChaining_RestoresTheForeignHookExactly()
    {
        using var temp = new TempDirectory();
        var hooks = Directory.CreateDirectory(temp.Combine("hooks")).FullName;
        var foreign = temp.Write("hooks/pre-push", "#!/bin/sh\necho mine\n");
        File.SetUnixFileMode(foreign, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var before = Directory.GetFiles(hooks).Order(StringComparer.Ordinal).ToList();

        PrePushHook.Install(hooks, "benchgate", [], force: false);
        PrePushHook.Uninstall(hooks);

        Assert.Equal(before, Directory.GetFiles(hooks).Order(StringComparer.Ordinal));
        Assert.Equal("#!/bin/sh\necho mine\n", File.ReadAllText(foreign));
        Assert.True((File.GetUnixFileMode(foreign) & UnixFileMode.UserExecute) != 0);
    }

    [Fact]
    public void Uninstall_NoChain_RemovesOnlyTheHook()
    {
        using var temp = new TempDirectory();
        var hooks = Directory.CreateDirectory(temp.Combine("hooks")).FullName;
        temp.Write("hooks/pre-commit", "#!/bin/sh\n");

        PrePushHook.Install(hooks, "benchgate", [], force: false);
        PrePushHook.Uninstall(hooks);

        Assert.Equal(["pre-commit"], Directory.GetFiles(hooks).Select(Path.GetFileName));
    }

    [Fact]
    public void Uninstall_ForeignHook_RefusedAndUntouched()
    {
        using var temp = new TempDirectory();
        var hooks = Directory.CreateDirectory(temp.Combine("hooks")).FullName;
        var foreign = temp.Write("hooks/pre-push", "#!/bin/sh\necho mine\n");

        var error = Assert.Throws<GateException>(() => PrePushHook.Uninstall(hooks));

        Assert.Contains("is not BenchGate's hook", error.Message);
        Assert.Equal("#!/bin/sh\necho mine\n", File.ReadAllText(foreign));
    }

    [Fact]
    public void Install_Force_ReplacesTheForeignHook()
    {
        using var temp = new TempDirectory();
        var hooks = Directory.CreateDirectory(temp.Combine("hooks")).FullName;
        temp.Write("hooks/pre-push", "#!/bin/sh\necho mine\n");

        var change = PrePushHook.Install(hooks, "benchgate", [], force: true);

        Assert.True(PrePushHook.IsOurs(change.HookPath));
        Assert.False(File.Exists(change.HookPath + PrePushHook.ChainedSuffix));
    }

    [Fact]
    public void Install_Twice_DoesNotChainItself()
    {
        using var temp = new TempDirectory();
        var hooks = temp.Combine("hooks");

        PrePushHook.Install(hooks, "benchgate", [], force: false);
        PrePushHook.Install(hooks, "benchgate", ["--budget", "30s"], force: false);

        Assert.Equal(["pre-push"], Directory.GetFiles(hooks).Select(Path.GetFileName));
        Assert.Contains("'--budget' '30s'", File.ReadAllText(Path.Combine(hooks, "pre-push")));
    }
}
