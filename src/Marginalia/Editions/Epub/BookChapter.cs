namespace Marginalia.Editions.Epub;

/// <summary>
/// A chapter a kind adds to the book after the essay (the glossary, the initiatives): its file, its entry in the table
/// of contents and the landmarks, the site pages whose links land in it, and its content, written once every chapter is
/// known so that links from one chapter to another resolve.
/// </summary>
internal abstract class BookChapter
{
    /// <summary>Its manifest item's id ("glossary"), unique in the book.</summary>
    public abstract string Id { get; }

    /// <summary>Its content document's file name in the book ("glossary.xhtml").</summary>
    public abstract string File { get; }

    /// <summary>Its entry in the table of contents.</summary>
    public abstract string Title { get; }

    /// <summary>What it holds, as the book's accessibility summary names it ("a glossary").</summary>
    public abstract string Summary { get; }

    /// <summary>The landmark type reading systems may jump to it by ("glossary"), or null for no landmark.</summary>
    public virtual string? Landmark => null;

    /// <summary>
    /// Where a link to the site's page <paramref name="path"/> (from the site's root: "glossary/index.html") with the
    /// fragment <paramref name="fragment"/> ("" for none) lands in this chapter: "" for the chapter's top, the id of an
    /// element of it, or null when the chapter does not hold it (the link then goes to the site).
    /// </summary>
    public abstract string? Target(string path, string fragment);

    /// <summary>The chapter's content document, its links made the book's by <paramref name="links"/>.</summary>
    public abstract XhtmlPage Write(BookLinks links);
}
