using System.IO.Compression;
using System.Text;

namespace Marginalia.Editions.Epub;

/// <summary>
/// Writes the OCF container: <c>mimetype</c> first, stored and with no extra field (so a tool reading the first
/// bytes of the file finds "application/epub+zip" at a fixed offset), then <c>META-INF/container.xml</c>, then the
/// publication's files in the order given. Every entry carries the same timestamp, taken from the input:
/// <see cref="ZipArchive"/> would otherwise stamp each with the current time and no two builds would match. Images
/// are stored, not deflated: PNG, JPEG, GIF and WebP are compressed already, and deflating 16 MB of them again cost
/// most of a build with a full media folder for nothing.
/// </summary>
internal static class EpubArchive
{
    public const string MimeType = "application/epub+zip";

    private const string ContainerXml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
          <rootfiles>
            <rootfile full-path="EPUB/content.opf" media-type="application/oebps-package+xml"/>
          </rootfiles>
        </container>

        """;

    /// <param name="files">Paths inside the container with their bytes, already in the order to write them.</param>
    public static byte[] Write(IEnumerable<(string Path, ReadOnlyMemory<byte> Content)> files, DateOnly stamp)
    {
        ArgumentNullException.ThrowIfNull(files);
        var time = new DateTimeOffset(stamp.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "mimetype", Encoding.ASCII.GetBytes(MimeType), CompressionLevel.NoCompression, time);
            Add(zip, "META-INF/container.xml", Encoding.UTF8.GetBytes(ContainerXml), CompressionLevel.Optimal, time);
            foreach (var (path, content) in files)
            {
                Add(zip, path, content, path.StartsWith(EpubBuilder.Folder + "media/", StringComparison.Ordinal) ? CompressionLevel.NoCompression : CompressionLevel.Optimal, time);
            }
        }

        return stream.ToArray();
    }

    private static void Add(ZipArchive zip, string path, ReadOnlyMemory<byte> content, CompressionLevel level, DateTimeOffset time)
    {
        var entry = zip.CreateEntry(path, level);
        entry.LastWriteTime = time;
        using var output = entry.Open();
        output.Write(content.Span);
    }
}
