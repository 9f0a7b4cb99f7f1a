using Marginalia.Annotations;
using Marginalia.Annotations.Export;
using Marginalia.Contributions;

namespace Marginalia.Tests.Annotations.Export;

/// <summary>
/// A short essay with emoji outside the BMP before and inside quotes, and one note of every kind, anchored the way the
/// anchoring stage does it (UTF-16 offsets into the plain text).
/// </summary>
internal static class ExportFixture
{
    public const string Essay =
        "The world 🌍 is learning to share its machines, slowly.\n" +
        "AI as a Platform of Mutualism\n" +
        "India’s Bhashini project aims to develop AI in local languages 🌍🤝 so that farmers can ask in Marathi.\n" +
        "Several efforts point in the right direction, and the WTO has said so in 2024.\n" +
        "Cooperation is cheaper than rivalry 🤝, the essay argues, and that is all.";

    public static readonly Uri BaseUrl = new("https://example.org/essay/");

    public static AnnotationExportSettings Settings { get; } =
        new(BaseUrl, "Notes on “AI as a Platform of Mutualism”") { EssayAuthor = "Partha Roy" };

    /// <summary>One note of each kind, in reading order.</summary>
    public static IReadOnlyList<AnchoredNote> Notes { get; } =
    [
        Anchor(1, "The world 🌍 is", NewNote("opening-world", NoteKind.Context) with
        {
            Sources =
            [
                new NoteSource("World Population Prospects 2024", new Uri("https://population.un.org/wpp/")),
                new NoteSource("AI Index Report", new Uri("https://aiindex.stanford.edu/report/")),
            ],
        }),
        Anchor(2, "India’s Bhashini project aims to develop AI in local languages 🌍🤝", NewNote("bhashini-languages", NoteKind.Source) with
        {
            BodyHtml = "<p>Bhashini’s site lists 22 scheduled languages &amp; <a href=\"https://bhashini.gov.in/\">its datasets</a>.</p>",
            Sources = [new NoteSource("Bhashini", new Uri("https://bhashini.gov.in/"))],
        }),
        Anchor(3, "ask in Marathi", NewNote("marathi-question", NoteKind.Translation) with
        {
            BodyHtml = "<p>मराठीत विचारा.</p>",
            Language = "mr",
        }),
        Anchor(4, "the WTO has said so in 2024", NewNote("wto-statement", NoteKind.FactCheck) with
        {
            Updated = new DateOnly(2026, 12, 3),
            EssayVersion = "5f2c9a01b7de",
        }),
        Anchor(5, "Cooperation is cheaper than rivalry 🤝", NewNote("cooperation-cost", NoteKind.Counterpoint)),
        Anchor(6, "that is all.", NewNote("fn-1", NoteKind.Author) with { Author = "partha-roy" }),
    ];

    public static Note NewNote(string id, NoteKind kind) => new(
        Id: id,
        SourcePath: $"input/annotations/{id}.md",
        Quote: "(set by Anchor)",
        Prefix: null,
        Suffix: null,
        Kind: kind,
        Author: "octocat",
        Sources: [],
        Created: new DateOnly(2026, 11, 27),
        Updated: null,
        Language: null,
        EssayVersion: null,
        BodyHtml: $"<p>A {kind.Name()} note.</p>");

    /// <summary>Places a note on the only occurrence of <paramref name="quote"/> in <see cref="Essay"/>.</summary>
    public static AnchoredNote Anchor(int number, string quote, Note note, string essay = Essay)
    {
        var start = essay.IndexOf(quote, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{quote}' is not in the fixture essay");
        Assert.True(essay.IndexOf(quote, start + 1, StringComparison.Ordinal) < 0, $"'{quote}' occurs twice in the fixture essay");
        return new AnchoredNote(note with { Quote = quote }, number, "p-" + number, start, start + quote.Length);
    }

    public static string Export() => AnnotationExporter.Export(Essay, Notes, Settings);
}
