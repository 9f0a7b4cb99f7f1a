using System.Text.Json;
using Marginalia.Diagnostics;

namespace Marginalia.Importing;

/// <summary>
/// Where each value of a JSON text starts, by RFC 6901 JSON pointer, as a line and column: <see cref="JsonDocument"/>
/// keeps no offsets, so one pass of <see cref="Utf8JsonReader"/> records them. The same pass is the syntax and depth
/// check, so a malformed or too deeply nested file is refused with the place where it goes wrong.
/// </summary>
/// <remarks>
/// Lines are counted at '\n' (as <see cref="Utf8JsonReader"/> counts them); columns are 1-based and count UTF-16 code
/// units of the line (a character outside the BMP counts two, as editors that report UTF-16 columns do). The pass is
/// linear: offsets only grow, so the line and column move forward from the last value recorded. At most
/// <see cref="ImportLimits.MaxRecordedPositions"/> values are recorded; one past it is located at its nearest recorded
/// container, which keeps a hostile file of millions of tiny values from taking memory in proportion.
/// </remarks>
internal sealed class JsonPositions
{
    private readonly Dictionary<string, (int Line, int Column)> _positions = new(StringComparer.Ordinal);
    private readonly string _path;

    private JsonPositions(string path) => _path = path;

    /// <summary>Reads <paramref name="json"/> once; null with <paramref name="problem"/> set when it is not JSON or nests too deeply.</summary>
    public static JsonPositions? Scan(string path, ReadOnlySpan<byte> json, out Diagnostic? problem)
    {
        var positions = new JsonPositions(path);
        var cursor = new TextCursor();
        var frames = new List<Frame>();

        // The reader's own depth limit is one above ours, so ours is met first and reported as a depth problem (with
        // its own message), not as the reader's generic exception.
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = ImportLimits.MaxDepth + 1 });
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        frames[^1].PendingName = reader.GetString();
                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        var pointer = NextPointer(frames);
                        if (reader.CurrentDepth >= ImportLimits.MaxDepth)
                        {
                            var (line, column) = cursor.MoveTo(json, (int)reader.TokenStartIndex);
                            problem = Diagnostic.Error(DiagnosticCodes.ImportTooDeep, new SourceLocation(path, line, column),
                                $"arrays and objects nest deeper than {ImportLimits.MaxDepth} levels here (JSON pointer {Show(pointer)}); " +
                                "the file is refused",
                                "an annotation export nests a few levels deep: this file is not one, or it was written wrongly");
                            return null;
                        }

                        positions.Record(pointer, json, (int)reader.TokenStartIndex, cursor);
                        frames.Add(new Frame(pointer, reader.TokenType == JsonTokenType.StartArray));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        break;
                    default:
                        positions.Record(NextPointer(frames), json, (int)reader.TokenStartIndex, cursor);
                        break;
                }
            }
        }
        catch (JsonException e)
        {
            var (line, column) = LineAndColumn(json, e.LineNumber ?? 0, e.BytePositionInLine ?? 0);
            problem = NotJson(path, line, column, e.Message);
            return null;
        }
        catch (InvalidOperationException e)
        {
            // A value the reader cannot decode (the caller checks UTF-8 first, so this is a safety net, never a crash).
            var (line, column) = cursor.MoveTo(json, (int)Math.Min(reader.TokenStartIndex, json.Length));
            problem = NotJson(path, line, column, e.Message);
            return null;
        }

        problem = null;
        return positions;
    }

    /// <summary>The place of the value at <paramref name="pointer"/>, or of its nearest recorded container.</summary>
    public SourceLocation Locate(string pointer)
    {
        while (true)
        {
            if (_positions.TryGetValue(pointer, out var at))
            {
                return new SourceLocation(_path, at.Line, at.Column);
            }

            if (pointer.Length == 0)
            {
                return SourceLocation.File(_path);
            }

            pointer = pointer[..pointer.LastIndexOf('/')];
        }
    }

    /// <summary>The pointer as messages show it: the empty pointer (the whole document) in quotes so it is seen.</summary>
    public static string Show(string pointer) => pointer.Length == 0 ? "\"\" (the top level)" : pointer;

    /// <summary>Escapes a property name as one pointer segment (RFC 6901: '~' is "~0", '/' is "~1").</summary>
    public static string Segment(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    /// <summary>
    /// The line and column of a byte, given as <see cref="JsonException"/> gives it: a 0-based line and a 0-based byte
    /// offset in that line, turned into a 1-based column of UTF-16 units.
    /// </summary>
    public static (int Line, int Column) LineAndColumn(ReadOnlySpan<byte> json, long lineNumber, long bytePositionInLine)
    {
        var lineStart = 0;
        for (long line = 0; line < lineNumber; line++)
        {
            var next = json[lineStart..].IndexOf((byte)'\n');
            if (next < 0)
            {
                break;
            }

            lineStart += next + 1;
        }

        var end = (int)Math.Min(json.Length, lineStart + Math.Max(0, bytePositionInLine));
        var text = json[lineStart..end];
        var newline = text.IndexOf((byte)'\n');
        return ((int)Math.Min(int.MaxValue, lineNumber + 1), 1 + Utf16Length(newline < 0 ? text : text[..newline]));
    }

    /// <summary>The number of UTF-16 code units the UTF-8 bytes decode to (four-byte sequences give a surrogate pair).</summary>
    public static int Utf16Length(ReadOnlySpan<byte> utf8)
    {
        var count = 0;
        foreach (var b in utf8)
        {
            if ((b & 0xC0) != 0x80)
            {
                count += b >= 0xF0 ? 2 : 1;
            }
        }

        return count;
    }

    private static Diagnostic NotJson(string path, int line, int column, string reason) =>
        Diagnostic.Error(DiagnosticCodes.ImportNotJson, new SourceLocation(path, line, column),
            "the file is not JSON: " + Reason(reason),
            "import reads a W3C Web Annotation (JSON-LD) export or a Hypothesis API response, as the tool saved it");

    // The reader's message ends with its own 0-based "LineNumber: 0 | BytePositionInLine: 5." which would contradict
    // the 1-based place the diagnostic gives; it is cut off.
    private static string Reason(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut < 0 ? message : message[..cut]).TrimEnd();
    }

    private static string NextPointer(List<Frame> frames)
    {
        if (frames.Count == 0)
        {
            return string.Empty;
        }

        var top = frames[^1];
        return top.IsArray
            ? top.Pointer + "/" + (top.NextIndex++).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : top.Pointer + "/" + Segment(top.PendingName ?? string.Empty);
    }

    private void Record(string pointer, ReadOnlySpan<byte> json, int offset, TextCursor cursor)
    {
        if (_positions.Count >= ImportLimits.MaxRecordedPositions)
        {
            return;
        }

        _positions.TryAdd(pointer, cursor.MoveTo(json, offset));
    }

    private sealed class Frame(string pointer, bool isArray)
    {
        public string Pointer { get; } = pointer;

        public bool IsArray { get; } = isArray;

        public int NextIndex { get; set; }

        public string? PendingName { get; set; }
    }

    /// <summary>A line and column that only move forward through the text, so locating every value costs one pass.</summary>
    private sealed class TextCursor
    {
        private int _offset;
        private int _line = 1;
        private int _column = 1;

        public (int Line, int Column) MoveTo(ReadOnlySpan<byte> json, int offset)
        {
            offset = Math.Clamp(offset, _offset, json.Length);
            var span = json[_offset..offset];
            var newline = span.LastIndexOf((byte)'\n');
            if (newline >= 0)
            {
                _line += span.Count((byte)'\n');
                _column = 1 + Utf16Length(span[(newline + 1)..]);
            }
            else
            {
                _column += Utf16Length(span);
            }

            _offset = offset;
            return (_line, _column);
        }
    }
}
