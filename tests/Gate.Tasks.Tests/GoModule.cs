using Gate.TestUtilities;
using Gate.Tool;

namespace Gate.Tasks.Tests;

/// <summary>
/// A copy of tests/Fixtures/msbuild/module in a temporary directory, with a benchgate.json for fast, deterministic
/// gates: 5 samples of 20 ms, and wall time judged only beyond 300 % (this machine's speed flips about 2×; the
/// planted regression is in allocations, which do not care).
/// </summary>
public sealed class GoModule : IDisposable
{
    public const string Config = """{ "thresholds": { "sec/op": "300%" }, "run": { "samples": 5, "sampleTime": "20ms" } }""";

    public GoModule()
    {
        Directory = Temp.CopyTree(RepoPaths.Fixture("msbuild", "module"), "gatedemo");
        File.WriteAllText(Path.Combine(Directory, "benchgate.json"), Config);
    }

    public TempDirectory Temp { get; } = new();

    /// <summary>The module's directory.</summary>
    public string Directory { get; }

    /// <summary>words_test.go, where BenchmarkFields is defined.</summary>
    public string WordsTest => Path.Combine(Directory, "words", "words_test.go");

    /// <summary>The line of <c>func BenchmarkFields(</c>.</summary>
    public int FieldsLine => File.ReadAllLines(WordsTest).ToList().FindIndex(l => l.StartsWith("func BenchmarkFields(", StringComparison.Ordinal)) + 1;

    /// <summary>Runs benchgate in process in the module directory, as a user at a prompt would; fails the test unless it exits 0.</summary>
    public void Benchgate(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, ErrIsTerminal: false, Directory, CancellationToken.None) { Processes = Tools.Processes, Environment = _ => null };
        var code = Cli.RunAsync(context, args).GetAwaiter().GetResult();
        Assert.True(code == 0, $"benchgate {string.Join(' ', args)} exited {code}\n{output}\n{error}");
    }

    /// <summary>Copies the planted regression over words.go: one more allocation per word.</summary>
    public void PlantRegression() =>
        File.Copy(RepoPaths.Fixture("msbuild", "regression", "words.go"), Path.Combine(Directory, "words", "words.go"), overwrite: true);

    public void Dispose() => Temp.Dispose();
}
