using Gate.Core.Config;
using Gate.TestUtilities;

namespace Gate.Core.Tests.Config;

/// <summary>The one rule every host finds benchgate.json by: named, else in the base directory, else in the Go directory, else none.</summary>
public sealed class ConfigFileLocationTests : IDisposable
{
    private readonly TempDirectory _base = new();

    public void Dispose() => _base.Dispose();

    private static SettingLayer Given(string? config = null, string? directory = null) =>
        SettingLayer.Of(SettingHost.CommandLine).With(Settings.Config, config).With(Settings.Directory, directory);

    [Fact]
    public void Find_NamedFile_WinsEvenWhenMissing()
    {
        _base.Write("benchgate.json", "{}");

        var (path, source) = ConfigFileLocation.Find(Given(config: "conf/gate.json"), _base.Path);

        Assert.Equal(_base.Combine("conf", "gate.json"), path);
        Assert.Equal("conf/gate.json", source);
        var error = Assert.Throws<GateException>(() => ConfigFileLocation.Load(Given(config: "conf/gate.json"), _base.Path));
        Assert.Equal(GateErrorKind.Configuration, error.Kind);
        Assert.Equal("conf/gate.json: no such file (directory missing)", error.Message);
    }

    [Fact]
    public void Find_InTheBaseDirectoryAndTheGoDirectory_TheBaseDirectorysFirst()
    {
        _base.Write("go/benchgate.json", """{ "q": 0.1 }""");

        var goOnly = ConfigFileLocation.Find(Given(directory: "go"), _base.Path);
        _base.Write("benchgate.json", """{ "q": 0.2 }""");
        var both = ConfigFileLocation.Find(Given(directory: "go"), _base.Path);

        Assert.Equal((_base.Combine("go", "benchgate.json"), "go/benchgate.json"), goOnly);
        Assert.Equal((_base.Combine("benchgate.json"), "benchgate.json"), both);
    }

    [Fact]
    public void Load_NoFile_DefaultsNamedSo()
    {
        var (config, source) = ConfigFileLocation.Load(Given(directory: "go"), _base.Path);

        Assert.Equal(new BenchGateConfig(), config);
        Assert.Equal(ConfigFileLocation.NoFile, source);
    }
}
