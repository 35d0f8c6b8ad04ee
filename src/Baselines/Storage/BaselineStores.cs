using Gate.Core;
using Gate.Core.Config;

namespace Gate.Baselines.Storage;

/// <summary>Opens the store a user names: <c>dir:PATH</c> (default <c>dir:.benchgate</c>) or <c>nuget:SOURCE</c>.</summary>
public static class BaselineStores
{
    /// <summary>The store the tool uses when none is given.</summary>
    public const string DefaultSpec = SettingDefaults.Store;

    /// <summary>
    /// The store named by <paramref name="spec"/>; a relative PATH or local feed folder is resolved against
    /// <paramref name="workingDirectory"/>; NuGet credentials come from <paramref name="environment"/>.
    /// </summary>
    public static IBaselineStore Open(string spec, string workingDirectory, Func<string, string?> environment, TimeProvider clock)
    {
        var colon = spec.IndexOf(':', StringComparison.Ordinal);
        var kind = colon > 0 ? spec[..colon] : "";
        var location = colon > 0 ? spec[(colon + 1)..] : "";
        if (location.Length == 0 || kind is not ("dir" or "nuget"))
        {
            throw new GateException($"--store '{spec}' is not dir:PATH or nuget:SOURCE (for example {DefaultSpec}, nuget:./feed or nuget:https://host/v3/index.json)");
        }
        return kind switch
        {
            "dir" => new DirectoryStore(Path.GetFullPath(location, workingDirectory), clock),
            _ => NuGet.NuGetStore.Open(location, workingDirectory, environment, clock),
        };
    }
}
