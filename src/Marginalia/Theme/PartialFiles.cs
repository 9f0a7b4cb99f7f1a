using System.Text;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace Marginalia.Theme;

/// <summary>
/// Serves the partials the Layouts pipeline read to Fluid's <c>{% render %}</c>, from memory: the build reads each
/// theme file once, and a partial with a syntax error has already been reported at its line and column.
/// </summary>
internal sealed class PartialFiles : IFileProvider
{
    // One file per layout, made once: Fluid asks for a partial's file at every {% render %}, and only reads it when its
    // own cache of parsed partials misses, so each answer making the partial's bytes again was 4 MB per 1× build.
    private readonly Dictionary<string, Partial> _files;

    public PartialFiles(IReadOnlyDictionary<string, ParsedLayout> layouts)
    {
        ArgumentNullException.ThrowIfNull(layouts);
        _files = layouts.ToDictionary(l => l.Key, l => new Partial(l.Key, l.Value.Source), StringComparer.Ordinal);
    }

    public IFileInfo GetFileInfo(string subpath)
    {
        ArgumentNullException.ThrowIfNull(subpath);
        var name = subpath.Replace('\\', '/').TrimStart('/');
        name = name.EndsWith(".liquid", StringComparison.Ordinal) ? name[..^".liquid".Length] : name;
        return _files.TryGetValue(name, out var file) ? file : new NotFoundFileInfo(subpath);
    }

    public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;

    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;

    private sealed class Partial(string name, string source) : IFileInfo
    {
        // Encoded when first read: most layouts are never a partial.
        private readonly Lazy<byte[]> _bytes = new(() => Encoding.UTF8.GetBytes(source));

        public bool Exists => true;

        public long Length => _bytes.Value.Length;

        public string? PhysicalPath => null;

        public string Name => name;

        public DateTimeOffset LastModified => DateTimeOffset.UnixEpoch;

        public bool IsDirectory => false;

        public Stream CreateReadStream() => new MemoryStream(_bytes.Value, writable: false);
    }
}
