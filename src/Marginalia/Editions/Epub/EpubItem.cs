namespace Marginalia.Editions.Epub;

/// <summary>
/// One file of the book's publication folder: its manifest id, its path relative to the package document, its
/// media type, its bytes, its manifest properties ("nav", "svg"…) and whether it is read in order (the spine).
/// </summary>
internal sealed record EpubItem(string Id, string Href, string MediaType, ReadOnlyMemory<byte> Content, string? Properties = null, bool InSpine = false)
{
    public const string XhtmlType = "application/xhtml+xml";
}
