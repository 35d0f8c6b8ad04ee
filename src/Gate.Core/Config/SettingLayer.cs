using System.Collections.Immutable;

namespace Gate.Core.Config;

/// <summary>
/// The settings one source gave, as text: a host's flags, properties or inputs, or the configuration file. A value
/// that is empty or only white space counts as not given (an MSBuild property or action input left empty leaves the
/// decision to benchgate.json, then to the default). Packages are a list; every other setting is one text.
/// </summary>
/// <param name="Host">Who wrote the values: decides how messages name them.</param>
/// <param name="Source">Where, for messages about the configuration file (its path); otherwise the host's name.</param>
public sealed record SettingLayer(SettingHost Host, string Source)
{
    private ImmutableDictionary<Setting, IReadOnlyList<string>> _values = ImmutableDictionary<Setting, IReadOnlyList<string>>.Empty;

    /// <summary>An empty layer of <paramref name="host"/>.</summary>
    public static SettingLayer Of(SettingHost host) => new(host, host.ToString());

    /// <summary>The settings given, with their values.</summary>
    public IReadOnlyDictionary<Setting, IReadOnlyList<string>> Values => _values;

    /// <summary>This layer with <paramref name="setting"/> set to <paramref name="text"/>; unchanged when the text is null or blank.</summary>
    public SettingLayer With(Setting setting, string? text) =>
        string.IsNullOrWhiteSpace(text) ? this : this with { _values = _values.SetItem(setting, [text.Trim()]) };

    /// <summary>This layer with the list <paramref name="items"/> (blank items dropped); unchanged when none is left.</summary>
    public SettingLayer WithList(Setting setting, IEnumerable<string>? items)
    {
        var kept = (items ?? []).Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).ToList();
        return kept.Count == 0 ? this : this with { _values = _values.SetItem(setting, kept) };
    }

    /// <summary>The one text given for <paramref name="setting"/>, or null.</summary>
    public string? Text(Setting setting) => _values.TryGetValue(setting, out var items) ? string.Join(' ', items) : null;

    /// <summary>The list given for <paramref name="setting"/>, or null.</summary>
    public IReadOnlyList<string>? List(Setting setting) => _values.GetValueOrDefault(setting);

    /// <summary>True when <paramref name="setting"/> was given.</summary>
    public bool Has(Setting setting) => _values.ContainsKey(setting);

    /// <summary>How a message names <paramref name="setting"/> given here: <c>--samples</c>, <c>BenchGateSamples</c>, <c>benchgate.json: run.samples</c>.</summary>
    public string NameOf(Setting setting) =>
        Host == SettingHost.ConfigFile ? $"{Source}: {setting.NameIn(Host)}" : setting.NameIn(Host);
}
