namespace Marginalia.Editions.Epub;

/// <summary>
/// The images contributions show (files of <c>media/</c>), carried into the book at the same relative path, so
/// an <c>src</c> needs no rewriting. Only the image types every EPUB reading system must support go in; a remote
/// image may not be in a book at all, and another type would be an error, so those show their alt text instead.
/// </summary>
internal sealed class BookImages
{
    private static readonly Dictionary<string, string> CoreTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif",
    };

    private readonly IReadOnlyDictionary<string, ReadOnlyMemory<byte>> _media;
    // Chapters are written on two threads at once (EpubBuilder), each telling which images it shows.
    private readonly Lock _lock = new();
    private readonly SortedSet<string> _used = new(StringComparer.Ordinal);

    /// <param name="media">Files of the site's media folder by site path ("media/map.png").</param>
    public BookImages(IReadOnlyDictionary<string, ReadOnlyMemory<byte>> media) => _media = media;

    /// <summary>Whether the image at a site path can be shown in the book; if so it goes into the manifest.</summary>
    public bool TryUse(string src)
    {
        ArgumentNullException.ThrowIfNull(src);
        if (!_media.ContainsKey(src) || !CoreTypes.ContainsKey(Path.GetExtension(src)))
        {
            return false;
        }

        lock (_lock)
        {
            _used.Add(src);
        }

        return true;
    }

    /// <summary>Whether any image is used; asked once every document is written, as <see cref="Items"/> is.</summary>
    public bool Any => _used.Count > 0;

    /// <summary>The images used, in a fixed order, for the manifest.</summary>
    public IEnumerable<EpubItem> Items() =>
        _used.Select((src, i) => new EpubItem($"img-{i + 1}", src, CoreTypes[Path.GetExtension(src)], _media[src]));
}
