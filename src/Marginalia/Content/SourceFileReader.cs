using System.Globalization;
using System.Text;
using Marginalia.Diagnostics;

namespace Marginalia.Content;

/// <summary>
/// Reads input files strictly: invalid UTF-8 is reported with its line and column instead of being replaced
/// silently (the .NET default), a NUL byte is refused at its line and column, a file over <see cref="MaxBytes"/> is
/// refused before it is even read, a BOM is dropped and CRLF becomes LF so positions agree across platforms.
/// </summary>
internal static class SourceFileReader
{
    /// <summary>The largest input file read: 512 KB, hundreds of times a real note and several times the essay.</summary>
    public const int DefaultMaxBytes = 512 * 1024;

    /// <summary>
    /// The limit in force: <see cref="DefaultMaxBytes"/>, except in the scaling benchmark, whose 10× essay (3.6 MB) is
    /// far over it by design and which raises it for its own process (tests/Marginalia.Benchmarks, ScaleRun).
    /// </summary>
    public static int MaxBytes { get; set; } = DefaultMaxBytes;

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static SourceText? Read(string fullPath, string displayPath, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        byte[] bytes;
        try
        {
            // Unbuffered: the whole file is read into an array of its size, which a buffer would only copy, and for a
            // file under 4 KB (most notes) the buffer is an array of its own, 11 MB over the 1× corpus's 2,700 files.
            using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
            var length = stream.Length;
            if (length > MaxBytes)
            {
                TooLarge(length, displayPath, diagnostics);
                return null;
            }

            bytes = new byte[length];
            stream.ReadExactly(bytes);
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
        if (bytes.Length > MaxBytes)
        {
            TooLarge(bytes.Length, displayPath, diagnostics);
            return null;
        }

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

        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var nul = text.IndexOf('\0', StringComparison.Ordinal);
        if (nul >= 0)
        {
            var lineStart = text.AsSpan(0, nul).LastIndexOf('\n') + 1;
            var line = text.AsSpan(0, nul).Count('\n') + 1;
            var more = text.AsSpan(nul + 1).Count('\0');
            diagnostics.Error(
                DiagnosticCodes.NulByte,
                new SourceLocation(displayPath, line, nul - lineStart + 1),
                more == 0 ? "NUL byte (0x00) in a text file" : string.Create(CultureInfo.InvariantCulture, $"NUL byte (0x00) in a text file, and {more} more after it"),
                "remove it: a text file never holds NUL (a file saved as UTF-16, or a binary file, does)");
            return null;
        }

        return new SourceText(fullPath, displayPath, text);
    }

    private static void TooLarge(long length, string displayPath, DiagnosticBag diagnostics) =>
        diagnostics.Error(
            DiagnosticCodes.FileTooLarge,
            SourceLocation.File(displayPath),
            string.Create(CultureInfo.InvariantCulture, $"the file is {length:N0} bytes; at most {MaxBytes:N0} bytes ({MaxBytes / 1024:N0} KB) are allowed"),
            "a contributed file is a few kilobytes: shorten it or split it into several");

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
