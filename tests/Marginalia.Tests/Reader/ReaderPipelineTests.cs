using Marginalia.Annotations;
using Marginalia.Diagnostics;
using Marginalia.Extensions;
using Marginalia.Pipeline;
using Marginalia.Reader;
using static Marginalia.Tests.Support.NoteFixtures;

namespace Marginalia.Tests.Reader;

public class ReaderPipelineTests
{
    [Fact]
    public void Author_footnotes_render_as_notes_numbered_in_reading_order_with_contributed_ones()
    {
        // Given an essay with its own footnote in the second paragraph, and a contributed note in the first
        var essay = Essay("First paragraph has a claim.\n\nSecond paragraph has a footnote.[^a]\n\n[^a]: The author’s own remark.\n");

        // When the notes are woven in
        var (result, diagnostics) = Weave(essay, Note("claim", "quote: \"a claim\""));

        // Then both are notes, numbered 1 and 2 where they stand, the footnote by the essay's author
        Assert.Empty(diagnostics);
        Assert.Equal([("claim", 1, NoteKind.Context), ("fn-1", 2, NoteKind.Author)], result.Notes.Select(n => (n.Note.Id, n.Number, n.Note.Kind)));
        var footnote = result.Notes[1].Note;
        Assert.Equal("A. Writer", footnote.Author);
        Assert.Equal("<p>The author’s own remark.</p>", footnote.BodyHtml);
        Assert.Contains("footnote.<a class=\"note-ref\" id=\"ref-fn-1\" href=\"#note-fn-1\" role=\"doc-noteref\" aria-label=\"Note 2\">2</a>", result.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("footnotes", result.Html, StringComparison.Ordinal);
        Assert.Equal("p-second-paragraph-has-a", result.Notes[1].BlockId);
    }

    [Fact]
    public void The_web_pages_essay_is_made_on_first_use_once_and_the_woven_model_is_left_as_the_book_reads_it()
    {
        // Given a woven essay with a note
        var (result, diagnostics) = Weave(Essay("First paragraph has a claim.\n"), Note("claim", "quote: \"a claim\""));
        Assert.Empty(diagnostics);
        var woven = result.Woven.Html;

        // Then the weave left the web page's essay to be made when something asks for it (the pages)
        Assert.False(result.Web.IsValueCreated);

        // And asked twice, it is made once, with its decorations, and the model the book copies is unchanged by it
        var html = result.Html;
        Assert.Same(html, result.Html);
        Assert.Contains("<a class=\"note-ref\" id=\"ref-claim\"", html, StringComparison.Ordinal);
        Assert.Contains("ref-claim", result.HtmlAnchors.Ids);
        Assert.Equal(woven, result.Woven.Html);
    }

    [Fact]
    public void The_plain_text_is_every_block_separated_by_a_blank_line_without_permalinks_or_markers()
    {
        var essay = Essay("One *two* three.\n\n## Head\n\nFour.[^1]\n\n[^1]: x\n");

        var (result, _) = Weave(essay, Note("two", "quote: \"two\""));

        Assert.Equal("One two three.\n\nHead\n\nFour.\n", result.Text);
        Assert.Equal(12, result.Version.Length);
    }

    [Fact]
    public void An_unknown_xref_is_an_error_at_the_link_with_the_closest_known_name()
    {
        var essay = Essay("Alpha beta.\n\nGamma delta.\n");

        var (_, diagnostics) = Weave(essay,
            Note("a", "quote: \"Alpha\"", "See [gamma](xref:essay#p-gamma-delt) and [b](xref:notes/b).\n"),
            Note("b", "quote: \"Gamma\""));

        var error = Assert.Single(diagnostics);
        Assert.Equal("input/annotations/a.md:6:5: error MG0610: xref:essay#p-gamma-delt names nothing on the site", error.ToString());
        Assert.Equal("did you mean 'essay#p-gamma-delta'?", error.Hint);
    }

    [Fact]
    public void Xrefs_to_notes_and_paragraphs_resolve_for_the_reader_and_the_notes_page()
    {
        var essay = Essay("Alpha beta.\n\nGamma delta.\n");

        var (result, diagnostics) = Weave(essay, Note("a", "quote: \"Alpha\"", "See [g](xref:essay#p-gamma-delta), [b](xref:notes/b).\n"), Note("b", "quote: \"Gamma\""));

        Assert.Empty(diagnostics);
        var body = result.Notes[0].Note.BodyHtml;
        Assert.Equal("<p>See <a href=\"#p-gamma-delta\">g</a>, <a href=\"#note-b\">b</a>.</p>\n", result.Xrefs.Resolve(body, "index.html"));
        Assert.Equal("<p>See <a href=\"../index.html#p-gamma-delta\">g</a>, <a href=\"../index.html#note-b\">b</a>.</p>\n", result.Xrefs.Resolve(body, "notes/index.html"));
    }

    [Fact]
    public void Every_kind_prepares_beside_the_others_before_any_kind_matches_in_order_of_precedence()
    {
        // Given two kinds whose preparations each wait for the other's (a barrier of two) and record every step
        var steps = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var barrier = new Barrier(2);
        var later = new RecordingKind("later", 5, steps, barrier);
        var first = new RecordingKind("first", 0, steps, barrier);

        // When the essay is woven with them, the later-matching kind registered first
        var diagnostics = new DiagnosticBag();
        ReaderPipeline.Weave(Essay("One paragraph.\n"), "input/essay.md", Metadata.Empty, diagnostics, [later, first]);

        // Then both preparations met at the barrier (they ran at the same time), all before either kind matched,
        // and the kinds matched by precedence, not by registration
        Assert.Empty(diagnostics.Sorted());
        Assert.True(later.MetTheOther);
        Assert.True(first.MetTheOther);
        var order = steps.ToList();
        Assert.Equal(["prepare", "prepare"], order.Take(2).Select(s => s.Split(' ')[0]));
        Assert.Equal(["match first", "match later"], order.Skip(2));
    }

    /// <summary>A kind with no files that records when it prepares and matches.</summary>
    private sealed class RecordingKind(string kind, int precedence, System.Collections.Concurrent.ConcurrentQueue<string> steps, Barrier barrier) : IReaderExtension
    {
        public string Kind => kind;

        public bool MetTheOther { get; private set; }

        public string? LoaderPipeline => null;

        public int Precedence => precedence;

        public BuildPipeline? CreateLoader() => null;

        public Metadata Load(IExecutionContext context, Metadata inputs) => inputs;

        public void Prepare(WeaveContext context)
        {
            steps.Enqueue("prepare " + kind);

            // Run one after the other, the first to arrive would wait here in vain until the timeout.
            MetTheOther = barrier.SignalAndWait(TimeSpan.FromSeconds(30));
        }

        public void Match(WeaveContext context) => steps.Enqueue("match " + kind);

        public void Collect(WeaveContext context)
        {
        }
    }
}
