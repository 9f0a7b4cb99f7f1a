using System.Text.RegularExpressions;
using Marginalia.Content;
using Marginalia.Diagnostics;

namespace Marginalia.Contributions;

/// <summary>Ids of contributed files: their file names, which become anchors and output paths, so kept strictly safe.</summary>
internal static partial class Ids
{
    public static bool IsValid(string id) => Pattern().IsMatch(id);

    public static bool Check(string id, string path, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (IsValid(id))
        {
            return true;
        }

        var suggestion = Text.Slug.FromWords(id);
        diagnostics.Error(DiagnosticCodes.InvalidId, SourceLocation.File(path), $"'{Visible(id)}' is not a valid id: use lowercase letters and digits in words joined by single hyphens",
            suggestion.Length > 0 ? $"rename the file to '{suggestion}{Path.GetExtension(path)}'" : null);
        return false;
    }

    /// <summary>The id with control and invisible characters written as \u escapes, so a message shows what is there.</summary>
    private static string Visible(string id) =>
        string.Concat(id.Select(c => char.IsControl(c) || InvisibleCharacters.IsForbidden(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format
            ? $"\\u{(int)c:X4}" : c.ToString()));

    // \z, not $: "$" also matches before a final newline, and a file name may end in one.
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*\\z")]
    private static partial Regex Pattern();
}
