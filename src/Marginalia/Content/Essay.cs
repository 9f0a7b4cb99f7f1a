using System.Collections.Immutable;

namespace Marginalia.Content;

/// <summary>The essay after rendering: its front matter, its sections and paragraphs with stable ids, and its body, parsed once.</summary>
internal sealed record Essay(EssayInfo Info, ImmutableArray<EssaySection> Sections, EssayBody Body, ImmutableArray<EssayFootnote> Footnotes)
{
    /// <summary>The body serialised (it carries no web-only decorations: no permalinks).</summary>
    public string Html => Body.Html;

    public IEnumerable<EssayParagraph> Paragraphs => Sections.SelectMany(s => s.Paragraphs);
}

/// <summary>A section: the untitled opening (no title) or the part under one '##' heading.</summary>
internal sealed record EssaySection(string Id, string? Title, ImmutableArray<EssayParagraph> Paragraphs);

/// <summary>A paragraph and its stable id (a slug of its first words).</summary>
internal sealed record EssayParagraph(string Id, string Text);

/// <summary>
/// One of the author's own footnotes: its label (Markdig numbers them 1, 2, … in order of reference) and its HTML.
/// Its reference in the text is an empty <c>a.note-ref</c>, known to <see cref="EssayBody"/> as this label's, numbered with the notes.
/// </summary>
internal sealed record EssayFootnote(string Label, string Html);
