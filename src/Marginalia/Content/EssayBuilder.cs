using System.Collections.Immutable;
using AngleSharp.Dom;
using Marginalia.Diagnostics;
using Marginalia.Markup;
using Marginalia.Text;
using Markdig.Syntax;

namespace Marginalia.Content;

/// <summary>
/// Turns essay.md into an <see cref="Essay"/>: validates the front matter, renders the Markdown, groups the blocks into
/// sections at each '##' heading and gives every paragraph a stable id. (Its permalink is the web page's: see Reader.)
/// </summary>
internal static class EssayBuilder
{
    /// <summary>Paragraph ids are made of this many first words: enough to be distinctive, short enough to share.</summary>
    public const int IdWords = 4;

    /// <summary>
    /// What the essay's paragraph and section ids start with. The essay names its own; the page ids every other kind
    /// claims (Contributions' PageIds) reserve these two prefixes for it.
    /// </summary>
    public const string ParagraphPrefix = "p-";
    public const string SectionPrefix = "s-";

    public const string OpeningId = SectionPrefix + "opening";

    /// <param name="mediaFolder">The full path of input/media/, where the essay's images must be.</param>
    public static Essay? Build(FrontMatter frontMatter, DiagnosticBag diagnostics, string mediaFolder)
    {
        ArgumentNullException.ThrowIfNull(frontMatter);
        var info = EssayInfoParser.Read(frontMatter, diagnostics);
        if (!EssayRules.CheckText(frontMatter, diagnostics))
        {
            return null; // Markdig must not see a text over its budgets
        }

        var markdown = MarkdownRenderer.Parse(frontMatter.Body);
        var headingsOk = CheckHeadings(markdown, frontMatter, diagnostics);
        headingsOk &= EssayRules.CheckDocument(frontMatter, markdown, mediaFolder, diagnostics);
        if (info is null || !headingsOk)
        {
            return null;
        }

        var container = HtmlFragment.Parse(MarkdownRenderer.ToHtml(markdown), ParsedHtml.Essay);
        var (footnotes, references) = ExtractFootnotes(container);
        var sections = Structure(container);
        if (!sections.Any(s => s.Paragraphs.Length > 0))
        {
            diagnostics.Error(DiagnosticCodes.EssayEmpty, new SourceLocation(frontMatter.Source.DisplayPath, frontMatter.BodyLine, 1),
                "the essay has no paragraphs after its front matter");
            return null;
        }

        return new Essay(info, sections, new EssayBody(container, references), footnotes);
    }

    private static bool CheckHeadings(MarkdownDocument markdown, FrontMatter frontMatter, DiagnosticBag diagnostics)
    {
        var ok = true;
        var positions = new Text.LinePositions(frontMatter.Body);
        foreach (var heading in markdown.Descendants<HeadingBlock>().Where(h => h.Level != 2 || h.Parent is not MarkdownDocument))
        {
            ok = false;
            var (line, column) = positions.At(heading);
            diagnostics.Error(
                DiagnosticCodes.EssayHeadingLevel,
                new SourceLocation(frontMatter.Source.DisplayPath, frontMatter.BodyLine + line, column),
                heading.Parent is MarkdownDocument
                    ? $"section headings must be level 2 ('## '), this one is level {heading.Level}"
                    : "section headings must stand at the top level, not inside a list or quotation",
                "the title comes from the front matter; each section starts with a '## ' line");
        }

        return ok;
    }

    /// <summary>Wraps the top-level blocks into &lt;section&gt; elements and ids the paragraphs, in one pass.</summary>
    private static ImmutableArray<EssaySection> Structure(IElement container)
    {
        var document = container.Owner!;
        var ids = new UniqueIds();
        var sections = ImmutableArray.CreateBuilder<EssaySection>();
        IElement? section = null;
        string? title = null;
        var paragraphs = ImmutableArray.CreateBuilder<EssayParagraph>();

        void Close()
        {
            if (section is not null)
            {
                sections.Add(new EssaySection(section.Id!, title, paragraphs.ToImmutable()));
                paragraphs.Clear();
            }
        }

        IElement Open(string id)
        {
            var element = document.CreateElement("section");
            element.ClassName = MarkupNames.EssaySection;
            element.Id = ids.Claim(id);
            return element;
        }

        foreach (var node in container.ChildNodes.ToArray())
        {
            node.RemoveFromParent();
            if (node is IElement { LocalName: "h2" } heading)
            {
                Close();
                title = heading.TextContent;
                section = Open(SectionPrefix + NonEmpty(Slug.FromWords(title), sections.Count + 1));
                container.AppendChild(section);
            }
            else if (section is null)
            {
                if (node is IText { Text: var text } && string.IsNullOrWhiteSpace(text))
                {
                    continue;
                }

                title = null;
                section = Open(OpeningId);
                container.AppendChild(section);
            }

            section.AppendChild(node);
            if (node is IElement { LocalName: "p" } paragraph)
            {
                var id = ids.Claim(ParagraphPrefix + NonEmpty(Slug.FromWords(paragraph.TextContent, IdWords), paragraphs.Count + 1));
                paragraphs.Add(new EssayParagraph(id, paragraph.TextContent));
                paragraph.Id = id;
            }
        }

        Close();
        return sections.ToImmutable();
    }

    /// <summary>
    /// Takes Markdig's footnote list out of the text and turns each reference into an empty note marker, so the
    /// author's footnotes render like every other note (and their numbers do not leak into paragraph ids).
    /// </summary>
    private static (ImmutableArray<EssayFootnote> Footnotes, Dictionary<IElement, string> References) ExtractFootnotes(IElement container)
    {
        var references = new Dictionary<IElement, string>(ReferenceEqualityComparer.Instance);
        var list = container.QuerySelector("div.footnotes");
        if (list is null)
        {
            return ([], references);
        }

        list.Remove();
        var footnotes = ImmutableArray.CreateBuilder<EssayFootnote>();
        foreach (var item in list.QuerySelectorAll("li[id^='fn:']"))
        {
            foreach (var back in item.QuerySelectorAll("a.footnote-back-ref").ToArray())
            {
                back.Remove();
            }

            footnotes.Add(new EssayFootnote(item.Id!["fn:".Length..], item.InnerHtml.Trim()));
        }

        foreach (var reference in container.QuerySelectorAll("a.footnote-ref").ToArray())
        {
            var label = reference.GetAttribute("href")!.TrimStart('#')["fn:".Length..];
            var marker = container.Owner!.CreateElement("a");
            marker.ClassName = MarkupNames.NoteRef;
            reference.Parent!.ReplaceChild(marker, reference);
            references[marker] = label;
        }

        return (footnotes.ToImmutable(), references);
    }

    private static string NonEmpty(string slug, int position) => slug.Length > 0 ? slug : position.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
