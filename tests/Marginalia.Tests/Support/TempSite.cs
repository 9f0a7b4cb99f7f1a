using Marginalia.Site;

namespace Marginalia.Tests.Support;

/// <summary>
/// A throwaway site folder with copies of the repository's input/ and theme/ (or empty ones), so a test can break
/// files and build without touching the real ones. Diagnostics show paths relative to it ("input/essay.md").
/// </summary>
internal sealed class TempSite : IDisposable
{
    private TempSite(string root) => Root = root;

    public string Root { get; }

    public string OutputDir => Path.Combine(Root, "output");

    public static TempSite CopyOfRepository()
    {
        var site = Empty();
        CopyFolder(RepoPaths.Input, Path.Combine(site.Root, "input"));
        CopyFolder(RepoPaths.Theme, Path.Combine(site.Root, "theme"));
        return site;
    }

    public static TempSite Empty()
    {
        var root = Path.Combine(Path.GetTempPath(), "marginalia-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        return new TempSite(root);
    }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public void Write(string relative, string content)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    public void WriteBytes(string relative, byte[] content)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
    }

    public string Read(string relative) => File.ReadAllText(PathOf(relative));

    /// <summary>Replaces the first occurrence of <paramref name="find"/> in a file; fails if it is not there.</summary>
    public void Edit(string relative, string find, string replace) => Write(relative, Replaced(relative, find, replace));

    /// <summary>A file's text with the first occurrence of <paramref name="find"/> replaced; fails if it is not there.</summary>
    public string Replaced(string relative, string find, string replace)
    {
        var text = Read(relative);
        var at = text.IndexOf(find, StringComparison.Ordinal);
        if (at < 0)
        {
            throw new InvalidOperationException($"'{find}' not found in {relative}");
        }

        return string.Concat(text.AsSpan(0, at), replace, text.AsSpan(at + find.Length));
    }

    public Task<BuildResult> BuildAsync(bool write = true) =>
        SiteBuilder.BuildAsync(new BuildOptions { Write = write, WorkingDirectory = Root });

    /// <summary>Every file of the output folder with its bytes, keyed by relative path, for byte-for-byte comparison.</summary>
    public SortedDictionary<string, byte[]> Snapshot()
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        if (Directory.Exists(OutputDir))
        {
            foreach (var file in Directory.EnumerateFiles(OutputDir, "*", SearchOption.AllDirectories))
            {
                files[Path.GetRelativePath(OutputDir, file).Replace('\\', '/')] = File.ReadAllBytes(file);
            }
        }

        return files;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    internal static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
