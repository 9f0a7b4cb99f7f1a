using System.Text.RegularExpressions;
using Marginalia.Diagnostics;

namespace Marginalia.Contributions;

/// <summary>Ids of contributed files: their file names, which become anchors and output paths, so kept strictly safe.</summary>
public static partial class Ids
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
        diagnostics.Error(DiagnosticCodes.InvalidId, SourceLocation.File(path), $"'{id}' is not a valid id: use lowercase letters and digits in words joined by single hyphens",
            suggestion.Length > 0 ? $"rename the file to '{suggestion}{Path.GetExtension(path)}'" : null);
        return false;
    }

    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*\z")] // \z, not $: $ also matches before a final newline
    private static partial Regex Pattern();
}
