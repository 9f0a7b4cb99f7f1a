using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Marginalia.Diagnostics;
using Marginalia.Pipeline;

namespace Marginalia.Contributions;

/// <summary>
/// Rendered bodies kept on disk (<see cref="DiskCache"/>), by everything a render depends on: the Markdown, the file
/// and line it starts on (its xrefs' places), whether headings are allowed, the media files there are (an image must
/// be one), and the versions of Markdig, HtmlSanitizer and AngleSharp. Only a body that rendered with no diagnostic is
/// kept, so a kept body replays nothing; a body with a problem is rendered, and reported, every time.
/// </summary>
/// <remarks>
/// The body renderer is called from each kind's parser, below any build context; the cache reaches it as the current
/// flow's (<see cref="Use"/>), set by the module that reads the files, as <see cref="Content.HtmlParses"/> is.
/// </remarks>
internal sealed class RenderedBodies
{
    private static readonly AsyncLocal<RenderedBodies?> Current = new();

    private static readonly string Libraries = string.Join(' ',
        typeof(Markdig.Markdown).Assembly.FullName, typeof(Ganss.Xss.HtmlSanitizer).Assembly.FullName, typeof(AngleSharp.Dom.IElement).Assembly.FullName);

    private readonly DiskCache _disk;
    private readonly string _media;

    private RenderedBodies(DiskCache disk, string media)
    {
        _disk = disk;
        _media = media;
    }

    /// <summary>Makes <paramref name="disk"/> the cache of the bodies rendered in this flow until the scope ends.</summary>
    /// <param name="media">The media files there are, listed: a new or removed one renders every body again.</param>
    public static IDisposable Use(DiskCache disk, string media)
    {
        ArgumentNullException.ThrowIfNull(disk);
        var before = Current.Value;
        Current.Value = new RenderedBodies(disk, media);
        return new Scope(() => Current.Value = before);
    }

    /// <summary>The body kept for these inputs, or <paramref name="render"/>'s, kept when it reported nothing.</summary>
    internal static RenderedBody? Render(string markdown, string path, int bodyLine, bool allowHeadings, DiagnosticBag diagnostics, Func<DiagnosticBag, RenderedBody?> render)
    {
        if (Current.Value is not { } kept)
        {
            return render(diagnostics);
        }

        var key = DiskCache.Key(nameof(RenderedBodies), Libraries, kept._media, path, bodyLine.ToString(System.Globalization.CultureInfo.InvariantCulture), allowHeadings ? "headings" : "-", markdown);
        if (kept._disk.Read("bodies", key) is { } text && Read(text) is { } found)
        {
            return found;
        }

        var own = new DiagnosticBag();
        var body = render(own);
        var reported = own.Sorted();
        diagnostics.AddRange(reported);
        if (body is not null && reported.Count == 0)
        {
            kept._disk.Write("bodies", key, Write(body));
        }

        return body;
    }

    internal static string Write(RenderedBody body)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("html", body.Html);
            json.WriteStartArray("xrefs");
            foreach (var use in body.Xrefs)
            {
                json.WriteStartArray();
                json.WriteStringValue(use.Target);
                json.WriteStringValue(use.Location.Path);
                json.WriteNumberValue(use.Location.Line);
                json.WriteNumberValue(use.Location.Column);
                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteStartArray("media");
            foreach (var media in body.Media)
            {
                json.WriteStringValue(media);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The body a kept text holds, or null when it is not one (then it is rendered again).</summary>
    internal static RenderedBody? Read(string text)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            var root = json.RootElement;
            var xrefs = root.GetProperty("xrefs").EnumerateArray()
                .Select(x => new XrefUse(x[0].GetString()!, new SourceLocation(x[1].GetString()!, x[2].GetInt32(), x[3].GetInt32())))
                .ToImmutableArray();
            var media = root.GetProperty("media").EnumerateArray().Select(m => m.GetString()!).ToImmutableArray();
            return new RenderedBody(root.GetProperty("html").GetString()!, xrefs, media);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or IndexOutOfRangeException or FormatException or ArgumentException)
        {
            return null;
        }
    }

    private sealed class Scope(Action end) : IDisposable
    {
        public void Dispose() => end();
    }
}
