using System.Text.RegularExpressions;
using Marginalia.Diagnostics;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Marginalia.Contributions;

/// <summary>
/// An <c>xref:</c> works only as a link's address. Written in prose it renders as the literal text
/// "xref:notes/…", and as an autolink (<c>&lt;xref:notes/…&gt;</c>) it links but shows that address as its text:
/// both are warned about at their place, with the link to write. Code spans and blocks are left alone (they show
/// xrefs on purpose), and so are real links, reference-style ones included.
/// </summary>
internal static partial class BareXrefs
{
    /// <summary>Each bare xref in the document: its offset in the body and its text.</summary>
    public static IEnumerable<(int Offset, string Xref, bool Autolink)> Find(MarkdownDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case AutolinkInline { Url: { } url } autolink when url.StartsWith(ContributedMarkdown.XrefScheme, StringComparison.Ordinal):
                    yield return (autolink.Span.Start, url, true);
                    break;
                case LiteralInline literal when !InsideLink(literal):
                    var text = literal.Content.ToString();
                    foreach (Match match in Xref().Matches(text))
                    {
                        yield return (literal.Span.Start + match.Index, match.Value.TrimEnd('.', ',', ';', ':', '!', '?', '\'', '"', '’', '”'), false);
                    }

                    break;
            }
        }
    }

    /// <summary>Reports each bare xref as a warning (<see cref="DiagnosticCodes.BareXref"/>).</summary>
    public static void Report(MarkdownDocument document, Func<int, SourceLocation> at, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(at);
        ArgumentNullException.ThrowIfNull(diagnostics);
        foreach (var (offset, xref, autolink) in Find(document))
        {
            diagnostics.Warning(DiagnosticCodes.BareXref, at(offset),
                autolink
                    ? $"<{xref}> links, but readers see the address '{xref}' as its text"
                    : $"'{xref}' is plain text here, so readers see it as is: an xref works only as a link's address",
                $"write it as a link with words to show: [the words]({xref})");
        }
    }

    private static bool InsideLink(Inline inline)
    {
        for (var parent = inline.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is LinkInline)
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"(?<![\w/])xref:(essay#|notes/|glossary/|initiatives/)[^\s<>()\[\]]*", RegexOptions.IgnoreCase)]
    private static partial Regex Xref();
}
