namespace Marginalia.Editions.Epub;

/// <summary>
/// The book's few styles. Reading systems set the type and the reader chooses its size, so this only gives what the
/// markup cannot: raised note markers, marked passages, and notes set apart from the running text. No fonts, no
/// colours that fight a night theme.
/// </summary>
internal static class BookStylesheet
{
    public const string Css = """
        a.note-ref { vertical-align: super; font-size: 0.75em; line-height: 0; text-decoration: none; }
        .note-ref-sep { vertical-align: super; font-size: 0.75em; line-height: 0; }
        mark.note-mark { background: transparent; color: inherit; border-bottom: 1px dotted; }
        aside.note { margin: 1em 0 1em 1.5em; font-size: 0.9em; }
        .note-head { margin: 0; }
        .note-kind, .sources-title { font-weight: bold; }
        .title-note, .provenance, .entry-meta, .entry-uses, .initiative-facts, .glossary-aliases { font-size: 0.9em; }
        .sources { margin-top: 0; }
        dt.glossary-term { margin-top: 1.5em; font-weight: bold; }
        dt.glossary-term dfn { font-style: normal; }
        dd.glossary-definition { margin-left: 1.5em; }
        .glossary-short, .initiative-summary { font-style: italic; }
        """;
}
