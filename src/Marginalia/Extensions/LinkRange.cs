using AngleSharp.Dom;

namespace Marginalia.Extensions;

/// <summary>
/// A span of the essay's plain text to wrap in one element (a glossary term, an initiative mention): [Start, End)
/// how to make the element, and what only the web page adds to it (<see cref="WebDecorations"/>). Link ranges never
/// overlap each other; notes may overlap them.
/// </summary>
internal sealed record LinkRange(int Start, int End, Func<IDocument, IElement> Create, Action<IElement>? ForWeb = null);
