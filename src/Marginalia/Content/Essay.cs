using System.Collections.Immutable;

namespace Marginalia.Content;

/// <summary>The essay after rendering: its front matter, its sections and paragraphs with stable ids, and its body HTML.</summary>
public sealed record Essay(EssayInfo Info, ImmutableArray<EssaySection> Sections, string Html)
{
    public IEnumerable<EssayParagraph> Paragraphs => Sections.SelectMany(s => s.Paragraphs);
}

/// <summary>A section: the untitled opening (no title) or the part under one '##' heading.</summary>
public sealed record EssaySection(string Id, string? Title, ImmutableArray<EssayParagraph> Paragraphs);

/// <summary>A paragraph and its stable id (a slug of its first words).</summary>
public sealed record EssayParagraph(string Id, string Text);
