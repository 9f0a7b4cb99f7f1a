using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Marginalia.Annotations.Export;

/// <summary>
/// Writes every note as a W3C Web Annotation (https://www.w3.org/TR/annotation-model/) in one
/// <c>AnnotationCollection</c>, so that other annotation tools can read, archive or re-anchor the notes. The target
/// of each annotation is the published <c>essay.txt</c>: the quote and the code point positions are taken from it.
/// </summary>
/// <remarks>
/// Written with <see cref="Utf8JsonWriter"/> rather than a serializer: the document is small and its property order
/// and omissions are part of the contract (same input, same bytes), and nothing here needs reflection (Native AOT).
/// </remarks>
internal static class AnnotationExporter
{
    public const string Context = "http://www.w3.org/ns/anno.jsonld";

    /// <summary>
    /// The prefix of the one term the model has no property for: the version of the essay a note's quote was checked
    /// against (<c>marginalia:essayVersion</c> on the target). Declared in every <c>@context</c> next to the model's own.
    /// </summary>
    public const string Prefix = "marginalia";

    /// <summary>The vocabulary IRI the prefix expands to: the project's site, where the term is described.</summary>
    public const string Vocabulary = "https://marginalia.netlify.app/ns#";

    /// <summary>The target's property that carries a note's <c>essay-version</c>.</summary>
    public const string EssayVersionProperty = Prefix + ":essayVersion";

    /// <summary>The purpose of the body that carries a note's kind as a tag (model §3.3.5), which tools such as Hypothesis show as a tag.</summary>
    public const string Tagging = "tagging";

    /// <summary>How much text a TextQuoteSelector's prefix and suffix carry, in code points (as Hypothesis does).</summary>
    public const int ContextLength = 32;

    private const string PageFragment = "#page1";

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        IndentSize = 2,

        // Not Environment.NewLine: a build on Windows must write the same bytes as one on Linux.
        NewLine = "\n",

        // The file is served as JSON-LD, never inlined into a page, so '<', '&' and typographic quotes in quotes and
        // note bodies can stay as they are (the default encoder writes them as \u escapes). Characters outside the
        // BMP are still written as escaped surrogate pairs, which every JSON reader decodes to the same text.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The JSON-LD document (UTF-8 text ending with a newline) for <paramref name="notes"/>.</summary>
    /// <param name="essayText">The essay's plain text exactly as published in <c>essay.txt</c>.</param>
    /// <param name="notes">The anchored notes; written in number order whatever the order of the list.</param>
    /// <param name="settings">Where things are published, the essay's author, the collection label.</param>
    /// <exception cref="ArgumentException">
    /// The base URL is not an absolute http(s) URL ending with '/', a path is not relative, two notes share an id, or a
    /// note's span lies outside the text, is empty or splits a surrogate pair.
    /// </exception>
    public static string Export(string essayText, IReadOnlyList<AnchoredNote> notes, AnnotationExportSettings settings)
    {
        using var bytes = new MemoryStream();
        Export(essayText, notes, settings, bytes);
        return Encoding.UTF8.GetString(bytes.GetBuffer().AsSpan(0, (int)bytes.Length));
    }

    /// <summary>
    /// The same document written to <paramref name="output"/> as UTF-8 as it is made: at 10× it is 30 MB, and a buffer
    /// for its bytes, then its string, then the string with its newline were three copies of it.
    /// </summary>
    public static void Export(string essayText, IReadOnlyList<AnchoredNote> notes, AnnotationExportSettings settings, Stream output)
    {
        ArgumentNullException.ThrowIfNull(essayText);
        ArgumentNullException.ThrowIfNull(notes);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(settings.Label, nameof(settings));
        ArgumentNullException.ThrowIfNull(output);

        var urls = ExportUrls(settings);
        var text = new CodePointIndex(essayText);

        // Number order is reading order; the id breaks ties so that the order of the caller's list never shows.
        var ordered = notes.OrderBy(n => n.Number).ThenBy(n => n.Note.Id, StringComparer.Ordinal).ToList();
        CheckNotes(ordered, text);

        using (var writer = new Utf8JsonWriter(output, WriterOptions))
        {
            WriteCollection(writer, ordered, text, urls, settings);
        }

        output.WriteByte((byte)'\n');
    }

    private static (Uri Export, Uri EssayText, Uri Reader) ExportUrls(AnnotationExportSettings settings)
    {
        var baseUrl = settings.BaseUrl;
        if (baseUrl is null || !baseUrl.IsAbsoluteUri || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp)
            || !baseUrl.AbsolutePath.EndsWith('/') || baseUrl.Query.Length > 0 || baseUrl.Fragment.Length > 0)
        {
            throw new ArgumentException(
                $"the base URL must be an absolute http(s) URL ending with '/', without query or fragment: '{baseUrl}'", nameof(settings));
        }

        return (Resolve(baseUrl, settings.ExportPath), Resolve(baseUrl, settings.EssayTextPath), Resolve(baseUrl, settings.ReaderPath));
    }

    private static Uri Resolve(Uri baseUrl, string path)
    {
        if (string.IsNullOrEmpty(path) || path.StartsWith('/') || path.Contains('\\', StringComparison.Ordinal)
            || !Uri.TryCreate(path, UriKind.Relative, out _))
        {
            throw new ArgumentException($"'{path}' is not a path relative to the site's base URL", nameof(path));
        }

        // A folder's index.html is served at the folder's URL, which is the address readers share and link to.
        const string index = "index.html";
        var served = path == index ? string.Empty
            : path.EndsWith("/" + index, StringComparison.Ordinal) ? path[..^index.Length]
            : path;
        return new Uri(baseUrl, served);
    }

    private static void CheckNotes(List<AnchoredNote> notes, CodePointIndex text)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var anchored in notes)
        {
            var id = anchored.Note.Id;
            if (!ids.Add(id))
            {
                throw new ArgumentException($"two notes have the id '{id}': annotation ids would collide", nameof(notes));
            }

            if (anchored.Start < 0 || anchored.End > text.Text.Length || anchored.Start >= anchored.End
                || !text.IsBoundary(anchored.Start) || !text.IsBoundary(anchored.End))
            {
                throw new ArgumentException(
                    $"note '{id}' spans [{anchored.Start}, {anchored.End}), which is not a non-empty span of whole code points " +
                    $"in a text of {text.Text.Length} UTF-16 units", nameof(notes));
            }
        }
    }

    private static void WriteCollection(
        Utf8JsonWriter writer, List<AnchoredNote> notes, CodePointIndex text, (Uri Export, Uri EssayText, Uri Reader) urls,
        AnnotationExportSettings settings)
    {
        var pageId = new Uri(urls.Export, PageFragment).AbsoluteUri;

        writer.WriteStartObject();
        WriteContext(writer);
        writer.WriteString("id", urls.Export.AbsoluteUri);
        writer.WriteString("type", "AnnotationCollection");
        writer.WriteString("label", settings.Label);
        writer.WriteNumber("total", notes.Count);

        // The model (§5.1) requires a first page when the collection has annotations, and none is written otherwise. One
        // essay has a few hundred notes at most, so they all go in one page, embedded so that one request gets them all.
        if (notes.Count > 0)
        {
            writer.WriteStartObject("first");
            writer.WriteString("id", pageId);
            writer.WriteString("type", "AnnotationPage");

            // Redundant while the page is embedded; it keeps the page self-describing when a tool lifts it out. An
            // object describing the collection, not a bare IRI: the suite's page MUST schemas (5.2-pageTotalValidated
            // and six others) read partOf as that description and reject a string.
            writer.WriteStartObject("partOf");
            writer.WriteString("id", urls.Export.AbsoluteUri);
            writer.WriteString("label", settings.Label);
            writer.WriteNumber("total", notes.Count);
            writer.WriteEndObject();
            writer.WriteNumber("startIndex", 0);
            writer.WriteStartArray("items");
            foreach (var note in notes)
            {
                WriteAnnotation(writer, note, text, urls, settings);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();

            // The only page is also the last one; the model says a collection with annotations SHOULD name its last page.
            writer.WriteString("last", pageId);
        }

        writer.WriteEndObject();
    }

    private static void WriteAnnotation(
        Utf8JsonWriter writer, AnchoredNote anchored, CodePointIndex text, (Uri Export, Uri EssayText, Uri Reader) urls,
        AnnotationExportSettings settings)
    {
        var note = anchored.Note;
        var motivation = note.Kind.Motivation();

        writer.WriteStartObject();

        // Repeated on every item (the collection's context already covers it in JSON-LD) so that one annotation copied
        // out of the page is complete on its own, as an Annotation Protocol server requires when it is posted.
        WriteContext(writer);

        // The note's permalink in the reader: an http(s) IRI that dereferences to the page where the note is shown, and
        // stable because the fragment comes from the note's file name, not its number. An id inside annotations.jsonld
        // (…/annotations.jsonld#id) would be more "linked data" but lands a person on raw JSON.
        writer.WriteString("id", new Uri(urls.Reader, "#" + note.ElementId).AbsoluteUri);
        writer.WriteString("type", "Annotation");
        writer.WriteString("motivation", motivation);
        WriteCreator(writer, note, settings.EssayAuthor);
        writer.WriteString("created", DateTimeOf(note.Created));
        if (note.Updated is { } updated)
        {
            writer.WriteString("modified", DateTimeOf(updated));
        }

        WriteBodies(writer, note, motivation);
        WriteTarget(writer, anchored, text, urls);
        writer.WriteEndObject();
    }

    private static void WriteCreator(Utf8JsonWriter writer, Note note, string? essayAuthor)
    {
        if (note.Kind == NoteKind.Author)
        {
            var name = string.IsNullOrWhiteSpace(essayAuthor) ? note.Author : essayAuthor;
            if (string.IsNullOrWhiteSpace(name))
            {
                return; // the model makes creator optional; an empty name would only claim an anonymous author
            }

            writer.WriteStartObject("creator");
            writer.WriteString("type", "Person");
            writer.WriteString("name", name);
            writer.WriteEndObject();
            return;
        }

        // A contributor is known by a GitHub handle, not a name: foaf:nick, and the profile as foaf:homepage. The
        // profile is not the agent's id because a handle can be renamed and then reused by someone else.
        writer.WriteStartObject("creator");
        writer.WriteString("type", "Person");
        writer.WriteString("nickname", note.Author);
        writer.WriteString("homepage", "https://github.com/" + Uri.EscapeDataString(note.Author));
        writer.WriteEndObject();
    }

    // The model's context first, so a tool that knows only the model reads every term but ours (§3.1 asks for it).
    private static void WriteContext(Utf8JsonWriter writer)
    {
        writer.WriteStartArray("@context");
        writer.WriteStringValue(Context);
        writer.WriteStartObject();
        writer.WriteString(Prefix, Vocabulary);
        writer.WriteEndObject();
        writer.WriteEndArray();
    }

    private static void WriteBodies(Utf8JsonWriter writer, Note note, string motivation)
    {
        var sources = note.Sources.IsDefault ? [] : note.Sources;
        writer.WriteStartArray("body");
        WriteTextualBody(writer, note, motivation);

        // The motivation alone cannot say the kind (context, a source and a translation all comment), so the kind's
        // name travels as a tag: `marginalia import` reads it back, and Hypothesis shows it as one.
        writer.WriteStartObject();
        writer.WriteString("type", "TextualBody");
        writer.WriteString("purpose", Tagging);
        writer.WriteString("value", note.Kind.Name());
        writer.WriteEndObject();

        // A cited source is a body with the purpose "linking" (model §4.1, "Purpose for External Web Resources"): the
        // comment and its sources stay distinguishable, and a client that only shows text bodies still shows the note.
        foreach (var source in sources)
        {
            writer.WriteStartObject();
            writer.WriteString("type", "SpecificResource");
            writer.WriteString("purpose", NoteKindMotivations.Linking);
            writer.WriteStartObject("source");
            writer.WriteString("id", source.Url.AbsoluteUri);

            // rdfs:label, a term anno.jsonld itself defines (the model uses it for collections): the page's title,
            // which the model has no other property for on an external resource.
            writer.WriteString("label", source.Title);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteTextualBody(Utf8JsonWriter writer, Note note, string motivation)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "TextualBody");
        writer.WriteString("purpose", motivation);
        writer.WriteString("format", "text/html");

        // Only a language the note states: the essay's language is the page's, and writing it on every body would
        // claim, on import, that each note had set it.
        if (note.Language is { } language)
        {
            writer.WriteString("language", language);
        }

        writer.WriteString("value", note.BodyHtml);
        writer.WriteEndObject();
    }

    private static void WriteTarget(
        Utf8JsonWriter writer, AnchoredNote anchored, CodePointIndex text, (Uri Export, Uri EssayText, Uri Reader) urls)
    {
        writer.WriteStartObject("target");

        // The model says a Specific Resource SHOULD carry its class (§4), so it is written although it is optional.
        writer.WriteString("type", "SpecificResource");

        // The source is the plain text the selectors count over; the reader page, where the passage is shown, is the
        // scope (§4.6). Selecting inside index.html instead would make positions depend on the theme's markup.
        writer.WriteString("source", urls.EssayText.AbsoluteUri);
        writer.WriteString("scope", urls.Reader.AbsoluteUri);
        if (anchored.Note.EssayVersion is { } version)
        {
            writer.WriteString(EssayVersionProperty, version);
        }

        // Two selectors for the same passage are alternatives (§4.2): a client uses the one it understands, and the
        // quote survives an edit of the essay that shifts every position.
        writer.WriteStartArray("selector");

        writer.WriteStartObject();
        writer.WriteString("type", "TextQuoteSelector");
        writer.WriteString("exact", anchored.Exact(text.Text));
        var prefix = text.Preceding(anchored.Start, ContextLength);
        if (prefix.Length > 0)
        {
            writer.WriteString("prefix", prefix);
        }

        var suffix = text.Following(anchored.End, ContextLength);
        if (suffix.Length > 0)
        {
            writer.WriteString("suffix", suffix);
        }

        writer.WriteEndObject();

        writer.WriteStartObject();
        writer.WriteString("type", "TextPositionSelector");
        writer.WriteNumber("start", text.ToCodePoints(anchored.Start));
        writer.WriteNumber("end", text.ToCodePoints(anchored.End));
        writer.WriteEndObject();

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    // Front matter gives a day; the model wants an xsd:dateTime with a timezone. Midnight UTC claims nothing finer
    // than the day, and taking the time of the build instead would break "same input, same bytes".
    private static string DateTimeOf(DateOnly date) =>
        date.ToString("yyyy'-'MM'-'dd", CultureInfo.InvariantCulture) + "T00:00:00Z";
}
