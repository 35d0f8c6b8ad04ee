using System.CommandLine;
using System.Text.Json.Nodes;
using Gate.Core.Config;
using Gate.Core.Measurement;
using Gate.TestUtilities;
using Gate.Tool;
using Gate.Tool.Commands;

namespace Gate.Tasks.Tests.Hosts;

/// <summary>
/// The same settings fed through every host — the tool's flags (<c>check</c>), benchgate.json, the MSBuild task's
/// properties, the action's environment (the variables action.yml maps the inputs to) and the pre-push hook's stored
/// options (what <c>hook install</c> writes, parsed as <c>hook pre-push</c> parses it) — give identical resolved
/// settings, and identical messages for the same bad values (only the setting's name is each host's own).
/// </summary>
public sealed class SettingsAcrossHostsTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    /// <summary>The hosts, each a way of writing the same settings.</summary>
    public enum Host
    {
        Tool,
        ConfigFile,
        MsBuild,
        Action,
        Hook,
    }

    /// <summary>A case: settings (by config key) and their values.</summary>
    public static TheoryData<string, Host> Valid()
    {
        var data = new TheoryData<string, Host>();
        foreach (var values in new[]
        {
            "run.samples=3",
            "run.samples=auto",
            "run.samples=auto:30",
            "run.backend=cachegrind",
            "run.backend=perf;run.events=task-clock,page-faults",
            "run.backend=cachegrind;run.cacheModel=LL=8388608,16,64",
            "run.sampleTime=20ms;run.bench=Encode|Search",
            "run.packages=./codec ./textproc;run.dir=mod",
            "run.jobs=2",
            "failOn=never;store=dir:elsewhere;baselineBranch=develop",
            "repository=owner/name",
        })
        {
            foreach (var host in Enum.GetValues<Host>())
            {
                data.Add(values, host);
            }
        }
        return data;
    }

    /// <summary>Bad values and the message every host gives, with {name} where the host's name for the setting goes.</summary>
    public static TheoryData<string, string, Host> Invalid()
    {
        var data = new TheoryData<string, string, Host>();
        foreach (var (values, message) in new[]
        {
            ("run.samples=often", "{run.samples} 'often' is not a number of samples, auto or auto:MAX (MAX at least 5)"),
            ("run.samples=0", "{run.samples} must be at least 1 (got 0)"),
            ("run.samples=auto:3", "{run.samples} 'auto:3' is not a number of samples, auto or auto:MAX (MAX at least 5)"),
            ("run.sampleTime=nonsense", "{run.sampleTime} 'nonsense' is not a positive Go duration such as 100ms or 1s"),
            ("run.sampleTime=10", "{run.sampleTime} '10' is not a positive Go duration such as 100ms or 1s"),
            ("run.backend=rdtsc", "{run.backend} 'rdtsc' is not one of go, perf, cachegrind"),
            ("run.jobs=0", "{run.jobs} must be at least 1 (got 0)"),
            ("run.jobs=many", "{run.jobs} 'many' is not a whole number of at least 1"),
            ("failOn=always", "{failOn} must be regression or never (got 'always')"),
            ("store=s3:bucket", "{store} 's3:bucket' is not dir:PATH or nuget:SOURCE (for example dir:.benchgate, nuget:./feed or nuget:https://host/v3/index.json)"),
            ("run.events=cycles,,instructions;run.backend=perf", "{run.events} 'cycles,,instructions': an event name is empty (two commas in a row, or a comma at an end)"),
            ("run.events=task-clock;run.backend=go", "{run.events} chooses perf events: it needs {run.backend} perf (not go)"),
            ("run.cacheModel=L2=1,2,3;run.backend=cachegrind", "{run.cacheModel} 'L2=1,2,3': expected I1=, D1= or LL= followed by size,assoc,line"),
        })
        {
            foreach (var host in Enum.GetValues<Host>())
            {
                data.Add(values, message, host);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Valid))]
    public void Resolve_SameValuesInEveryHost_SameSettingsAsTheToolsFlags(string values, Host host)
    {
        // Given the same settings written in the tool's flags and in another host's own way
        var settings = Parse(values);
        if (!Supports(host, settings))
        {
            return;
        }

        // (The hook compares with the stored baseline only: a sequential count, resolved as everywhere, is refused there and then.)
        if (host == Host.Hook && settings.TryGetValue(Settings.Samples, out var samples) && samples.StartsWith("auto", StringComparison.Ordinal))
        {
            var refused = Assert.ThrowsAny<Exception>(() => ResolveIn(host, settings, _directory.Path));
            Assert.Equal($"--samples {samples} needs both sides measured in this job: use it with check --against REF or ab BASE HEAD", refused.Message);
            return;
        }

        // When each host resolves them
        var toolDirectory = Path.Combine(_directory.Path, "tool");
        var hostDirectory = Path.Combine(_directory.Path, host.ToString());
        var expected = Project(ResolveIn(Host.Tool, settings, toolDirectory), toolDirectory);
        var actual = Project(ResolveIn(host, settings, hostDirectory), hostDirectory);

        // Then both have the same settings (directories relative to each host's own base directory)
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Resolve_SameBadValueInEveryHost_SameMessageInTheHostsSpelling(string values, string message, Host host)
    {
        var settings = Parse(values);
        if (!Supports(host, settings))
        {
            return;
        }

        var error = Assert.ThrowsAny<Exception>(() => ResolveIn(host, settings, _directory.Path));

        var expected = Settings.All.Where(s => s.ConfigKey is not null)
            .Aggregate(message, (text, setting) => text.Replace("{" + setting.ConfigKey + "}", NameIn(host, setting), StringComparison.Ordinal));
        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void Resolve_SamplesInBenchgateJsonAndActionInputsLeftEmpty_TheFileDecides()
    {
        // Given benchgate.json with run.samples 3, and the action's inputs at action.yml's defaults (empty: not set)
        var base_ = Directory.CreateDirectory(_directory.Combine("action")).FullName;
        File.WriteAllText(Path.Combine(base_, "benchgate.json"), """{ "run": { "samples": 3, "backend": "cachegrind" } }""");
        var unset = ActionInputs(base_, []);

        var settings = ToolHost.Settings(Context(base_, unset), ActionCommand.Layer(name => unset.GetValueOrDefault(name)));

        Assert.Equal(SampleCount.Fixed(3), settings.Measure.Samples);
        Assert.Equal(BackendKind.Cachegrind, settings.Measure.Backend);
    }

    [Fact]
    public void Resolve_HookWithoutBackend_CachegrindWhenValgrindIsOnPathElseGo()
    {
        var bin = Directory.CreateDirectory(_directory.Combine("bin")).FullName;
        var valgrind = Path.Combine(bin, "valgrind");
        File.WriteAllText(valgrind, "#!/bin/sh\n");
        File.SetUnixFileMode(valgrind, UnixFileMode.UserRead | UnixFileMode.UserExecute);

        var with = HookSettings([], _directory.Path, bin);
        var without = HookSettings([], _directory.Path, _directory.Combine("empty"));

        Assert.Equal((BackendKind.Cachegrind, SampleCount.Fixed(2)), (with.Measure.Backend, with.Measure.Samples));
        Assert.Equal((BackendKind.Go, SampleCount.Fixed(10)), (without.Measure.Backend, without.Measure.Samples));
    }

    /// <summary>"run.samples=3;failOn=never" as settings and values.</summary>
    private static Dictionary<Setting, string> Parse(string values) =>
        values.Split(';').Select(v => v.Split('=', 2)).ToDictionary(p => Settings.All.Single(s => s.ConfigKey == p[0]), p => p[1]);

    /// <summary>False when <paramref name="host"/> has no spelling for one of the settings (the action sets no jobs; the hook no packages, no fail-on).</summary>
    private static bool Supports(Host host, Dictionary<Setting, string> settings) => settings.Keys.All(setting => host switch
    {
        Host.Action => setting.ActionInput is not null,
        Host.MsBuild => setting.MsBuildProperty is not null,
        Host.Hook => setting != Settings.Packages && setting != Settings.FailOn,
        _ => true,
    });

    /// <summary>How <paramref name="host"/>'s messages name <paramref name="setting"/>.</summary>
    private static string NameIn(Host host, Setting setting) => host switch
    {
        Host.ConfigFile => "benchgate.json: " + setting.ConfigKey,
        Host.MsBuild => setting.MsBuildProperty!,
        Host.Action => "input " + setting.ActionInput,
        _ => setting.Flag,
    };

    /// <summary>What the settings say, as comparable values (the Go directory relative to the host's base directory).</summary>
    private static string Project(GateSettings s, string baseDirectory)
    {
        var m = s.Measure;
        return string.Join(
            " | ",
            Path.GetRelativePath(baseDirectory, m.Directory), string.Join(',', m.Packages), m.Bench, m.Backend, m.Samples, m.SampleTime, m.Jobs, m.Events ?? "-", m.CacheModel?.ToString() ?? "-",
            s.FailOn, s.Store, s.BaselineBranch, s.Repository ?? "-", s.Compare.Q);
    }

    /// <summary>Resolves <paramref name="settings"/> as <paramref name="host"/> would, in <paramref name="baseDirectory"/> (created).</summary>
    private static GateSettings ResolveIn(Host host, Dictionary<Setting, string> settings, string baseDirectory)
    {
        Directory.CreateDirectory(baseDirectory);
        var environment = ActionInputs(baseDirectory, host == Host.Action ? settings : []);
        var context = Context(baseDirectory, environment);
        switch (host)
        {
            case Host.Tool:
                var check = new CheckCommandOptions();
                var command = new Command("check");
                check.AddTo(command);
                var parse = command.Parse(Flags(settings, packages: true));
                Assert.Empty(parse.Errors);
                return ToolHost.Settings(context, check.Layer(parse));
            case Host.ConfigFile:
                File.WriteAllText(Path.Combine(baseDirectory, "benchgate.json"), ConfigJson(settings));
                return ToolHost.Settings(context, SettingLayer.Of(SettingHost.CommandLine));
            case Host.MsBuild:
                return TaskSettings.Resolve(Properties(baseDirectory, settings), name => environment.GetValueOrDefault(name));
            case Host.Action:
                return ToolHost.Settings(context, ActionCommand.Layer(name => environment.GetValueOrDefault(name)));
            default:
                return HookSettings(settings, baseDirectory, searchPath: null);
        }
    }

    /// <summary>
    /// The hook: <c>hook install</c>'s options as parsed, the arguments it stores in the hook (<see cref="HookCheckOptions.Given"/>),
    /// those arguments parsed again as <c>hook pre-push</c> parses them, resolved as the quick check does.
    /// </summary>
    private static GateSettings HookSettings(Dictionary<Setting, string> settings, string baseDirectory, string? searchPath)
    {
        var install = new HookCheckOptions();
        var installCommand = new Command("install");
        install.AddTo(installCommand);
        var installed = installCommand.Parse(Flags(settings, packages: false));
        Assert.Empty(installed.Errors);
        var stored = install.Given(installed);

        var prePush = new HookCheckOptions();
        var prePushCommand = new Command("pre-push");
        prePush.AddTo(prePushCommand);
        var parse = prePushCommand.Parse([.. stored]);
        Assert.Empty(parse.Errors);
        // The hook prefers cachegrind when valgrind is on PATH: without it, its defaults are everyone's (tested on its own below).
        var path = searchPath ?? string.Join(':', (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Where(d => !File.Exists(Path.Combine(d, "valgrind"))));
        return prePush.Settings(parse, Context(baseDirectory, new Dictionary<string, string?> { ["PATH"] = path }));
    }

    private static CliContext Context(string baseDirectory, IReadOnlyDictionary<string, string?> environment) =>
        new(TextWriter.Null, TextWriter.Null, ErrIsTerminal: false, baseDirectory, CancellationToken.None) { Environment = name => environment.GetValueOrDefault(name) };

    /// <summary>The environment action.yml gives the step: every input it maps, empty unless <paramref name="settings"/> sets it.</summary>
    private static Dictionary<string, string?> ActionInputs(string baseDirectory, Dictionary<Setting, string> settings)
    {
        _ = baseDirectory;
        var environment = Settings.All.Where(s => s.ActionInput is not null).ToDictionary(s => ActionCommand.Variable(s.ActionInput!), _ => (string?)"");
        foreach (var (setting, value) in settings)
        {
            environment[ActionCommand.Variable(setting.ActionInput!)] = value;
        }
        return environment;
    }

    private static string[] Flags(Dictionary<Setting, string> settings, bool packages) =>
    [
        .. settings.Where(p => p.Key != Settings.Packages).SelectMany(p => new[] { p.Key.Flag, p.Value }),
        .. packages && settings.TryGetValue(Settings.Packages, out var list) ? list.Split(' ') : [],
    ];

    private static string ConfigJson(Dictionary<Setting, string> settings)
    {
        var root = new JsonObject();
        foreach (var (setting, value) in settings)
        {
            var path = setting.ConfigKey!.Split('.');
            var node = root;
            foreach (var part in path[..^1])
            {
                node = (JsonObject)(node[part] ??= new JsonObject());
            }
            node[path[^1]] = setting == Settings.Packages ? new JsonArray([.. value.Split(' ').Select(p => JsonValue.Create(p))]) : JsonValue.Create(value);
        }
        return root.ToJsonString();
    }

    private static GateProperties Properties(string project, Dictionary<Setting, string> settings)
    {
        string? Get(Setting setting) => settings.GetValueOrDefault(setting);
        return new GateProperties(
            project,
            Directory: Get(Settings.Directory),
            Packages: Get(Settings.Packages)?.Split(' '),
            Bench: Get(Settings.Bench),
            Backend: Get(Settings.Backend),
            Samples: Get(Settings.Samples),
            SampleTime: Get(Settings.SampleTime),
            BaselineStore: Get(Settings.Store),
            BaselineBranch: Get(Settings.BaselineBranch),
            Repository: Get(Settings.Repository),
            FailOn: Get(Settings.FailOn))
        {
            Jobs = Get(Settings.Jobs),
            Events = Get(Settings.Events),
            CacheModel = Get(Settings.CacheModel),
        };
    }
}
