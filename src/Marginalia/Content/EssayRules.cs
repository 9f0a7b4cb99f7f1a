using Marginalia.Diagnostics;
using Marginalia.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Marginalia.Content;

/// <summary>
/// The essay comes by pull request like every contribution, so its Markdown meets the contributions' rules too:
/// no invisible or control characters, written or as a character reference; nesting and size budgets checked before
/// Markdig parses it; links only to https:, http: or mailto:; images only files under input/media/. Raw HTML is
/// already off for the essay (<see cref="MarkdownRenderer"/> escapes it as text).
/// </summary>
internal static class EssayRules
{
    /// <summary>
    /// Before parsing: every character of the file, and the budgets and nesting of each block (text between blank
    /// lines). The essay may be 512 KB, so the contributions' budgets hold per block: Markdig's costly shapes (a wide
    /// table, thousands of emphasis marks) live within one block, so the work stays linear in the essay's length.
    /// </summary>
    public static bool CheckText(FrontMatter frontMatter, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(frontMatter);
        var ok = InvisibleCharacters.Check(frontMatter.Source, FieldParser.For(frontMatter, diagnostics));
        var path = frontMatter.Source.DisplayPath;
        foreach (var (text, offset) in Blocks(frontMatter.Body))
        {
            ok &= BodyBudget.Check(text, path, frontMatter.BodyLine + offset, diagnostics, "paragraph");
        }

        ok &= EssayBudget.Check(frontMatter.Body, path, frontMatter.BodyLine, diagnostics);
        return ok & BodyNesting.Check(frontMatter.Body, path, frontMatter.BodyLine, diagnostics);
    }

    /// <summary>After parsing: decoded characters, link addresses and images.</summary>
    public static bool CheckDocument(FrontMatter frontMatter, MarkdownDocument document, string mediaFolder, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(frontMatter);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var path = frontMatter.Source.DisplayPath;
        var ok = BodyCharacters.Check(frontMatter.Body, document, path, frontMatter.BodyLine, diagnostics);
        var positions = new LinePositions(frontMatter.Body);
        SourceLocation At(MarkdownObject node)
        {
            var (line, column) = positions.At(node);
            return new(path, frontMatter.BodyLine + line, column);
        }

        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case LinkInline { IsImage: true } image when MarkdownAddresses.CheckImage(image.Url, mediaFolder) is { } problem:
                    ok = false;
                    diagnostics.Error(DiagnosticCodes.BadImage, At(node), problem, "put the image in input/media/ and write ![description](media/name.png)");
                    break;
                case LinkInline { IsImage: false } link when !MarkdownAddresses.IsAllowedAddress(link.Url):
                    ok = false;
                    diagnostics.Error(DiagnosticCodes.UnsafeLink, At(node), $"link address '{Shorten(link.Url)}' is not allowed in the essay", "use https://…, http://… or mailto:…");
                    break;
                case AutolinkInline autolink when !MarkdownAddresses.IsAllowedAddress(autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url):
                    ok = false;
                    diagnostics.Error(DiagnosticCodes.UnsafeLink, At(node), $"link address '{Shorten(autolink.Url)}' is not allowed in the essay", "use https://…, http://… or mailto:…");
                    break;
            }
        }

        return ok;
    }

    /// <summary>The body's runs of non-blank lines, each with the line it starts on (from 0).</summary>
    private static IEnumerable<(string Text, int Line)> Blocks(string body)
    {
        var lines = body.Split('\n');
        var start = 0;
        for (var i = 0; i <= lines.Length; i++)
        {
            if (i == lines.Length || string.IsNullOrWhiteSpace(lines[i]))
            {
                if (i > start)
                {
                    yield return (string.Join('\n', lines[start..i]), start);
                }

                start = i + 1;
            }
        }
    }

    private static string Shorten(string? url) => url is null ? string.Empty : url.Length <= 60 ? url : url[..57] + "…";
}
