using System.Text;
using Marginalia.Diagnostics;

namespace Marginalia.Content;

/// <summary>
/// Reads input files strictly: invalid UTF-8 is reported with its line and column instead of being replaced
/// silently (the .NET default), a BOM is dropped and CRLF becomes LF so positions agree across platforms.
/// </summary>
public static class SourceFileReader
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static SourceText? Read(string fullPath, string displayPath, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(fullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var code = ex is FileNotFoundException or DirectoryNotFoundException ? DiagnosticCodes.FileMissing : DiagnosticCodes.FileUnreadable;
            diagnostics.Error(code, SourceLocation.File(displayPath), ex is FileNotFoundException or DirectoryNotFoundException
                ? "file does not exist"
                : $"cannot read file: {ex.Message}");
            return null;
        }

        return Decode(bytes, fullPath, displayPath, diagnostics);
    }

    public static SourceText? Decode(ReadOnlySpan<byte> bytes, string fullPath, string displayPath, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        string text;
        try
        {
            text = Strict.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            var (line, column) = PositionOfByte(bytes, ex.Index);
            diagnostics.Error(
                DiagnosticCodes.InvalidUtf8,
                new SourceLocation(displayPath, line, column),
                $"invalid UTF-8 byte 0x{bytes[Math.Max(ex.Index, 0)]:X2}",
                "save the file as UTF-8");
            return null;
        }

        return new SourceText(fullPath, displayPath, text.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    /// <summary>The one-based line and column (in characters of the valid text before it) of a byte offset.</summary>
    private static (int Line, int Column) PositionOfByte(ReadOnlySpan<byte> bytes, int index)
    {
        index = Math.Clamp(index, 0, bytes.Length);
        var before = bytes[..index];
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        var line = before.Count((byte)'\n') + 1;
        var column = Strict.GetCharCount(before[lineStart..]) + 1;
        return (line, column);
    }
}
