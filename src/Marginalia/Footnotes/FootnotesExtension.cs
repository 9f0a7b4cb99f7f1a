using Marginalia.Extensions;

namespace Marginalia.Footnotes;

/// <summary>The author's own footnotes, from the essay's Markdown: the reader extension for this kind.</summary>
internal sealed partial class FootnotesExtension : IReaderExtension
{
    public string Kind => "footnotes";
}
