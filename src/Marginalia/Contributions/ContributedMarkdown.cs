using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Ganss.Xss;
using Marginalia.Content;
using Marginalia.Diagnostics;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Marginalia.Contributions;

/// <summary>
/// Renders the Markdown body of an untrusted contribution. Raw HTML is an error (parsed so it can be reported with its
/// place, never rendered), links must be https:, http:, mailto: or xref:, images must be files under input/media/, and
/// the HTML that comes out still passes through HtmlSanitizer with style attributes dropped: two locks, not one.
/// </summary>
internal static partial class ContributedMarkdown
{
    public const string XrefScheme = "xref:";

    /// <summary>
    /// Images one body may show (MG0617): a note illustrates, it is no gallery. Ten leaves room for a step-by-step
    /// series; the bound keeps what a body costs the single-file edition, which inlines each image each time, linear in
    /// the folder's size rather than multiplied by the body's length.
    /// </summary>
    public const int MaxImages = 10;

    // HTML parsing stays on so raw HTML becomes syntax nodes we can point at; nothing with them is ever rendered.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePreciseSourceLocation().UsePipeTables().UseTypography().Build();

    private static readonly ThreadLocal<BodySanitizer> Sanitizer = new(() => new BodySanitizer(CreateSanitizer()));

    /// <param name="markdown">The body.</param>
    /// <param name="path">The file, as diagnostics show it.</param>
    /// <param name="bodyLine">The file line the body starts on.</param>
    /// <param name="mediaFolder">The full path of input/media/, where images must be.</param>
    /// <param name="diagnostics">Where problems go.</param>
    /// <returns>The rendered body, or null if it has errors (each reported).</returns>
    /// <param name="allowHeadings">True for an initiative's page, false for notes and glossary terms (see <see cref="BodyHeadings"/>).</param>
    public static RenderedBody? Render(string markdown, string path, int bodyLine, string mediaFolder, DiagnosticBag diagnostics, bool allowHeadings = false)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentNullException.ThrowIfNull(diagnostics);
        return RenderedBodies.Render(markdown, path, bodyLine, allowHeadings, diagnostics, bag => RenderFresh(markdown, path, bodyLine, mediaFolder, bag, allowHeadings));
    }

    private static RenderedBody? RenderFresh(string markdown, string path, int bodyLine, string mediaFolder, DiagnosticBag diagnostics, bool allowHeadings)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            diagnostics.Error(DiagnosticCodes.EmptyBody, new SourceLocation(path, bodyLine, 1), "the body is empty", "write the text below the closing '---' line");
            return null;
        }

        // Markdig and HtmlSanitizer see only a body within the budgets: their work is not linear in every input, and
        // Markdig throws on a tree nested past 128 levels.
        if (!BodyBudget.Check(markdown, path, bodyLine, diagnostics) | !BodyNesting.Check(markdown, path, bodyLine, diagnostics))
        {
            return null;
        }

        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(markdown, Pipeline);
        }
        catch (ArgumentException e) when (e.Message.Contains("too deeply nested", StringComparison.Ordinal))
        {
            // The nesting check estimates from above; should a shape it misses still reach Markdig's limit, the file is named.
            diagnostics.Error(DiagnosticCodes.BodyTooDeep, new SourceLocation(path, bodyLine, 1), "the body nests too deeply for the Markdown parser", "flatten its quotes, lists, links and emphasis");
            return null;
        }

        var positions = new Text.LinePositions(markdown);
        SourceLocation At(MarkdownObject node)
        {
            var (line, column) = positions.At(node);
            return new(path, bodyLine + line, column);
        }

        var ok = BodyCharacters.Check(markdown, document, path, bodyLine, diagnostics);
        ok &= BodyHeadings.Apply(document, allowHeadings, At, diagnostics);
        var xrefs = ImmutableArray.CreateBuilder<XrefUse>();
        var media = ImmutableArray.CreateBuilder<string>();
        var images = 0;

        void Fail(DiagnosticCode code, MarkdownObject node, string message, string? hint = null)
        {
            ok = false;
            diagnostics.Error(code, At(node), message, hint);
        }

        BareXrefs.Report(document, offset =>
        {
            var (line, column) = positions.At(offset);
            return new SourceLocation(path, bodyLine + line, column);
        }, diagnostics);
        foreach (var element in RawHtml.Find(document, markdown, allowHeadings))
        {
            ok = false;
            var (line, column) = positions.At(element.Offset);
            diagnostics.Error(DiagnosticCodes.RawHtml, new SourceLocation(path, bodyLine + line, column), element.Message, element.Hint);
        }

        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case LinkInline { IsImage: true } image:
                    if (++images > MaxImages)
                    {
                        // Reported once, at the first image past the limit; the rest are not checked one by one.
                        if (images == MaxImages + 1)
                        {
                            var count = document.Descendants<LinkInline>().Count(l => l.IsImage);
                            Fail(DiagnosticCodes.TooManyImages, node, $"this body shows {count} images; a body may show at most {MaxImages}",
                                "keep the images that matter most, or link to a page that shows the rest");
                        }
                    }
                    else if (MarkdownAddresses.CheckImage(image.Url, mediaFolder) is { } problem)
                    {
                        Fail(DiagnosticCodes.BadImage, node, problem, "put the image in input/media/ and write ![description](media/name.png)");
                    }
                    else
                    {
                        media.Add(image.Url!);
                    }

                    break;
                case LinkInline link:
                    CheckLink(link.Url, node);
                    break;
                case AutolinkInline autolink:
                    CheckLink(autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url, node);
                    break;
            }
        }

        void CheckLink(string? url, MarkdownObject node)
        {
            url = url?.Trim() ?? string.Empty;
            if (url.StartsWith(XrefScheme, StringComparison.Ordinal))
            {
                xrefs.Add(new XrefUse(url[XrefScheme.Length..], At(node)));
            }
            else if (!MarkdownAddresses.IsAllowedAddress(url))
            {
                Fail(DiagnosticCodes.UnsafeLink, node, $"link address '{MarkdownAddresses.Shorten(url)}' is not allowed",
                    "use https://…, http://…, mailto:… or xref:essay#p-…, xref:notes/<id>, xref:glossary/<id>, xref:initiatives/<id>");
            }
        }

        if (!ok)
        {
            return null;
        }

        Content.TableAlignment.ToClasses(document);
        var (html, visible) = Sanitizer.Value!.Clean(document.ToHtml(Pipeline));
        if (!visible)
        {
            diagnostics.Error(DiagnosticCodes.EmptyBody, new SourceLocation(path, bodyLine, 1), "the body shows no text: it renders to nothing visible",
                "write the note's text below the closing '---' line (white space, '&nbsp;', a rule or a link definition alone are not text)");
            return null;
        }

        return new RenderedBody(html, xrefs.ToImmutable(), media.ToImmutable());
    }

    /// <summary>
    /// Cleans HTML exactly as a rendered body is cleaned; the importer runs foreign HTML through it before converting
    /// it to Markdown, so both see the same set of elements, attributes and schemes.
    /// </summary>
    internal static string Sanitize(string html) => Sanitizer.Value!.Clean(html).Html;

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedAttributes.Remove("style"); // the site's CSP forbids style attributes

        // A body gives no element id: the page's ids are the site's (PageIds), so no body can take one, and the link
        // check knows a body's anchors without reading it (LinkedBody.AnchoredOn).
        sanitizer.AllowedAttributes.Remove("id");
        sanitizer.AllowedCssProperties.Clear();

        // Only the classes the renderer itself writes (table alignment); no other class can reach a page.
        sanitizer.AllowedAttributes.Add("class");
        sanitizer.AllowedClasses.UnionWith(["align-left", "align-center", "align-right"]);
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.UnionWith(["https", "http", "mailto", "xref"]);
        sanitizer.AllowDataAttributes = false;
        return sanitizer;
    }

    /// <summary>
    /// One thread's sanitiser, which also tells whether what it kept shows a reader anything. It looks at the DOM the
    /// sanitiser has just cleaned (its PostProcessDom event) rather than parsing the cleaned HTML a second time: at
    /// 2,000 notes that second parse was a tenth of everything the build allocated.
    /// </summary>
    private sealed class BodySanitizer
    {
        private readonly HtmlSanitizer _sanitizer;
        private bool _visible;

        public BodySanitizer(HtmlSanitizer sanitizer)
        {
            _sanitizer = sanitizer;
            _sanitizer.PostProcessDom += (_, e) => _visible = e.Document.Body is { } body && VisibleText.Any(body);
        }

        public (string Html, bool Visible) Clean(string html)
        {
            _visible = false;
            var clean = _sanitizer.Sanitize(html);
            return (clean, _visible);
        }
    }
}
