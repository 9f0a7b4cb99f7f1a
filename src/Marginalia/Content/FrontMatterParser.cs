using Marginalia.Diagnostics;

namespace Marginalia.Content;

/// <summary>Splits '---' front matter from a Markdown body and loads it safely.</summary>
internal static class FrontMatterParser
{
    private const string Fence = "---";

    /// <param name="literalsChecked">Whether the caller checks the file's own characters (see <see cref="DecodedValues"/>).</param>
    public static FrontMatter? Parse(SourceText source, DiagnosticBag diagnostics, bool literalsChecked = false)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var text = source.Text;
        var firstLineEnd = text.IndexOf('\n', StringComparison.Ordinal);
        var firstLine = firstLineEnd < 0 ? text : text[..firstLineEnd];
        if (firstLine.TrimEnd() != Fence)
        {
            diagnostics.Error(
                DiagnosticCodes.FrontMatterMissing,
                SourceLocation.File(source.DisplayPath),
                "the file must start with front matter: a '---' line, 'field: value' lines, and a closing '---' line");
            return null;
        }

        if (firstLineEnd < 0)
        {
            return Unclosed(source, diagnostics);
        }

        // Find the closing fence: a line that is exactly '---' (or YAML's '...').
        var yamlStart = firstLineEnd + 1;
        var position = yamlStart;
        var line = 2;
        while (position <= text.Length)
        {
            var end = text.IndexOf('\n', position);
            var lineText = end < 0 ? text[position..] : text[position..end];
            if (lineText.TrimEnd() is Fence or "...")
            {
                var yaml = text[yamlStart..position];
                var fields = SafeYaml.LoadMapping(yaml, source.DisplayPath, firstLine: 2, diagnostics, literalsChecked);
                if (fields is null)
                {
                    return null;
                }

                var body = end < 0 ? string.Empty : text[(end + 1)..];
                return new FrontMatter(source, fields, body, line + 1);
            }

            if (end < 0)
            {
                break;
            }

            position = end + 1;
            line++;
        }

        return Unclosed(source, diagnostics);
    }

    private static FrontMatter? Unclosed(SourceText source, DiagnosticBag diagnostics)
    {
        diagnostics.Error(
            DiagnosticCodes.FrontMatterUnclosed,
            SourceLocation.File(source.DisplayPath),
            "front matter opens with '---' but has no closing '---' line");
        return null;
    }
}
