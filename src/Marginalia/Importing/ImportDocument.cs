using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Marginalia.Diagnostics;

namespace Marginalia.Importing;

/// <summary>
/// Reads one import file (W3C Web Annotation JSON-LD or a Hypothesis API response) into normalised annotations, each
/// with its JSON pointer and line and column, and every problem at its place. Untrusted input: the file's size, depth,
/// annotation count, page count and string length are limited (<see cref="ImportLimits"/>), and nothing in it can make
/// this throw.
/// </summary>
internal static class ImportDocument
{
    /// <param name="path">The file's path as diagnostics show it.</param>
    /// <param name="bytes">The whole file; the caller reads at most <see cref="ImportLimits.MaxBytes"/> + 1 bytes, so
    /// a larger file is seen as too large without reading it all.</param>
    public static ImportDocumentResult Read(string path, ReadOnlyMemory<byte> bytes)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (bytes.Length > ImportLimits.MaxBytes)
        {
            return Refused(Diagnostic.Error(DiagnosticCodes.ImportTooLarge, SourceLocation.File(path),
                $"the file is {Count(bytes.Length)} bytes or more, larger than the limit of {Count(ImportLimits.MaxBytes)} bytes (16 MiB) " +
                "for an import file; it is refused before it is read",
                "split the export into several files (one per page or per document) and import each"));
        }

        // A UTF-8 byte order mark is allowed (some tools write one); JSON itself starts after it.
        var json = bytes.Span.StartsWith(Encoding.UTF8.Preamble) ? bytes[Encoding.UTF8.Preamble.Length..] : bytes;

        // The JSON reader's own words for this ("does not contain any JSON tokens … isFinalBlock") say less.
        if (json.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            return Refused(Diagnostic.Error(DiagnosticCodes.ImportNotJson, SourceLocation.File(path),
                "the file is not JSON: it is empty", "import reads a W3C Web Annotation (JSON-LD) export or a Hypothesis API response, as the tool saved it"));
        }

        if (!Utf8.IsValid(json.Span))
        {
            var at = FirstInvalidByte(json.Span);
            var (line, column) = JsonPositions.LineAndColumn(json.Span, json.Span[..at].Count((byte)'\n'), at - (json.Span[..at].LastIndexOf((byte)'\n') + 1));
            return Refused(Diagnostic.Error(DiagnosticCodes.InvalidUtf8, new SourceLocation(path, line, column),
                $"the file is not valid UTF-8 (byte {Count(at)} of the file starts no valid character), so it is not JSON",
                "save the export as UTF-8"));
        }

        var positions = JsonPositions.Scan(path, json.Span, out var problem);
        if (positions is null)
        {
            return Refused(problem!);
        }

        // The scan has checked syntax and depth, so this parse succeeds; its own limit is set above ours only so that
        // it never disagrees with the scan.
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = ImportLimits.MaxDepth + 1 });
        return new ImportReader(positions).Read(document.RootElement);
    }

    private static string Count(int number) => number.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    private static ImportDocumentResult Refused(Diagnostic problem) => new(null, [], [problem]);

    private static int FirstInvalidByte(ReadOnlySpan<byte> bytes)
    {
        var at = 0;
        while (at < bytes.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(bytes[at..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return at;
            }

            at += consumed;
        }

        return at;
    }
}
