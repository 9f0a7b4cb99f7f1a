using System.Text;

namespace Marginalia.Content;

/// <summary>
/// How the tool edits an input file ('check --fix' and 'check --fix-sources' are the only ones that do): the whole
/// text is rewritten in memory and replaces the file through a temporary file, so a failure leaves it whole, and a
/// byte order mark survives.
/// </summary>
internal static class InputFileEdit
{
    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];

    /// <summary>Rewrites <paramref name="path"/> with <paramref name="rewrite"/> and returns what it reported; the file is written only when its text changed.</summary>
    public static T Apply<T>(string path, Func<string, (string Text, T Result)> rewrite)
    {
        ArgumentNullException.ThrowIfNull(rewrite);
        var bytes = File.ReadAllBytes(path);
        var bom = bytes.AsSpan().StartsWith(ByteOrderMark);
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        var text = strict.GetString(bom ? bytes[ByteOrderMark.Length..] : bytes);
        var (rewritten, result) = rewrite(text);
        if (rewritten != text)
        {
            var output = bom ? [.. ByteOrderMark, .. strict.GetBytes(rewritten)] : strict.GetBytes(rewritten);
            var temporary = path + ".fix-tmp";
            File.WriteAllBytes(temporary, output);
            File.Move(temporary, path, overwrite: true);
        }

        return result;
    }

    /// <summary>Where the YAML between the opening and closing '---' lines starts and ends.</summary>
    /// <exception cref="InvalidOperationException">The text has no closed front matter (the build read it, so it should).</exception>
    public static (int Start, int End) FrontMatterSpan(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var firstEnd = text.IndexOf('\n', StringComparison.Ordinal);
        if (firstEnd < 0 || text[..firstEnd].TrimEnd() != "---")
        {
            throw new InvalidOperationException("the file has no front matter");
        }

        var position = firstEnd + 1;
        while (position < text.Length)
        {
            var end = text.IndexOf('\n', position);
            var line = end < 0 ? text[position..] : text[position..end];
            if (line.TrimEnd() is "---" or "...")
            {
                return (firstEnd + 1, position);
            }

            position = end < 0 ? text.Length : end + 1;
        }

        throw new InvalidOperationException("the file's front matter is not closed");
    }
}
