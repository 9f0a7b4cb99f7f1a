using System.Globalization;
using Marginalia.Diagnostics;

namespace Marginalia.Content;

/// <summary>
/// Characters a reviewer cannot see in a pull request's diff but a reader's browser acts on: bidirectional overrides,
/// embeddings and isolates (U+202A–U+202E, U+2066–U+2069) reorder the text around them ("Trojan Source"), zero-width
/// spaces and word joiners (U+200B, U+2060, U+FEFF) hide inside words, and C0/C1 controls have no business in prose.
/// Each one is an error at its line and column. The zero-width joiner and non-joiner (U+200C, U+200D) and the
/// direction marks (U+200E, U+200F, U+061C) stay allowed: Indic and Persian spelling, emoji and mixed-direction
/// quotations need them, and they reorder nothing beyond themselves.
/// </summary>
internal static class InvisibleCharacters
{
    public static bool IsForbidden(char c) =>
        c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200B' or '\u2060' or '\uFEFF'
            or (< ' ' and not '\t' and not '\n') or (>= '\u007F' and <= '\u009F');

    /// <summary>Whether any value holds a forbidden character: such a value (reported already) is not matched against the essay, as it is not what it looks like.</summary>
    public static bool AnyIn(IEnumerable<string?> values) => values.Any(v => v is not null && v.Any(IsForbidden));

    /// <summary>Reports every forbidden character in the file; true when there is none.</summary>
    public static bool Check(SourceText source, FieldParser fields)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(fields);
        var (line, column, ok) = (1, 1, true);
        foreach (var c in source.Text)
        {
            if (IsForbidden(c))
            {
                ok = false;
                fields.Error(DiagnosticCodes.InvisibleCharacter, new SourceLocation(source.DisplayPath, line, column),
                    $"invisible character U+{((int)c).ToString("X4", CultureInfo.InvariantCulture)} ({Name(c)}) is not allowed",
                    "delete it: it does not show in a review, but it changes what readers see");
            }

            (line, column) = c == '\n' ? (line + 1, 1) : (line, column + 1);
        }

        return ok;
    }

    /// <summary>
    /// Characters an XML document cannot hold at all (the feed, the EPUB, the sitemap): the noncharacters U+FFFE and
    /// U+FFFF, and half a surrogate pair without its other half (<paramref name="next"/> is the character after
    /// <paramref name="c"/>, or '\0' at the end).
    /// </summary>
    public static bool IsXmlInvalid(char c, char previous, char next) =>
        c is '\uFFFE' or '\uFFFF'
            || (char.IsHighSurrogate(c) && !char.IsLowSurrogate(next))
            || (char.IsLowSurrogate(c) && !char.IsHighSurrogate(previous));

    /// <summary>What a forbidden character is, in words for the contributor.</summary>
    public static string Describe(char c) => c switch
    {
        '\uFFFE' or '\uFFFF' => "a noncharacter",
        _ when char.IsSurrogate(c) => "half of a surrogate pair, not a character",
        _ => Name(c),
    };

    private static string Name(char c) => c switch
    {
        >= '\u202A' and <= '\u202E' => "a bidirectional embedding or override",
        >= '\u2066' and <= '\u2069' => "a bidirectional isolate",
        '\u200B' => "zero-width space",
        '\u2060' => "word joiner",
        '\uFEFF' => "zero-width no-break space",
        _ => "a control character",
    };
}
