using AngleSharp.Dom;

namespace Marginalia.Content;

/// <summary>
/// The essay's body parsed once, as a DOM: its sections, its paragraphs with their ids and the author's footnote
/// references, or (after the weave) the woven essay. Nobody changes it: the weave and each edition take their own
/// <see cref="Copy"/> and render that. AngleSharp's DOM is not safe to read from two threads at once, and a build's
/// pipelines run in parallel, so every read goes through one lock.
/// </summary>
internal sealed class EssayBody
{
    private readonly IElement _root;
    private readonly IReadOnlyDictionary<IElement, string> _footnoteLabels;
    private string? _html;

    /// <param name="root">The container whose children are the body; from here on owned by this object.</param>
    /// <param name="footnoteLabels">Each footnote reference in <paramref name="root"/> (an empty note marker) with its footnote's label.</param>
    internal EssayBody(IElement root, IReadOnlyDictionary<IElement, string> footnoteLabels)
    {
        _root = root;
        _footnoteLabels = footnoteLabels;
    }

    /// <summary>The body serialised: for what only needs the text of it (the scaffolding's text index, tests).</summary>
    public string Html
    {
        get
        {
            lock (_root)
            {
                return _html ??= HtmlFragment.SerializeChildren(_root);
            }
        }
    }

    /// <summary>A deep copy to weave or render, with the footnote references found again in it.</summary>
    internal EssayCopy Copy()
    {
        var (copy, map) = CopyWithMap();
        return new EssayCopy(copy, _footnoteLabels.ToDictionary(f => (IElement)map[f.Key], f => f.Value));
    }

    /// <summary>
    /// A deep copy in a document of its own, and where each node of this body is in it. Its own document, because
    /// whoever changes the copy must not touch a document that another thread reads this body through.
    /// </summary>
    internal (IElement Copy, Dictionary<INode, INode> Map) CopyWithMap()
    {
        lock (_root)
        {
            var copy = (IElement)_root.Clone(deep: true);
            var map = NodeMap.Pair(_root, copy);
            HtmlFragment.NewDocument().AdoptNode(copy);
            return (copy, map);
        }
    }

    /// <summary>The values of one attribute on every element that matches a selector, in document order.</summary>
    internal string[] Attributes(string selector, string attribute)
    {
        lock (_root)
        {
            return [.. _root.QuerySelectorAll(selector).Select(e => e.GetAttribute(attribute)!)];
        }
    }
}

/// <summary>A copy of an <see cref="EssayBody"/>, free to change, and its author's footnote references.</summary>
internal sealed record EssayCopy(IElement Root, IReadOnlyDictionary<IElement, string> FootnoteLabels);
