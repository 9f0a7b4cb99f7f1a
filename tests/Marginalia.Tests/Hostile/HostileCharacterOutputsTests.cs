using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Marginalia.Annotations.Export;
using Marginalia.Content;
using Marginalia.Contributions;
using Marginalia.Discovery;
using Marginalia.Editions.Epub;
using Marginalia.Tests.Annotations.Export;

namespace Marginalia.Tests.Hostile;

/// <summary>
/// Every XML-invalid and control character (U+0000–U+001F, U+007F–U+009F, U+FFFE, U+FFFF, a lone high and low
/// surrogate), put in a body literally where a file can hold it and as a character reference, is an error at its file,
/// line and column, never a crash (MG0004); and given straight to every writer that makes XML or JSON, it leaves
/// the output well-formed.
/// </summary>
public class HostileCharacterOutputsTests
{
    public static IReadOnlyList<int> Characters { get; } =
        [.. Enumerable.Range(0, 0x20), .. Enumerable.Range(0x7F, 0x21), 0xFFFE, 0xFFFF, 0xD800, 0xDC00];

    private static string Hex(int c) => c.ToString("x4", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Every_character_in_every_kind_of_body_is_an_error_at_its_place_and_never_a_crash()
    {
        // Given one file per character, form and kind of contribution ("A " then the character on the body's first line)
        var files = new List<(string Path, string Text)>();
        var expected = new List<string>();
        foreach (var kind in new[] { "note", "term", "initiative" })
        {
            foreach (var c in Characters)
            {
                var forms = new List<(string Form, string Text, string? Code)> { ("entity", $"&#x{Hex(c)};", CodeForReference(c)) };
                if (c is not (0x9 or 0xA or 0xD or 0x0) && !char.IsSurrogate((char)c))
                {
                    // (NUL is refused by the file rule MG0116, CR is read as a line end, a lone surrogate cannot be UTF-8.)
                    forms.Add(("literal", ((char)c).ToString(), InvisibleCharacters.IsForbidden((char)c) ? "MG0614" : "MG0620"));
                }

                foreach (var (form, text, code) in forms)
                {
                    var (folder, file, bodyLine) = HostileFiles.WithBody(kind, $"A {text} b.\n");
                    var path = $"input/{folder}/char-{kind}-{form}-{Hex(c)}.md";
                    if (kind != "note")
                    {
                        // Terms and initiatives must each claim their own phrase; one claimed twice is another error.
                        file = kind == "term"
                            ? HostileFiles.Term($"A {text} b.\n", term: $"Hostile term {form} {Hex(c)}")
                            : HostileFiles.Initiative($"A {text} b.\n", name: $"Hostile {form} {Hex(c)}");
                    }

                    files.Add((path, file));
                    if (code is not null)
                    {
                        expected.Add($"{code} {path}:{bodyLine}:3");
                    }
                }
            }
        }

        // When they are built together
        var (site, result) = await HostileFiles.BuildWithAsync(false, [.. files]);
        using var _ = site;

        // Then no module crashed, and each character is reported where it is
        var errors = HostileFiles.Errors(result);
        Assert.DoesNotContain(errors, e => e.StartsWith("MG0004", StringComparison.Ordinal));
        var missing = expected.Except(errors).ToList();
        Assert.True(missing.Count == 0, "not reported: " + string.Join("\n", missing.Take(20)));
        var bodyErrors = errors.Where(e => e.Contains("/char-", StringComparison.Ordinal) && (e.StartsWith("MG0614", StringComparison.Ordinal) || e.StartsWith("MG0620", StringComparison.Ordinal)));
        Assert.True(bodyErrors.All(expected.Contains), "reported elsewhere: " + string.Join("\n", bodyErrors.Except(expected).Take(20)));
    }

    /// <summary>A reference to a tab or a line feed is allowed; U+0000, U+FFFE, U+FFFF and surrogates are MG0620; the rest MG0614.</summary>
    private static string? CodeForReference(int c) => c switch
    {
        0x9 or 0xA => null,
        0x0 or 0xFFFE or 0xFFFF or (>= 0xD800 and <= 0xDFFF) => "MG0620",
        _ => "MG0614",
    };

    public static TheoryData<int> EachCharacter()
    {
        var data = new TheoryData<int>();
        foreach (var c in Characters)
        {
            data.Add(c);
        }

        return data;
    }

    private static string Hostile(int c) => $"a{(char)c}b";

    /// <summary>What an XML parser reads back: the character when XML can hold it (line ends and tabs as XML reads them), else nothing.</summary>
    private static string ReadBack(int c) => c switch
    {
        0xD => "a\nb",
        _ when Marginalia.Text.XmlCharacters.IsAllowed((char)c) && !char.IsSurrogate((char)c) => Hostile(c),
        _ => "ab",
    };

    [Theory]
    [MemberData(nameof(EachCharacter))]
    public void The_feed_stays_well_formed(int c)
    {
        var entry = new FeedEntry(new Uri("https://x.test/#note-a"), Hostile(c), new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 2), Hostile(c),
            new Uri("https://github.com/a"), $"<p>{Hostile(c)}</p>");
        var feed = AtomFeed.Write(Hostile(c), Hostile(c), new Uri("https://x.test/feed.xml"), new Uri("https://x.test/"), [entry], new DateOnly(2026, 1, 1), "en");
        var document = XDocument.Parse(feed);
        Assert.Equal($"<p>{ReadBack(c)}</p>", document.Descendants().Single(e => e.Name.LocalName == "content").Value);
        Assert.Equal(ReadBack(c), document.Descendants().First(e => e.Name.LocalName == "title").Value);
    }

    [Theory]
    [MemberData(nameof(EachCharacter))]
    public void The_epub_pages_stay_well_formed(int c)
    {
        var page = new XhtmlPage(Hostile(c), "en");
        var section = page.Append(page.Body, "section", "x", Hostile(c));
        page.AppendText(section, Hostile(c));
        section.AppendChild(page.Fragment($"<p title=\"{Hostile(c)}\">{Hostile(c)}</p><h2>{Hostile(c)}</h2>"));
        var document = XDocument.Parse(Encoding.UTF8.GetString(page.ToBytes().Span));
        Assert.Equal(ReadBack(c), document.Descendants().First(e => e.Name.LocalName == "h2").Value);
    }

    [Theory]
    [MemberData(nameof(EachCharacter))]
    public void The_epub_package_document_stays_well_formed(int c)
    {
        var metadata = new EpubMetadata("urn:uuid:0", Hostile(c), Hostile(c), Hostile(c), "en", new DateOnly(2026, 1, 1), null, Hostile(c), new Uri("https://x.test/"));
        var opf = Encoding.UTF8.GetString(PackageDocument.Write(metadata, [], hasImages: false));
        Assert.Equal(ReadBack(c), XDocument.Parse(opf).Descendants().First(e => e.Name.LocalName == "title").Value);
    }

    [Theory]
    [MemberData(nameof(EachCharacter))]
    public void The_annotation_export_stays_well_formed(int c)
    {
        var notes = ExportFixture.Notes.Select(n => n with { Note = n.Note with { BodyHtml = $"<p>{Hostile(c)}</p>", Author = Hostile(c) } }).ToList();
        var json = JsonNode.Parse(AnnotationExporter.Export(ExportFixture.Essay, notes, ExportFixture.Settings));
        Assert.NotNull(json);
    }
}
