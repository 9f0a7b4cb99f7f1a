using Marginalia.Diagnostics;
using Marginalia.Text;

namespace Marginalia.Contributions;

/// <summary>
/// Makes sure no phrase (a glossary term or alias, an initiative mention) is claimed by two files: the second claim is
/// an error naming the first file. Phrases compare folded, and without case unless both claims are case-sensitive.
/// </summary>
internal sealed class PhraseClaims(DiagnosticBag diagnostics)
{
    private readonly Dictionary<string, (string Path, string Phrase, bool CaseSensitive)> _claims = new(StringComparer.Ordinal);

    /// <returns>False (after reporting) when another file already claims the phrase.</returns>
    public bool Claim(string phrase, bool caseSensitive, string path, SourceLocation at)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        var folded = Folding.FoldPhrase(phrase);
        var key = folded.ToLowerInvariant();
        if (_claims.TryGetValue(key, out var earlier)
            && !(earlier.CaseSensitive && caseSensitive && earlier.Phrase != folded)
            && earlier.Path != path)
        {
            diagnostics.Error(DiagnosticCodes.DuplicatePhrase, at, $"'{Content.FieldLimits.Shorten(phrase)}' is already claimed by {earlier.Path}", "keep it in one file only");
            return false;
        }

        _claims.TryAdd(key, (path, folded, caseSensitive));
        return true;
    }
}
