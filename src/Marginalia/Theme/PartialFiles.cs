using System.Text;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace Marginalia.Theme;

/// <summary>
/// Serves the partials the Layouts pipeline read to Fluid's <c>{% render %}</c>, from memory: the build reads each
/// theme file once, and a partial with a syntax error has already been reported at its line and column.
/// </summary>
internal sealed class PartialFiles(IReadOnlyDictionary<string, ParsedLayout> layouts) : IFileProvider
{
    public IFileInfo GetFileInfo(string subpath)
    {
        var name = subpath.Replace('\\', '/').TrimStart('/');
        name = name.EndsWith(".liquid", StringComparison.Ordinal) ? name[..^".liquid".Length] : name;
        return layouts.TryGetValue(name, out var layout) ? new Partial(name, layout.Source) : new NotFoundFileInfo(subpath);
    }

    public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;

    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;

    private sealed class Partial(string name, string source) : IFileInfo
    {
        private readonly byte[] _bytes = Encoding.UTF8.GetBytes(source);

        public bool Exists => true;

        public long Length => _bytes.Length;

        public string? PhysicalPath => null;

        public string Name => name;

        public DateTimeOffset LastModified => DateTimeOffset.UnixEpoch;

        public bool IsDirectory => false;

        public Stream CreateReadStream() => new MemoryStream(_bytes, writable: false);
    }
}
