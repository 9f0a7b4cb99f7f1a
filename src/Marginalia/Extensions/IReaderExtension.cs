namespace Marginalia.Extensions;

/// <summary>
/// One kind of annotation the reader shows (notes, glossary terms, initiative mentions, the author's footnotes, ...),
/// registered from its own folder by one line in <see cref="ReaderExtensions.All"/>. What it adds to the weave is
/// <see cref="IWeaveContributor"/>; what it adds to the pages is <see cref="IPageContributor"/>. The reader and pages
/// pipelines ask the registered extensions and name no kind themselves.
/// </summary>
internal interface IReaderExtension : IWeaveContributor, IPageContributor, Editions.Epub.IBookContributor
{
    /// <summary>The kind's name, as its folder and its diagnostics name it ("notes", "glossary", ...).</summary>
    string Kind { get; }
}
