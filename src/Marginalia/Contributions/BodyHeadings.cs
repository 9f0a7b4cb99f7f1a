using Marginalia.Diagnostics;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Marginalia.Contributions;

/// <summary>
/// Where a contributed body may have headings, and at which level they are published. A note's body sits in the
/// reader's margin, its endnotes, the notes page, an initiative page, an EPUB footnote and the feed; a term's in the
/// glossary's definition list: no level fits all of them, and a part of a note needs no heading, so headings there are
/// refused (MG0621). An initiative's body is a page of its own: its headings are kept, made relative (the first one and
/// every one no deeper than it sit one level under the page's title, and no level is skipped, whatever the author
/// wrote: <c>#</c> can never give a page a second h1) and limited to <see cref="MaxLevels"/> levels.
/// </summary>
internal static class BodyHeadings
{
    /// <summary>The level the top headings of an initiative's body are published at on the site (under its h1).</summary>
    public const int FirstLevel = 2;

    /// <summary>How many heading levels an initiative's body may use (h2–h4 on the site, h3–h5 in the EPUB).</summary>
    public const int MaxLevels = 3;

    /// <summary>Refuses or re-levels the headings; true when none is refused.</summary>
    /// <param name="allowHeadings">True for initiatives, false for notes and glossary terms.</param>
    /// <param name="at">The file location of a node.</param>
    public static bool Apply(MarkdownDocument document, bool allowHeadings, Func<MarkdownObject, SourceLocation> at, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(at);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var ok = true;
        var open = new Stack<int>(); // the author's levels of the headings the current one sits under
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            if (!allowHeadings)
            {
                ok = false;
                diagnostics.Error(DiagnosticCodes.BodyHeading, at(heading), "a heading is not allowed in a note or a glossary entry: it would break the outline of every page that shows it",
                    "start the part with **bold text** instead");
                continue;
            }

            while (open.Count > 0 && open.Peek() >= heading.Level)
            {
                open.Pop();
            }

            open.Push(heading.Level);
            if (open.Count > MaxLevels)
            {
                ok = false;
                diagnostics.Error(DiagnosticCodes.BodyHeading, at(heading), $"headings nest more than {MaxLevels} levels deep in an initiative's page",
                    "use at most three levels of headings");
                continue;
            }

            heading.Level = FirstLevel + open.Count - 1;
        }

        return ok;
    }
}
