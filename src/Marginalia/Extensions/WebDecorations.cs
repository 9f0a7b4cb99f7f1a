using AngleSharp.Dom;
using Marginalia.Content;

namespace Marginalia.Extensions;

/// <summary>
/// What only the web page adds to the woven essay: paragraph permalinks, "Add a note" links, and the attributes that
/// tie marks to the scripts' tooltips, cards and highlights. The weave records them against elements of the model and
/// the web renderer applies them to its own copy, so the model (which the EPUB renders) never holds them and no edition
/// has to take them out again.
/// </summary>
internal sealed class WebDecorations
{
    private readonly List<(IElement Element, int Position, Action<IElement> Decorate)> _decorations = [];

    /// <summary>
    /// Records a change to make to <paramref name="element"/>'s copy on the web page, after those recorded before it.
    /// Attributes it sets land where the element's attributes stood when it was recorded, as if set then: the web
    /// page's markup reads the same as when the weave wrote everything into one DOM.
    /// </summary>
    public void Add(IElement element, Action<IElement> decorate)
    {
        ArgumentNullException.ThrowIfNull(element);
        _decorations.Add((element, element.Attributes.Length, decorate));
    }

    /// <summary>Sets an attribute on the web page only.</summary>
    public void Attribute(IElement element, string name, string value) => Add(element, e => e.SetAttribute(name, value));

    /// <summary>The web page's essay: a copy of <paramref name="model"/> with every decoration applied, serialised.</summary>
    public string Render(EssayBody model) => RenderAnchored(model).Html;

    /// <summary><see cref="Render"/>, with the ids and links of the copy, read from its DOM before it is serialised.</summary>
    public AnchoredHtml RenderAnchored(EssayBody model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var (copy, map) = model.CopyWithMap();
        foreach (var (element, position, decorate) in _decorations)
        {
            var target = (IElement)map[element];
            var later = target.Attributes.Skip(position).Select(a => (a.Name, a.Value)).ToArray();
            foreach (var (name, _) in later)
            {
                target.RemoveAttribute(name);
            }

            decorate(target);
            foreach (var (name, value) in later)
            {
                target.SetAttribute(name, value);
            }
        }

        return new AnchoredHtml(HtmlFragment.SerializeChildren(copy), HtmlAnchors.Of(copy));
    }
}
