using System.Globalization;
using System.Text.RegularExpressions;
using Marginalia.Diagnostics;
using Marginalia.Text;
using Markdig.Helpers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Marginalia.Content;

/// <summary>
/// The character rules applied to what a body decodes to, not only to its bytes: a character reference
/// (<c>&amp;#x202E;</c>, <c>&amp;ZeroWidthSpace;</c>, <c>&amp;#xFFFE;</c>, <c>&amp;#0;</c>) or a percent-escape in a
/// link address puts into the page the very character the file may not hold. Each is an error at the reference:
/// MG0614 for the invisible and control characters <see cref="InvisibleCharacters"/> forbids, MG0620 for the others
/// XML cannot hold (U+FFFE, U+FFFF, and references to U+0000, a surrogate or past U+10FFFF, which Markdig would
/// quietly turn into U+FFFD). Characters written literally are checked by the file scan (MG0614) and here (MG0620).
/// </summary>
internal static partial class BodyCharacters
{
    /// <returns>True when the body has none.</returns>
    public static bool Check(string body, MarkdownDocument document, string path, int bodyLine, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var positions = new LinePositions(body);
        var reported = new HashSet<int>();
        var ok = true;

        void Report(DiagnosticCode code, int index, string message)
        {
            if (reported.Add(index))
            {
                ok = false;
                var (line, column) = positions.At(index);
                diagnostics.Error(code, new SourceLocation(path, bodyLine + line, column), message,
                    code == DiagnosticCodes.InvisibleCharacter
                        ? "delete it: it does not show in a review, but it changes what readers see"
                        : "delete it: XML (the feed, the EPUB) cannot hold it");
            }
        }

        // Written literally: the file scan reports the invisible ones; these are the rest XML cannot hold.
        for (var i = XmlCharacters.IndexOfInvalid(body); i >= 0 && i < body.Length; i++)
        {
            if (char.IsHighSurrogate(body[i]) && i + 1 < body.Length && char.IsLowSurrogate(body[i + 1]))
            {
                i++;
            }
            else if (!XmlCharacters.IsAllowed(body[i]) && !InvisibleCharacters.IsForbidden(body[i]))
            {
                Report(DiagnosticCodes.NotXmlCharacter, i, $"character {Name(body[i])} is not allowed");
            }
        }

        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case HtmlEntityInline entity:
                    References(entity.Span);
                    break;
                case LinkInline { IsAutoLink: false } link:
                    References(link.UrlSpan);
                    References(link.TitleSpan);
                    Escapes(link.Url, link.UrlSpan.IsEmpty ? link.Span : link.UrlSpan);
                    break;
                case AutolinkInline autolink:
                    Escapes(autolink.Url, autolink.Span);
                    break;
                case LinkReferenceDefinition definition:
                    References(definition.UrlSpan);
                    References(definition.TitleSpan);
                    Escapes(definition.Url, definition.UrlSpan.IsEmpty ? definition.Span : definition.UrlSpan);
                    break;
                case FencedCodeBlock fenced when !fenced.Span.IsEmpty:
                    // The info string decodes references too (it becomes the code's class).
                    var end = body.IndexOf('\n', fenced.Span.Start);
                    References(new SourceSpan(fenced.Span.Start, (end < 0 ? body.Length : end) - 1));
                    break;
            }
        }

        return ok;

        void References(SourceSpan span)
        {
            if (span.IsEmpty || span.Start < 0 || span.End >= body.Length)
            {
                return;
            }

            foreach (Match match in CharacterReference().Matches(body[span.Start..(span.End + 1)]))
            {
                var index = span.Start + match.Index;
                if (Decode(match) is not { } decoded)
                {
                    Report(DiagnosticCodes.NotXmlCharacter, index, $"'{match.Value}' refers to a character XML cannot hold");
                    continue;
                }

                foreach (var c in decoded)
                {
                    if (InvisibleCharacters.IsForbidden(c))
                    {
                        Report(DiagnosticCodes.InvisibleCharacter, index, $"'{match.Value}' is the invisible character {Name(c)}, which is not allowed");
                    }
                    else if (!XmlCharacters.IsAllowed(c) && !char.IsSurrogate(c))
                    {
                        Report(DiagnosticCodes.NotXmlCharacter, index, $"'{match.Value}' is {Name(c)}, which XML cannot hold");
                    }
                }
            }
        }

        void Escapes(string? url, SourceSpan span)
        {
            if (string.IsNullOrEmpty(url) || !url.Contains('%', StringComparison.Ordinal))
            {
                return;
            }

            var decoded = Uri.UnescapeDataString(url);
            foreach (var c in decoded)
            {
                if (InvisibleCharacters.IsForbidden(c) || (!XmlCharacters.IsAllowed(c) && !char.IsSurrogate(c)))
                {
                    var code = InvisibleCharacters.IsForbidden(c) ? DiagnosticCodes.InvisibleCharacter : DiagnosticCodes.NotXmlCharacter;
                    Report(code, span.Start, $"the link address decodes to {Name(c)}, which is not allowed");
                    return;
                }
            }
        }
    }

    /// <summary>The text a reference stands for, or null when it stands for no character XML can hold.</summary>
    private static string? Decode(Match match)
    {
        var value = match.Value;
        if (value[1] != '#')
        {
            return EntityHelper.DecodeEntity(value.AsSpan(1, value.Length - 2)) ?? string.Empty;
        }

        var hex = value[2] is 'x' or 'X';
        var digits = value[(hex ? 3 : 2)..^1];
        if (!int.TryParse(digits, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out var codePoint)
            || codePoint is 0 or (>= 0xD800 and <= 0xDFFF) or > 0x10FFFF)
        {
            return null;
        }

        return char.ConvertFromUtf32(codePoint);
    }

    private static string Name(char c) => "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);

    // CommonMark's references: decimal up to 7 digits, hexadecimal up to 6, or a name.
    [GeneratedRegex("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")]
    private static partial Regex CharacterReference();
}
