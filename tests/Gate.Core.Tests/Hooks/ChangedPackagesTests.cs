using Gate.Core.Hooks;
using Gate.TestUtilities;

namespace Gate.Core.Tests.Hooks;

/// <summary>Changed paths → Go packages, on a module laid out in a temporary directory (module in a sub-directory of the work tree).</summary>
public sealed class ChangedPackagesTests : IDisposable
{
    private const string Bench = "package p\n\nimport \"testing\"\n\nfunc BenchmarkX(b *testing.B) {}\n";
    private readonly TempDirectory _top = new();
    private readonly string _module;

    public ChangedPackagesTests()
    {
        _module = _top.Combine("go");
        _top.Write("go/go.mod", "module example.test/m\n\ngo 1.21\n");
        _top.Write("go/root.go", "package m\n");
        _top.Write("go/root_test.go", Bench);
        _top.Write("go/a/a.go", "package a\n");
        _top.Write("go/a/a_test.go", Bench);
        _top.Write("go/a/testdata/input.txt", "data\n");
        _top.Write("go/notests/n.go", "package notests\n");
        _top.Write("go/testsonly/t_test.go", "package t\n\nfunc TestT(t *testing.T) {}\n");
        _top.Write("go/nested/go.mod", "module example.test/nested\n");
        _top.Write("go/nested/n_test.go", Bench);
        _top.Write("go/vendor/v/v_test.go", Bench);
        _top.Write("go/_skip/s_test.go", Bench);
    }

    public void Dispose() => _top.Dispose();

    private IReadOnlyList<string> Find(params string[] paths) => ChangedPackages.Find(_top.Path, _module, paths);

    [Fact]
    public void Find_GoFilesOfPackagesWithBenchmarks_TheirDirectoriesSorted()
    {
        Assert.Equal([".", "./a"], Find("go/a/a.go", "go/root_test.go", "go/a/a_test.go"));
    }

    [Fact]
    public void Find_TestdataFile_ItsPackage()
    {
        Assert.Equal(["./a"], Find("go/a/testdata/input.txt"));
    }

    [Fact]
    public void Find_GoModOrGoSum_TheWholeModule()
    {
        Assert.Equal([ChangedPackages.WholeModule], Find("go/a/a.go", "go/go.sum"));
        Assert.Equal([ChangedPackages.WholeModule], Find("go/go.mod"));
    }

    [Fact]
    public void Find_NothingWorthMeasuring_Empty()
    {
        // Given: a README, a package without benchmarks, one with tests only, a nested module, vendor, an ignored
        // directory, a deleted package, a file outside the module
        var found = Find("go/a/README.md", "go/notests/n.go", "go/testsonly/t_test.go", "go/nested/n_test.go",
            "go/vendor/v/v_test.go", "go/_skip/s_test.go", "go/deleted/d.go", "docs/x.go", "go/nested/go.mod");

        Assert.Empty(found);
    }
}
