using System.Globalization;
using Marginalia.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Marginalia.Content;

/// <summary>
/// Applies the file rules (no NUL, no invisible characters: MG0116, MG0614) to the values YAML decodes, keys
/// included: an escape in a quoted scalar ("\u202E", "\0", "\x1B", "\N", "\L") writes a character the raw file never
/// holds, so a check of the file alone is bypassed. Characters no XML document can hold (U+FFFE, U+FFFF, half a
/// surrogate pair) are refused too, since values reach the feed and the EPUB. Each scalar is reported once, at its
/// start: an escape's own column is not kept by the YAML reader.
/// </summary>
internal static class DecodedValues
{
    /// <param name="root">The loaded mapping.</param>
    /// <param name="yaml">The YAML text it was loaded from (to tell an escaped character from one written as itself).</param>
    /// <param name="at">The file location of a YAML mark.</param>
    /// <param name="literalsChecked">
    /// Whether the raw file's own characters were already checked by <see cref="InvisibleCharacters.Check"/>, which
    /// reports each at its exact column: then only characters that came from an escape are reported here.
    /// </param>
    /// <returns>True when no value holds a forbidden character.</returns>
    public static bool Check(YamlNode root, string yaml, Func<Mark, SourceLocation> at, DiagnosticBag diagnostics, bool literalsChecked)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(at);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var ok = true;
        foreach (var node in root.AllNodes)
        {
            if (node is YamlScalarNode { Value: { } value } scalar)
            {
                ok &= CheckScalar(scalar, value, yaml, at, diagnostics, literalsChecked);
            }
        }

        return ok;
    }

    private static bool CheckScalar(YamlScalarNode scalar, string value, string yaml, Func<Mark, SourceLocation> at, DiagnosticBag diagnostics, bool literalsChecked)
    {
        var start = (int)Math.Clamp(scalar.Start.Index, 0, yaml.Length);
        var raw = yaml.AsSpan(start, (int)Math.Clamp(scalar.End.Index, start, yaml.Length) - start);
        (char Char, int Count)? first = null;
        var count = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var previous = i > 0 ? value[i - 1] : '\0';
            var next = i + 1 < value.Length ? value[i + 1] : '\0';
            var forbidden = InvisibleCharacters.IsForbidden(c) || c is '\u2028' or '\u2029';
            if (!forbidden && !InvisibleCharacters.IsXmlInvalid(c, previous, next))
            {
                continue;
            }

            if (literalsChecked && InvisibleCharacters.IsForbidden(c) && raw.Contains(c))
            {
                continue; // written as itself: the file check reports it at its own column
            }

            count++;
            first ??= (c, 0);
        }

        if (first is not { } bad)
        {
            return true;
        }

        var written = raw.Contains(bad.Char) ? string.Empty : ", written as an escape";
        var more = count > 1 ? string.Create(CultureInfo.InvariantCulture, $", and {count - 1} more in the same value") : string.Empty;
        var hex = ((int)bad.Char).ToString("X4", CultureInfo.InvariantCulture);
        var location = at(scalar.Start);
        if (bad.Char == '\0')
        {
            diagnostics.Error(DiagnosticCodes.NulByte, location, $"NUL character (U+0000) in a value{written}{more}",
                "remove the '\\0' (or '\\x00', '\\u0000') escape: a text value never holds NUL");
        }
        else if (bad.Char is '\u2028' or '\u2029')
        {
            diagnostics.Error(DiagnosticCodes.InvisibleCharacter, location,
                $"invisible character U+{hex} (a {(bad.Char == '\u2028' ? "line" : "paragraph")} separator) is not allowed in a value{written}{more}",
                "delete it: a value is one line of text, and a reviewer does not see this break");
        }
        else
        {
            var what = InvisibleCharacters.IsForbidden(bad.Char) ? "invisible character" : "character";
            var why = InvisibleCharacters.IsForbidden(bad.Char)
                ? "delete it: it does not show in a review, but it changes what readers see"
                : "delete it: the feed and the EPUB are XML, which cannot hold it";
            diagnostics.Error(DiagnosticCodes.InvisibleCharacter, location,
                $"{what} U+{hex} ({InvisibleCharacters.Describe(bad.Char)}) is not allowed in a value{written}{more}", why);
        }

        return false;
    }
}
