using AngleSharp.Dom;
using Marginalia.Text;

namespace Marginalia.Extensions;

/// <summary>Where a term or mention may not become a link: inside a heading, a link, or code.</summary>
internal static class Exclusions
{
    private static readonly HashSet<string> Forbidden = new(StringComparer.Ordinal)
    {
        "a", "code", "pre", "kbd", "samp", "h1", "h2", "h3", "h4", "h5", "h6",
    };

    public static bool IsExcluded(TextBlock block, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(block);
        if (Forbidden.Contains(block.Element.LocalName))
        {
            return true;
        }

        foreach (var segment in block.Segments)
        {
            if (segment.End <= start || segment.Start >= end)
            {
                continue;
            }

            for (var e = segment.Node.ParentElement; e is not null && e != block.Element; e = e.ParentElement)
            {
                if (Forbidden.Contains(e.LocalName))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The id of the essay section an element is in.</summary>
    public static string SectionOf(IElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        return element.Closest("section")?.Id ?? string.Empty;
    }

    /// <summary>
    /// Whether a link range can become one element: every text node it touches must share one parent, or the
    /// element would have to cut through someone else's markup (an emphasis, a link).
    /// </summary>
    public static bool CanWrap(TextBlock block, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(block);
        INode? parent = null;
        foreach (var segment in block.Segments)
        {
            if (segment.End <= start || segment.Start >= end || segment.Node.Length == 0)
            {
                continue;
            }

            if (parent is not null && segment.Node.Parent != parent)
            {
                return false;
            }

            parent = segment.Node.Parent;
        }

        return parent is not null;
    }
}
