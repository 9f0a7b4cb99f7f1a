using AngleSharp.Dom;

namespace Marginalia.Extensions;

/// <summary>
/// A passage of the essay's plain text, [Start, End), to mark with a &lt;mark&gt; naming <see cref="Id"/>, with a
/// marker made by <see cref="CreateMarker"/> right after it. Passages may overlap each other and links.
/// </summary>
internal sealed record MarkedPassage(int Start, int End, string Id, Func<IDocument, IElement> CreateMarker);
