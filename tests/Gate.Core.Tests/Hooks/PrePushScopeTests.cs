using Gate.Core.Git;
using Gate.Core.Hooks;
using Gate.TestUtilities;

namespace Gate.Core.Tests.Hooks;

/// <summary>Which packages a push checks, decided with real git on a work tree with a bare remote.</summary>
public sealed class PrePushScopeTests : IDisposable
{
    private const string Zero = "0000000000000000000000000000000000000000";
    private readonly GitSandbox _git = new();
    private readonly string _first;

    public PrePushScopeTests()
    {
        _git.Write("go.mod", "module example.test/m\n\ngo 1.21\n");
        foreach (var package in new[] { "a", "b" })
        {
            _git.Write($"{package}/{package}.go", $"package {package}\n");
            _git.Write($"{package}/{package}_test.go", $"package {package}\n\nimport \"testing\"\n\nfunc BenchmarkX(b *testing.B) {{}}\n");
        }
        _first = _git.Commit("first");
        _git.Git("push", "-q", "origin", "main");
    }

    public void Dispose() => _git.Dispose();

    private PrePushScope Scope(params PushUpdate[] updates)
    {
        var repository = GitRepository.OpenAsync(Tools.Processes, _git.WorkTree, CancellationToken.None).GetAwaiter().GetResult();
        return PrePushScope.FindAsync(repository, "origin", updates, _git.WorkTree, CancellationToken.None).GetAwaiter().GetResult();
    }

    [Fact]
    public void FindAsync_PushToExistingBranch_PackagesChangedSinceTheRemoteCommit()
    {
        // Given two commits on main after what origin has: a change in b, then one in a
        _git.Write("b/b.go", "package b\n\n// changed\n");
        _git.Commit("b");
        _git.Write("a/a.go", "package a\n\n// changed\n");
        var head = _git.Commit("a");

        var scope = Scope(new PushUpdate("refs/heads/main", head, "refs/heads/main", _first));

        Assert.Equal(["./a", "./b"], scope.Packages);
        Assert.Equal([$"refs/heads/main: changes since origin's {_first[..7]}"], scope.Notes);
    }

    [Fact]
    public void FindAsync_NewBranchWithUpstream_ChangesSinceTheMergeBase()
    {
        // Given origin/main moved on after the feature branched off (fetched), and the feature changed a only
        _git.Git("checkout", "-q", "-b", "feature", "--track", "origin/main");
        _git.Write("a/a.go", "package a\n\n// feature\n");
        var feature = _git.Commit("feature");
        _git.Git("checkout", "-q", "main");
        _git.Write("b/b.go", "package b\n\n// main moved on\n");
        _git.Commit("main");
        _git.Git("push", "-q", "origin", "main");

        var scope = Scope(new PushUpdate("refs/heads/feature", feature, "refs/heads/feature", Zero));

        Assert.Equal(["./a"], scope.Packages);
        Assert.Equal([$"refs/heads/feature: new on origin; changes since its merge base with feature@{{upstream}} ({_first[..7]})"], scope.Notes);
    }

    [Fact]
    public void FindAsync_NewBranchWithoutUpstream_ComparedWithTheRemotesMain()
    {
        _git.Git("checkout", "-q", "-b", "topic");
        _git.Write("b/b_test.go", "package b\n\nimport \"testing\"\n\nfunc BenchmarkY(b *testing.B) {}\n");
        var topic = _git.Commit("topic");

        var scope = Scope(new PushUpdate("refs/heads/topic", topic, "refs/heads/topic", Zero));

        Assert.Equal(["./b"], scope.Packages);
        Assert.Contains("merge base with refs/remotes/origin/main", scope.Notes.Single());
    }

    [Fact]
    public async Task FindAsync_NoUpstreamAtAll_SkippedWithTheReason()
    {
        // Given a repository whose remote has nothing yet (no remote-tracking refs)
        using var fresh = new GitSandbox();
        fresh.Write("a/a_test.go", "package a\n\nfunc BenchmarkX(b *testing.B) {}\n");
        var head = fresh.Commit("first");
        var repository = await GitRepository.OpenAsync(Tools.Processes, fresh.WorkTree, CancellationToken.None);

        var scope = await PrePushScope.FindAsync(repository, "origin", [new PushUpdate("refs/heads/main", head, "refs/heads/main", Zero)], fresh.WorkTree, CancellationToken.None);

        Assert.Empty(scope.Packages);
        Assert.Contains("new on origin and no upstream to compare with", scope.Notes.Single());
        Assert.EndsWith("not checked", scope.Notes.Single());
    }

    [Fact]
    public void FindAsync_DeletionTagAndNonGoChange_NothingToMeasureWithNotes()
    {
        _git.Write("README.md", "docs\n");
        var head = _git.Commit("docs");

        var scope = Scope(
            new PushUpdate("(delete)", Zero, "refs/heads/old", _first),
            new PushUpdate("refs/tags/v1", head, "refs/tags/v1", Zero),
            new PushUpdate("refs/heads/main", head, "refs/heads/main", _first));

        Assert.Empty(scope.Packages);
        Assert.Equal(
            [
                "refs/heads/old: deleted on origin, nothing to check",
                "refs/tags/v1: not a branch, not checked",
                $"refs/heads/main: changes since origin's {_first[..7]}",
                "no Go package with benchmarks changed in . (1 file(s) changed)",
            ],
            scope.Notes);
    }
}
