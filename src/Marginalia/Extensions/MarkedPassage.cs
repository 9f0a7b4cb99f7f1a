using AngleSharp.Dom;

namespace Marginalia.Extensions;

/// <summary>
/// A passage of the essay's plain text, [Start, End), to mark with a &lt;mark&gt;, with a marker made by
/// <see cref="CreateMarker"/> right after it: the marker of the note <see cref="Id"/>, numbered with every other.
/// <see cref="MarkerForWeb"/> is what only the web page adds to the marker. Passages may overlap each other and links.
/// </summary>
internal sealed record MarkedPassage(int Start, int End, string Id, Func<IDocument, IElement> CreateMarker, Action<IElement>? MarkerForWeb = null);
