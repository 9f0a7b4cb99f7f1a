using Marginalia.Annotations;
using Marginalia.Content;
using Marginalia.Diagnostics;
using Marginalia.Extensions;
using Marginalia.Glossary;
using Marginalia.Initiatives;
using Marginalia.Pipeline;
using Marginalia.Reader;

namespace Marginalia.Tests.Support;

/// <summary>Builds small essays and notes from text, the way the pipelines read them from files.</summary>
internal static class NoteFixtures
{
    public static Essay Essay(string body)
    {
        var diagnostics = new DiagnosticBag();
        var frontMatter = FrontMatterParser.Parse(new SourceText("/e", "input/essay.md", "---\ntitle: T\nauthor: A. Writer\nlanguage: en\n---\n" + body), diagnostics)!;
        var essay = EssayBuilder.Build(frontMatter, diagnostics, "/no-media");
        Assert.True(essay is not null, string.Join('\n', diagnostics.Sorted()));
        return essay;
    }

    /// <summary>A note file with the given front-matter lines (quote, prefix…); author and created are filled in.</summary>
    public static NoteFile Note(string id, string fields, string body = "A note.\n", DiagnosticBag? diagnostics = null)
    {
        diagnostics ??= new DiagnosticBag();
        var text = $"---\n{fields.TrimEnd('\n')}\nauthor: someone\ncreated: 2026-11-27\n---\n{body}";
        var note = NoteParser.Read(new SourceText($"/x/{id}.md", $"input/annotations/{id}.md", text), Path.GetTempPath(), diagnostics);
        Assert.True(note is not null, string.Join('\n', diagnostics.Sorted()));
        return note;
    }

    public static (ReaderResult Result, IReadOnlyList<Diagnostic> Diagnostics) Weave(Essay essay, params NoteFile[] notes)
    {
        var diagnostics = new DiagnosticBag();
        var result = ReaderPipeline.Weave(essay, "input/essay.md", Inputs(notes), diagnostics);
        return (result, diagnostics.Sorted());
    }

    /// <summary>What the pipelines would load for a weave: these files, under each kind's own key.</summary>
    internal static Metadata Inputs(
        NoteFile[] notes,
        TermFile[]? terms = null,
        MarkMode glossaryMark = MarkMode.FirstPerSection,
        InitiativeFile[]? initiatives = null,
        MarkMode initiativesLink = MarkMode.FirstPerSection) =>
        Metadata.Empty
            .With(NotesExtension.Input, new NotesInput(notes, AllowUnanchored: false, Command: null, Repository: null))
            .With(TermsExtension.Input, new TermsInput(terms ?? [], glossaryMark))
            .With(InitiativesExtension.Input, new InitiativesInput(initiatives ?? [], initiativesLink));

    /// <summary>A glossary file with the given front-matter lines (term, aliases, case…); short, author are filled in.</summary>
    public static TermFile Term(string id, string fields, DiagnosticBag? diagnostics = null)
    {
        diagnostics ??= new DiagnosticBag();
        var text = $"---\n{fields.TrimEnd('\n')}\nshort: \"Definition of {id}.\"\nauthor: someone\n---\nEntry.\n";
        var term = TermParser.Read(new SourceText($"/x/{id}.md", $"input/glossary/{id}.md", text), Path.GetTempPath(), diagnostics);
        Assert.True(term is not null, string.Join('\n', diagnostics.Sorted()));
        return term;
    }

    public static (ReaderResult Result, IReadOnlyList<Diagnostic> Diagnostics) WeaveTerms(Essay essay, MarkMode mode, NoteFile[] notes, params TermFile[] terms)
    {
        var diagnostics = new DiagnosticBag();
        var result = ReaderPipeline.Weave(essay, "input/essay.md", Inputs(notes, terms, mode), diagnostics);
        return (result, diagnostics.Sorted());
    }

    /// <summary>An initiative file with the given front-matter lines (name, mentions…); summary and author are filled in.</summary>
    public static InitiativeFile Initiative(string id, string fields, DiagnosticBag? diagnostics = null)
    {
        diagnostics ??= new DiagnosticBag();
        var text = $"---\n{fields.TrimEnd('\n')}\nsummary: \"About {id}.\"\nauthor: someone\n---\nPage.\n";
        var file = InitiativeParser.Read(new SourceText($"/x/{id}.md", $"input/initiatives/{id}.md", text), Path.GetTempPath(), diagnostics);
        Assert.True(file is not null, string.Join('\n', diagnostics.Sorted()));
        return file;
    }

    public static (ReaderResult Result, IReadOnlyList<Diagnostic> Diagnostics) WeaveAll(
        Essay essay, NoteFile[] notes, TermFile[] terms, InitiativeFile[] initiatives, MarkMode mode = MarkMode.FirstPerSection)
    {
        var diagnostics = new DiagnosticBag();
        var result = ReaderPipeline.Weave(essay, "input/essay.md", Inputs(notes, terms, MarkMode.FirstPerSection, initiatives, mode), diagnostics);
        return (result, diagnostics.Sorted());
    }

    /// <summary>The linked mentions in reading order, as (initiative id, text).</summary>
    public static List<(string Id, string Text)> LinkedMentions(ReaderResult result) =>
        [.. HtmlFragment.Parse(result.Html).QuerySelectorAll("a.mention").Select(a => (a.GetAttribute("data-initiative")!, a.TextContent))];

    /// <summary>The marked terms in reading order, as (term id, text).</summary>
    public static List<(string Id, string Text)> MarkedTerms(ReaderResult result) =>
        [.. HtmlFragment.Parse(result.Html).QuerySelectorAll("a.term").Select(a => (a.GetAttribute("href")!.Split('#')[1], a.TextContent))];
}
