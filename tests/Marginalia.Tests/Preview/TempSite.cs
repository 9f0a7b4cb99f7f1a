using Xunit;

namespace Marginalia.Tests.Preview;

/// <summary>A copy of the repository's input/ and theme/ in a temporary folder, deleted on dispose.</summary>
internal sealed class TempSite : IDisposable
{
    public TempSite()
    {
        Root = Directory.CreateTempSubdirectory("marginalia-preview-").FullName;
        var repository = RepositoryRoot();
        CopyFolder(Path.Combine(repository, "input"), PathOf("input"));
        CopyFolder(Path.Combine(repository, "theme"), PathOf("theme"));
    }

    public string Root { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>Rewrites a file the way an editor saves it, failing if there is nothing to change.</summary>
    public async Task EditAsync(string relative, string find, string replace)
    {
        var path = PathOf(relative);
        var text = await File.ReadAllTextAsync(path);
        Assert.Contains(find, text, StringComparison.Ordinal);
        await File.WriteAllTextAsync(path, text.Replace(find, replace, StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Site.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"no Site.sln above {AppContext.BaseDirectory}");
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
