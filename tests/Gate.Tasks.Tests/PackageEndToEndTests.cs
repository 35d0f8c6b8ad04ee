using System.Collections;
using Gate.Core.Processes;
using Gate.TestUtilities;

namespace Gate.Tasks.Tests;

/// <summary>
/// Tier 3: BenchGate.Tasks packed into a local folder feed, referenced by PackageReference from the README's
/// project next to a Go module, and run by a real <c>dotnet build -t:BenchGate -nodeReuse:false</c> (the README's
/// command) against a baseline stored by the README's <c>benchgate baseline update</c>. The build log is kept under
/// artifacts/test-binlogs when an assertion fails.
/// </summary>
[Trait(Traits.Category, Traits.Slow)]
public sealed class PackageEndToEndTests : IDisposable
{
    private const string Section = "## Use it from MSBuild (BenchGate.Tasks)";
    private readonly GoModule _module = new();
    private readonly string _feed;
    private readonly string _binlogs;

    public PackageEndToEndTests()
    {
        _feed = _module.Temp.Combine("feed");
        _binlogs = _module.Temp.Combine("binlogs");
        Directory.CreateDirectory(_binlogs);
    }

    public void Dispose() => _module.Dispose();

    /// <summary>Variables that would make the child build behave unlike a developer's: CI markers, the test host's MSBuild and dotnet settings.</summary>
    private static readonly string[] ToxicPrefixes = ["GITHUB_", "RUNNER_", "BUILD_", "SYSTEM_", "TF_BUILD", "MSBUILD", "DOTNET_", "VSTEST", "NUGET_", "BENCHGATE_"];

    private Dictionary<string, string?> Environment()
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            var name = (string)entry.Key;
            if (name == "CI" || (ToxicPrefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase)) && name != "DOTNET_ROOT"))
            {
                environment[name] = null;
            }
        }
        environment["NUGET_PACKAGES"] = _module.Temp.Combine("packages");
        environment["MSBUILDDISABLENODEREUSE"] = "1";
        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["DOTNET_NOLOGO"] = "1";
        return environment;
    }

    private static string Dotnet =>
        System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
            ? host
            : ExecutableLookup.Find("dotnet") ?? throw new InvalidOperationException("dotnet not found");

    private ProcessOutcome RunDotnet(string directory, params string[] arguments) =>
        Tools.Processes.RunAsync(new ProcessSpec(Dotnet, arguments, directory, Environment(), TimeSpan.FromMinutes(10))).GetAwaiter().GetResult();

    /// <summary>Packs BenchGate.Tasks (already built with the tests, in their configuration) into the folder feed.</summary>
    private string Pack()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var project = Path.Combine(RepoPaths.Root, "src", "Gate.Tasks", "Gate.Tasks.csproj");
        var pack = RunDotnet(RepoPaths.Root, "pack", project, "--no-build", "-c", configuration, "-o", _feed);
        Assert.True(pack.Succeeded, pack.Stdout + pack.Stderr);
        return Path.GetFileName(Assert.Single(Directory.GetFiles(_feed, "BenchGate.Tasks.*.nupkg")));
    }

    /// <summary>The README's build command with the test's extras; the binlog of each build is kept.</summary>
    private ProcessOutcome Build(string name, params string[] extra)
    {
        var command = ReadmeSnippets.Command(ReadmeSnippets.Block(Section, "sh"), "dotnet build").Split(' ');
        return RunDotnet(_module.Directory, [.. command[1..], "-nodeReuse:false", $"-bl:{Path.Combine(_binlogs, name + ".binlog")}", .. extra]);
    }

    /// <summary>Runs the assertions; when they fail, copies the build logs to artifacts/test-binlogs and says where.</summary>
    private void KeepBinlogsOnFailure(Action assertions)
    {
        try
        {
            assertions();
        }
        catch (Exception e) when (e is Xunit.Sdk.XunitException)
        {
            var kept = Path.Combine(RepoPaths.Root, "artifacts", "test-binlogs", Path.GetFileName(_module.Temp.Path));
            Directory.CreateDirectory(kept);
            foreach (var binlog in Directory.GetFiles(_binlogs))
            {
                File.Copy(binlog, Path.Combine(kept, Path.GetFileName(binlog)), overwrite: true);
            }
            throw new Xunit.Sdk.XunitException($"{e.Message}\n(build logs kept in {kept})");
        }
    }

    [Fact]
    public void DotnetBuild_PackageReferenceFromReadme_FailsWithBG1001OnThePlantedRegressionOnly()
    {
        // Given the package in a local feed, the README's project next to go.mod, and a baseline stored with the README's command
        var package = Pack();
        var project = ReadmeSnippets.Block(Section, "xml");
        Assert.Contains($"Include=\"BenchGate.Tasks\" Version=\"{package["BenchGate.Tasks.".Length..^".nupkg".Length]}\"", project);
        File.WriteAllText(Path.Combine(_module.Directory, "gate.csproj"), project);
        File.WriteAllText(Path.Combine(_module.Directory, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="benchgate-e2e" value="{_feed}" />
              </packageSources>
            </configuration>
            """);
        var store = ReadmeSnippets.Command(ReadmeSnippets.Block(Section, "sh"), "benchgate baseline update").Split(' ');
        _module.Benchgate(store[1..]);

        // When the same code is built
        var same = Build("same");

        // Then it succeeds, and the gate reported what it compared
        KeepBinlogsOnFailure(() =>
        {
            Assert.True(same.Succeeded, same.Stdout + same.Stderr);
            Assert.Contains("BenchGate: benchgate: ", same.Stdout);
            Assert.DoesNotContain("error BG", same.Stdout);
            Assert.True(File.Exists(Path.Combine(_module.Directory, "obj", "benchgate", "report.md")));
        });

        // When the regression is planted
        _module.PlantRegression();
        var regressed = Build("regressed");
        var disabled = Build("disabled", "-p:BenchGateEnabled=false");

        // Then the build fails with BG1001 at BenchmarkFields' line in words_test.go, and only there; disabled, it passes
        KeepBinlogsOnFailure(() =>
        {
            Assert.False(regressed.Succeeded, regressed.Stdout);
            Assert.Contains($"{_module.WordsTest}({_module.FieldsLine}): error BG1001: BenchmarkFields (benchgate.test/gatedemo/words) regressed: allocs/op +291.89%", regressed.Stdout);
            Assert.All(
                regressed.Stdout.Split('\n').Where(l => l.Contains(": error ", StringComparison.Ordinal)),
                l => Assert.Contains($"{_module.WordsTest}({_module.FieldsLine}): error BG1001: BenchmarkFields ", l));
            Assert.True(disabled.Succeeded, disabled.Stdout);
            Assert.DoesNotContain("BenchGate:", disabled.Stdout);
        });
    }

    [Fact]
    public void Pack_TaskAssemblies_WithoutPublishing()
    {
        // Given the packed package
        var package = Path.Combine(_feed, Pack());

        // When its files are listed
        using var zip = System.IO.Compression.ZipFile.OpenRead(package);
        var files = zip.Entries.Select(e => e.FullName).ToList();

        // Then the task and the engine are in tasks/, and neither the publishing assembly nor Octokit (the task never publishes)
        Assert.Contains("tasks/net10.0/Gate.Tasks.dll", files);
        Assert.Contains("tasks/net10.0/Gate.Core.dll", files);
        Assert.DoesNotContain(files, f => f.Contains("Octokit", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(files, f => f.Contains("Gate.Publishing", StringComparison.Ordinal));
    }

    [Fact]
    public void DotnetMsbuildTest_RunAfterTest_TheGateRunsAfterTheTestTarget()
    {
        // Given the package, a project that sets BenchGateRunAfterTest, and a baseline
        var package = Pack();
        var version = package["BenchGate.Tasks.".Length..^".nupkg".Length];
        File.WriteAllText(Path.Combine(_module.Directory, "gate.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <UseMSBuildTestInfrastructure>true</UseMSBuildTestInfrastructure>
                <BenchGateRunAfterTest>true</BenchGateRunAfterTest>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="BenchGate.Tasks" Version="{version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(_module.Directory, "NuGet.config"), $"""<configuration><packageSources><add key="benchgate-e2e" value="{_feed}" /></packageSources></configuration>""");
        _module.Benchgate("baseline", "update", "--branch", "main");
        _module.PlantRegression();

        // When the Test target runs
        var test = RunDotnet(_module.Directory, "msbuild", "-restore", "-t:Test", "-nodeReuse:false", $"-bl:{Path.Combine(_binlogs, "test.binlog")}");

        // Then the gate ran after it and failed the build
        KeepBinlogsOnFailure(() =>
        {
            Assert.False(test.Succeeded, test.Stdout);
            Assert.Contains("error BG1001: BenchmarkFields", test.Stdout);
        });
    }
}
