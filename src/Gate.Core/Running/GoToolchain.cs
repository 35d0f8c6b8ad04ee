using Gate.Core.Measurement;
using Gate.Core.Processes;
namespace Gate.Core.Running;

/// <summary>What <c>go env</c> says about the toolchain.</summary>
public sealed record GoEnvironment(string Goos, string Goarch, string GoVersion);

/// <summary>The <c>go</c> command: environment, package discovery and test binary builds.</summary>
public sealed class GoToolchain
{
    private readonly IProcessRunner _runner;

    private GoToolchain(IProcessRunner runner, string goPath)
    {
        _runner = runner;
        GoPath = goPath;
    }

    /// <summary>Full path of the go executable.</summary>
    public string GoPath { get; }

    /// <summary>Finds <c>go</c> on PATH; a missing Go is a <see cref="GateException"/>.</summary>
    public static GoToolchain Locate(IProcessRunner runner, string? path = null)
    {
        var go = ExecutableLookup.Find("go", path)
            ?? throw new GateException(GateErrorKind.Environment, "go: not found on PATH; install Go 1.21 or newer (on Debian: scripts/install-prereqs.sh) or add its bin directory to PATH");
        return new GoToolchain(runner, go);
    }

    /// <summary>GOOS, GOARCH and GOVERSION.</summary>
    public async Task<GoEnvironment> EnvironmentAsync(string directory, CancellationToken cancellationToken)
    {
        var outcome = await Go(directory, ["env", "GOOS", "GOARCH", "GOVERSION"], cancellationToken).ConfigureAwait(false);
        var lines = outcome.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (!outcome.Succeeded || lines.Length < 3)
        {
            throw new GateException($"go env failed in {directory}: {outcome.FirstLines(1)}");
        }
        return new GoEnvironment(lines[0], lines[1], lines[2]);
    }

    /// <summary>The module path of <paramref name="directory"/>, or null outside a module.</summary>
    public async Task<string?> ModulePathAsync(string directory, CancellationToken cancellationToken)
    {
        var outcome = await Go(directory, ["list", "-m", "-f", "{{.Path}}"], cancellationToken).ConfigureAwait(false);
        var lines = outcome.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return outcome.Succeeded && lines.Length == 1 ? lines[0] : null;
    }

    /// <summary>
    /// The packages matching <paramref name="patterns"/> that have test files, in go list order.
    /// A pattern error is a <see cref="GateException"/> with go's own first line.
    /// </summary>
    public async Task<IReadOnlyList<GoPackage>> TestPackagesAsync(string directory, IReadOnlyList<string> patterns, CancellationToken cancellationToken)
    {
        string[] arguments = ["list", "-f", "{{.ImportPath}}\t{{.Dir}}\t{{len .TestGoFiles}}\t{{len .XTestGoFiles}}", "--", .. patterns];
        var outcome = await Go(directory, arguments, cancellationToken).ConfigureAwait(false);
        if (!outcome.Succeeded)
        {
            throw new GateException($"go list {string.Join(' ', patterns)}: {outcome.FirstLines(1)}");
        }
        var packages = new List<GoPackage>();
        foreach (var line in outcome.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split('\t');
            if (fields.Length == 4 && (fields[2] != "0" || fields[3] != "0"))
            {
                packages.Add(new GoPackage(fields[0], fields[1]));
            }
        }
        return packages;
    }

    /// <summary>The source directory of each import path (for annotations on a benchmark's _test.go line); missing ones are left out.</summary>
    public async Task<IReadOnlyDictionary<string, string>> PackageDirectoriesAsync(string directory, IReadOnlyList<string> importPaths, CancellationToken cancellationToken)
    {
        var directories = new Dictionary<string, string>(StringComparer.Ordinal);
        if (importPaths.Count == 0)
        {
            return directories;
        }
        var outcome = await Go(directory, ["list", "-e", "-f", "{{.ImportPath}}\t{{.Dir}}", "--", .. importPaths], cancellationToken).ConfigureAwait(false);
        foreach (var line in outcome.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split('\t');
            if (fields.Length == 2 && fields[1].Length > 0)
            {
                directories[fields[0]] = fields[1];
            }
        }
        return directories;
    }

    /// <summary>Builds the test binary of <paramref name="package"/> (<c>go test -c</c>, in its directory) into <paramref name="output"/>.</summary>
    public Task<ProcessOutcome> BuildTestBinaryAsync(GoPackage package, string output, CancellationToken cancellationToken) =>
        Go(package.Directory, ["test", "-c", "-o", output, "."], cancellationToken);

    private Task<ProcessOutcome> Go(string directory, IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        _runner.RunAsync(new ProcessSpec(GoPath, arguments, directory), cancellationToken);
}
