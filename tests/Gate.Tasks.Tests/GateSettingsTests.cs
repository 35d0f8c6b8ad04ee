using Gate.Core.Config;
using Gate.Core.Measurement;
using Gate.Core.Statistics;
using Gate.TestUtilities;

namespace Gate.Tasks.Tests;

/// <summary>Tier 1: how the task's properties, benchgate.json and the defaults combine.</summary>
public sealed class GateSettingsTests : IDisposable
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;
    private readonly TempDirectory _project = new();

    public void Dispose() => _project.Dispose();

    private static GateSettings Resolve(GateProperties properties, Func<string, string?>? environment = null) =>
        TaskSettings.Resolve(properties, environment ?? NoEnvironment);

    [Fact]
    public void Resolve_NothingSet_Defaults()
    {
        var settings = Resolve(new GateProperties(_project.Path));

        Assert.Equal(_project.Path, settings.Measure.Directory);
        Assert.Equal(["./..."], settings.Measure.Packages);
        Assert.Equal(".", settings.Measure.Bench);
        Assert.Equal(BackendKind.Go, settings.Measure.Backend);
        Assert.Equal(SampleCount.Fixed(10), settings.Measure.Samples);
        Assert.Equal(TimeSpan.FromMilliseconds(100), settings.Measure.SampleTime);
        Assert.Equal("dir:.benchgate", settings.Store);
        Assert.Equal("main", settings.BaselineBranch);
        Assert.Null(settings.Repository);
        Assert.Equal(FailOn.Regression, settings.FailOn);
        Assert.Equal("defaults", settings.ConfigSource);
        Assert.Null(new GateProperties(_project.Path).ReportFile);
    }

    [Fact]
    public void Resolve_ConfigInTheProjectDirectory_ItsRunSectionFillsWhatPropertiesLeaveEmpty()
    {
        // Given a benchgate.json with a run section, and properties that set only the backend and the packages
        _project.Write("benchgate.json", """{ "failOn": "never", "run": { "packages": ["./a"], "bench": "X", "backend": "perf", "samples": 4, "sampleTime": "20ms", "dir": "go" } }""");

        var settings = Resolve(new GateProperties(_project.Path, Backend: "cachegrind", Packages: ["./b", " ", "./c"], SampleTime: " "));

        // Then properties win, the file fills the rest, and empty values count as not set
        Assert.Equal(BackendKind.Cachegrind, settings.Measure.Backend);
        Assert.Equal(["./b", "./c"], settings.Measure.Packages);
        Assert.Equal("X", settings.Measure.Bench);
        Assert.Equal(SampleCount.Fixed(4), settings.Measure.Samples);
        Assert.Equal(TimeSpan.FromMilliseconds(20), settings.Measure.SampleTime);
        Assert.Equal(_project.Combine("go"), settings.Measure.Directory);
        Assert.Equal(FailOn.Never, settings.FailOn);
        Assert.Equal("benchgate.json", settings.ConfigSource);
    }

    [Fact]
    public void Resolve_CachegrindWithoutSamples_TwoSamplesAndOneJobPerCore()
    {
        var settings = Resolve(new GateProperties(_project.Path, Backend: "cachegrind"));

        Assert.Equal(SampleCount.Fixed(2), settings.Measure.Samples);
        Assert.Equal(Environment.ProcessorCount, settings.Measure.Jobs);
    }

    [Fact]
    public void Resolve_ConfigInTheGoDirectory_FoundWhenTheProjectHasNone()
    {
        _project.Write("go/benchgate.json", """{ "run": { "samples": 7 } }""");

        var settings = Resolve(new GateProperties(_project.Path, Directory: "go"));

        Assert.Equal(SampleCount.Fixed(7), settings.Measure.Samples);
        Assert.Equal(_project.Combine("go"), settings.Measure.Directory);
    }

    [Fact]
    public void Resolve_BranchAndReport_FromPropertiesElseGithubBaseRef()
    {
        var fromCi = Resolve(new GateProperties(_project.Path), name => name == "GITHUB_BASE_REF" ? "release" : null);
        var properties = new GateProperties(_project.Path, BaselineBranch: "dev", ReportPath: "out/r.md", BaselineStore: "nuget:feed", Repository: "o/r");
        var given = Resolve(properties);

        Assert.Equal("release", fromCi.BaselineBranch);
        Assert.Equal("dev", given.BaselineBranch);
        Assert.Equal(_project.Combine("out", "r.md"), properties.ReportFile);
        Assert.Equal("nuget:feed", given.Store);
        Assert.Equal("o/r", given.Repository);
    }

    [Theory]
    [InlineData("Samples", "three", "BenchGateSamples 'three' is not a number of samples, auto or auto:MAX (MAX at least 5)")]
    [InlineData("Samples", "0", "BenchGateSamples must be at least 1 (got 0)")]
    [InlineData("SampleTime", "10", "BenchGateSampleTime '10' is not a positive Go duration")]
    [InlineData("Backend", "rdtsc", "BenchGateBackend 'rdtsc' is not one of go, perf, cachegrind")]
    [InlineData("FailOn", "always", "BenchGateFailOn must be regression or never (got 'always')")]
    public void Resolve_InvalidProperty_BG2001NamingIt(string property, string value, string message)
    {
        var properties = property switch
        {
            "Samples" => new GateProperties(_project.Path, Samples: value),
            "SampleTime" => new GateProperties(_project.Path, SampleTime: value),
            "Backend" => new GateProperties(_project.Path, Backend: value),
            _ => new GateProperties(_project.Path, FailOn: value),
        };

        var error = Assert.Throws<GateTaskError>(() => Resolve(properties));

        Assert.Equal("BG2001", error.Code);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_InvalidOrMissingConfigFile_BG2002()
    {
        _project.Write("benchgate.json", """{ "q": 2 }""");

        var invalid = Assert.Throws<GateTaskError>(() => Resolve(new GateProperties(_project.Path)));
        var missing = Assert.Throws<GateTaskError>(() => Resolve(new GateProperties(_project.Path, ConfigFile: "nowhere.json")));

        Assert.Equal("BG2002", invalid.Code);
        Assert.Contains("q must be between 0 and 1", invalid.Message);
        Assert.Equal("BG2002", missing.Code);
        Assert.Contains("nowhere.json", missing.Message);
    }
}
