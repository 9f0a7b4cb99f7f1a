using System.Text;

namespace Marginalia.Annotations.Export;

/// <summary>
/// <c>essay.txt</c>: the essay's plain text, published so that the selectors of <c>annotations.jsonld</c> have a
/// resource to count over. Its bytes must decode to exactly the string the exporter counted.
/// </summary>
internal static class EssayTextFile
{
    public const string DefaultPath = "essay.txt";

    public const string MediaType = "text/plain; charset=utf-8";

    // No byte order mark (a reader would count it as a code point) and no silent U+FFFD for a lone surrogate (the
    // quote in the export would no longer be in the file).
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The file's bytes: the text as UTF-8, unchanged. Throws on a lone surrogate.</summary>
    public static byte[] Encode(string essayText)
    {
        ArgumentNullException.ThrowIfNull(essayText);
        return Strict.GetBytes(essayText);
    }
}
