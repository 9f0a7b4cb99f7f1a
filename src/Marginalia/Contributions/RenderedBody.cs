using System.Collections.Immutable;

namespace Marginalia.Contributions;

/// <summary>
/// A contributed Markdown body after checking and sanitising: its HTML (with <c>xref:</c> links and <c>media/</c>
/// images still site-relative, resolved per page that shows it) and the xrefs and media files it uses.
/// </summary>
internal sealed record RenderedBody(string Html, ImmutableArray<XrefUse> Xrefs, ImmutableArray<string> Media);
