namespace Marginalia.Extensions;

/// <summary>
/// One kind of annotation the reader shows (notes, glossary terms, initiative mentions, the author's footnotes, ...),
/// registered from its own folder by one line in <see cref="ReaderExtensions.All"/>. What it adds to the weave is
/// <see cref="IWeaveContributor"/>; what it adds to the pages is <see cref="IPageContributor"/>; a kind with something
/// in the EPUB is also an <c>Editions.Epub.IBookContributor</c>, which the book finds among the registered extensions.
/// That one is not inherited here: the book's building blocks sit above this seam, which only describes the reader.
/// The reader and pages pipelines ask the registered extensions and name no kind themselves.
/// </summary>
internal interface IReaderExtension : IWeaveContributor, IPageContributor
{
    /// <summary>The kind's name, as its folder and its diagnostics name it ("notes", "glossary", ...).</summary>
    string Kind { get; }
}
