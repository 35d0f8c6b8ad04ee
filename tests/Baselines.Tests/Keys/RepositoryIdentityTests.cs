using Gate.Baselines.Keys;
using Gate.TestUtilities;

namespace Gate.Baselines.Tests.Keys;

public class RepositoryIdentityTests
{
    [Theory]
    [InlineData("https://github.com/owner/name.git", "owner/name")]
    [InlineData("https://user:secret-token@github.com/owner/name", "owner/name")]
    [InlineData("git@github.com:owner/name.git", "owner/name")]
    [InlineData("ssh://git@host:2222/group/sub/name.git", "sub/name")]
    [InlineData("/srv/git/name.git", "git/name")]
    [InlineData("name.git", "name")]
    public void FromRemoteUrl_CommonForms_GiveOwnerSlashName(string url, string expected) =>
        Assert.Equal(expected, RepositoryIdentity.FromRemoteUrl(url));

    [Fact]
    public async Task DetectAsync_GithubRepositorySet_WinsOverEverything()
    {
        var identity = new RepositoryIdentity(Tools.Processes, name => name == "GITHUB_REPOSITORY" ? "acme/widgets" : null);

        Assert.Equal("acme/widgets", await identity.DetectAsync(RepoPaths.Root, CancellationToken.None));
    }

    [Fact]
    [Trait(Traits.Category, Traits.Slow)]
    public async Task DetectAsync_GitRepositoryWithOrigin_UsesTheRemote()
    {
        // Given a real git repository whose origin is a GitHub URL
        using var temp = new TempDirectory();
        Tools.Run("git", temp.Path, "init", "-q");
        Tools.Run("git", temp.Path, "remote", "add", "origin", "https://github.com/some-owner/some-repo.git");

        // When the repository is detected without GITHUB_REPOSITORY
        var name = await new RepositoryIdentity(Tools.Processes, _ => null).DetectAsync(temp.Path, CancellationToken.None);

        // Then it is owner/name from the remote
        Assert.Equal("some-owner/some-repo", name);
    }

    [Fact]
    public async Task DetectAsync_PlainDirectory_UsesItsName()
    {
        using var temp = new TempDirectory("benchgate plain dir ");
        var directory = Directory.CreateDirectory(temp.Combine("My Project")).FullName;

        var name = await new RepositoryIdentity(Tools.Processes, _ => null).DetectAsync(directory, CancellationToken.None);

        Assert.Equal("My-Project", name);
    }
}
