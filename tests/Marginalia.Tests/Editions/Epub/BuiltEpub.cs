using System.IO.Compression;
using Marginalia.Tests.Support;

namespace Marginalia.Tests.Editions.Epub;

/// <summary>The repository's site built once, with its EPUB edition's path and entries at hand.</summary>
public sealed class BuiltEpub : IDisposable
{
    /// <summary>The slug of the real essay's title, as <c>EditionPaths</c> names the file.</summary>
    public const string RelativePath = "downloads/ai-and-the-unfinished-agenda-of-globalisation.epub";

    public BuiltSite Site { get; } = new();

    public string Path => System.IO.Path.Combine(Site.OutputDir, RelativePath);

    public byte[] Bytes() => File.ReadAllBytes(Path);

    /// <summary>Every entry's text, keyed by its name in the container.</summary>
    public string Entry(string name)
    {
        using var zip = ZipFile.OpenRead(Path);
        using var reader = new StreamReader(zip.GetEntry(name)?.Open() ?? throw new InvalidOperationException(name + " is not in the EPUB"));
        return reader.ReadToEnd();
    }

    public List<string> EntryNames()
    {
        using var zip = ZipFile.OpenRead(Path);
        return [.. zip.Entries.Select(e => e.FullName)];
    }

    public void Dispose() => Site.Dispose();
}
