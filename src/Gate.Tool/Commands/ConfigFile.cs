using Gate.Core.Config;

namespace Gate.Tool.Commands;

/// <summary>Finds the configuration: <c>--config FILE</c>, else <c>benchgate.json</c> in the working directory, else the defaults.</summary>
internal static class ConfigFile
{
    public static (BenchGateConfig Config, string Source) Load(CliContext context, string? given)
    {
        if (given is not null)
        {
            return (BenchGateConfig.Read(context.Resolve(given)), given);
        }
        var implicitPath = context.Resolve(BenchGateConfig.FileName);
        return File.Exists(implicitPath) ? (BenchGateConfig.Read(implicitPath), BenchGateConfig.FileName) : (new BenchGateConfig(), "defaults");
    }
}
