using Marginalia.Annotations;
using Marginalia.Content;
using Marginalia.Diagnostics;
using Marginalia.Reader;

namespace Marginalia.Tests.Support;

/// <summary>Builds small essays and notes from text, the way the pipelines read them from files.</summary>
public static class NoteFixtures
{
    public static Essay Essay(string body)
    {
        var diagnostics = new DiagnosticBag();
        var frontMatter = FrontMatterParser.Parse(new SourceText("/e", "input/essay.md", "---\ntitle: T\nauthor: A. Writer\nlanguage: en\n---\n" + body), diagnostics)!;
        var essay = EssayBuilder.Build(frontMatter, diagnostics);
        Assert.True(essay is not null, string.Join('\n', diagnostics.Sorted()));
        return essay;
    }

    /// <summary>A note file with the given front-matter lines (quote, prefix…); author and created are filled in.</summary>
    public static NoteFile Note(string id, string fields, string body = "A note.\n", DiagnosticBag? diagnostics = null)
    {
        diagnostics ??= new DiagnosticBag();
        var text = $"---\n{fields.TrimEnd('\n')}\nauthor: someone\ncreated: 2026-11-27\n---\n{body}";
        var note = NoteReader.Read(new SourceText($"/x/{id}.md", $"input/annotations/{id}.md", text), Path.GetTempPath(), diagnostics);
        Assert.True(note is not null, string.Join('\n', diagnostics.Sorted()));
        return note;
    }

    public static (ReaderResult Result, IReadOnlyList<Diagnostic> Diagnostics) Weave(Essay essay, params NoteFile[] notes)
    {
        var diagnostics = new DiagnosticBag();
        var result = ReaderPipeline.Weave(essay, "input/essay.md", notes, diagnostics);
        return (result, diagnostics.Sorted());
    }
}
