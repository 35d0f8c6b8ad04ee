using System.Globalization;
using Gate.Core.Counters;
using Gate.Core.Measurement;
using Gate.Core.Statistics;

namespace Gate.Core.Config;

/// <summary>Where a host resolves its settings.</summary>
/// <param name="BaseDirectory">Relative paths (the Go directory, the configuration file) are resolved against it: the tool's working directory, the MSBuild project's directory.</param>
/// <param name="Environment">Environment variables (GITHUB_BASE_REF gives the baseline branch of a pull request).</param>
/// <param name="Processors">Cores of this machine (cachegrind's default jobs).</param>
public sealed record SettingsContext(string BaseDirectory, Func<string, string?> Environment, int Processors)
{
    /// <summary>A context for this process: its environment and its cores.</summary>
    public static SettingsContext ForProcess(string baseDirectory) => new(baseDirectory, System.Environment.GetEnvironmentVariable, System.Environment.ProcessorCount);
}

/// <summary>
/// The one place where settings are resolved: built-in defaults (<see cref="SettingDefaults"/>) → benchgate.json
/// (<see cref="ConfigFileLocation"/>) → the host's values. Each value is parsed and checked once, by the same rule for
/// every host; a bad one is a one-line <see cref="GateException"/> that names the setting as its writer spells it
/// (<see cref="GateErrorKind.Usage"/> for a host's value, <see cref="GateErrorKind.Configuration"/> for the file's).
/// </summary>
public static class SettingsResolver
{
    /// <summary>
    /// Resolves the settings of a host that gave <paramref name="given"/>, over the configuration file it names or the
    /// one found (<see cref="ConfigFileLocation"/>), over <paramref name="defaults"/> (a host's own defaults, such as the
    /// pre-push hook's preferred backend), over the built-in ones.
    /// </summary>
    public static GateSettings Resolve(SettingLayer given, SettingsContext context, SettingLayer? defaults = null)
    {
        var (config, source) = ConfigFileLocation.Load(given, context.BaseDirectory);
        return Resolve(given, config, source, context, defaults);
    }

    /// <summary>Resolves <paramref name="given"/> over an already read configuration file.</summary>
    public static GateSettings Resolve(SettingLayer given, BenchGateConfig config, string configSource, SettingsContext context, SettingLayer? defaults = null)
    {
        var file = config.ToLayer(configSource);
        var names = new Dictionary<Setting, string>();
        (string? Text, SettingLayer Layer) Pick(Setting setting)
        {
            var layer = given.Has(setting) ? given : file.Has(setting) ? file : defaults is not null && defaults.Has(setting) ? defaults : given;
            names[setting] = layer.NameOf(setting);
            return (layer.Text(setting), layer);
        }
        T Parse<T>(Setting setting, T fallback, Func<string, string, T> parse)
        {
            var (text, layer) = Pick(setting);
            if (text is null)
            {
                return fallback;
            }
            try
            {
                return parse(text, layer.NameOf(setting));
            }
            catch (GateException e)
            {
                throw new GateException(e.Kind == GateErrorKind.Unspecified ? KindOf(layer) : e.Kind, e.Message, e);
            }
        }

        var backend = Parse(Settings.Backend, SettingDefaults.Backend, SettingParsers.Backend);
        var packagesLayer = given.Has(Settings.Packages) ? given : file;
        names[Settings.Packages] = packagesLayer.NameOf(Settings.Packages);
        var measure = new MeasureSettings(
            Path.GetFullPath(Parse(Settings.Directory, ".", (text, _) => text), context.BaseDirectory),
            packagesLayer.List(Settings.Packages) ?? SettingDefaults.Packages,
            Parse(Settings.Bench, SettingDefaults.Bench, (text, _) => text),
            backend,
            Parse(Settings.Samples, SettingDefaults.SamplesFor(backend), SettingParsers.Samples),
            Parse(Settings.SampleTime, SettingDefaults.SampleTime, SettingParsers.Duration),
            Parse(Settings.Jobs, SettingDefaults.JobsFor(backend, context.Processors), SettingParsers.Jobs),
            Parse(Settings.Events, null, SettingParsers.Events),
            Parse(Settings.CacheModel, null, (text, name) => CacheModel.Parse(text, name)));
        var settings = new GateSettings(
            measure,
            config.ToCompareOptions(configSource),
            Parse(Settings.FailOn, FailOn.Regression, SettingParsers.FailOn),
            Parse(Settings.Store, SettingDefaults.Store, SettingParsers.Store),
            Parse(Settings.BaselineBranch, NonEmpty(context.Environment("GITHUB_BASE_REF")) ?? SettingDefaults.BaselineBranch, (text, _) => text),
            Parse<string?>(Settings.Repository, null, (text, _) => text),
            configSource)
        {
            Names = names,
        };
        CheckCombinations(settings, given, file);
        return settings;
    }

    /// <summary>Checks the values of one layer alone (the configuration file when it is read); the first bad one is a <see cref="GateException"/>.</summary>
    public static void Check(SettingLayer layer)
    {
        foreach (var (setting, check) in Checks)
        {
            if (layer.Text(setting) is { } text)
            {
                try
                {
                    check(text, layer.NameOf(setting));
                }
                catch (GateException e)
                {
                    throw new GateException(e.Kind == GateErrorKind.Unspecified ? KindOf(layer) : e.Kind, e.Message, e);
                }
            }
        }
    }

    private static readonly (Setting Setting, Action<string, string> Check)[] Checks =
    [
        (Settings.Backend, (t, n) => SettingParsers.Backend(t, n)),
        (Settings.Samples, (t, n) => SettingParsers.Samples(t, n)),
        (Settings.SampleTime, (t, n) => SettingParsers.Duration(t, n)),
        (Settings.Jobs, (t, n) => SettingParsers.Jobs(t, n)),
        (Settings.Events, (t, n) => SettingParsers.Events(t, n)),
        (Settings.CacheModel, (t, n) => CacheModel.Parse(t, n)),
        (Settings.FailOn, (t, n) => SettingParsers.FailOn(t, n)),
        (Settings.Store, (t, n) => SettingParsers.Store(t, n)),
    ];

    /// <summary>Settings that only one backend takes.</summary>
    private static void CheckCombinations(GateSettings settings, SettingLayer given, SettingLayer file)
    {
        var measure = settings.Measure;
        var backend = settings.NameOf(Settings.Backend);
        if (measure.Events is not null && measure.Backend != BackendKind.Perf)
        {
            var layer = given.Has(Settings.Events) ? given : file;
            throw new GateException(KindOf(layer), $"{settings.NameOf(Settings.Events)} chooses perf events: it needs {backend} perf (not {measure.Backend.Name()})");
        }
        if (measure.CacheModel is not null && measure.Backend != BackendKind.Cachegrind)
        {
            var layer = given.Has(Settings.CacheModel) ? given : file;
            throw new GateException(KindOf(layer), $"{settings.NameOf(Settings.CacheModel)} applies to {backend} cachegrind only (not {measure.Backend.Name()})");
        }
    }

    private static GateErrorKind KindOf(SettingLayer layer) => layer.Host == SettingHost.ConfigFile ? GateErrorKind.Configuration : GateErrorKind.Usage;

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}

/// <summary>How each setting's text is read, with the message every host gives for a bad value (after the setting's name).</summary>
public static class SettingParsers
{
    /// <summary>A backend name.</summary>
    public static BackendKind Backend(string text, string name) =>
        BackendKinds.TryParse(text, out var kind) ? kind : throw new GateException($"{name} '{text}' is not one of {string.Join(", ", BackendKinds.Names)}");

    /// <summary>A sample count: N (at least 1), auto or auto:MAX.</summary>
    public static SampleCount Samples(string text, string name)
    {
        if (SampleCount.TryParse(text, out var count))
        {
            return count;
        }
        throw int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? AtLeastOne(name, number)
            : new GateException($"{name} '{text}' {SampleCount.Expected}");
    }

    /// <summary>A positive Go duration.</summary>
    public static TimeSpan Duration(string text, string name) =>
        GoDuration.TryParse(text, out var duration) && duration > TimeSpan.Zero
            ? duration
            : throw new GateException($"{name} '{text}' is not a positive Go duration such as 100ms or 1s");

    /// <summary>A whole number of at least 1.</summary>
    public static int Jobs(string text, string name)
    {
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var jobs))
        {
            throw new GateException($"{name} '{text}' is not a whole number of at least 1");
        }
        return jobs >= 1 ? jobs : throw AtLeastOne(name, jobs);
    }

    private static GateException AtLeastOne(string name, int number) =>
        new($"{name} must be at least 1 (got {number.ToString(CultureInfo.InvariantCulture)})");

    /// <summary>perf events, checked by perf's own list rules; kept as given.</summary>
    public static string Events(string text, string name)
    {
        _ = PerfEventList.Parse(text, name);
        return text;
    }

    /// <summary>regression or never.</summary>
    public static FailOn FailOn(string text, string name) => text switch
    {
        "regression" => Statistics.FailOn.Regression,
        "never" => Statistics.FailOn.Never,
        _ => throw new GateException($"{name} must be regression or never (got '{text}')"),
    };

    /// <summary>A store: dir:PATH or nuget:SOURCE; a bad one is a <see cref="GateErrorKind.Store"/> error (the store cannot be opened).</summary>
    public static string Store(string text, string name)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var kind = colon > 0 ? text[..colon] : "";
        if (colon < 0 || colon == text.Length - 1 || kind is not ("dir" or "nuget"))
        {
            throw new GateException(GateErrorKind.Store, $"{name} '{text}' is not dir:PATH or nuget:SOURCE (for example {SettingDefaults.Store}, nuget:./feed or nuget:https://host/v3/index.json)");
        }
        return text;
    }
}
