using System.Globalization;
using System.Text.Json;
using Marginalia.Diagnostics;

namespace Marginalia.Importing;

/// <summary>Typed access to fields: a value of the wrong type is a problem at its pointer and reads as missing.</summary>
internal sealed partial class ImportReader
{
    private static string Child(string pointer, string name) => pointer + "/" + JsonPositions.Segment(name);

    private static string Child(string pointer, int index) => pointer + "/" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>The field's value; false when it is missing or null (JSON null is read as "not given").</summary>
    private static bool TryField(JsonElement obj, string name, out JsonElement value) =>
        obj.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    /// <summary>A string field; null (with a problem) when it is another type or too long.</summary>
    private string? StringField(JsonElement obj, string pointer, string name, string expected = "a string") =>
        TryField(obj, name, out var value) ? StringValue(value, Child(pointer, name), name, expected) : null;

    private string? StringValue(JsonElement value, string pointer, string name, string expected = "a string")
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            WrongType(pointer, $"'{name}' must be {expected}", value);
            return null;
        }

        var text = value.GetString()!;
        if (text.Length > ImportLimits.MaxStringLength)
        {
            Problem(DiagnosticCodes.ImportStringTooLong, pointer,
                $"'{name}' is {text.Length.ToString("N0", CultureInfo.InvariantCulture)} characters long, more than the limit of " +
                $"{ImportLimits.MaxStringLength.ToString("N0", CultureInfo.InvariantCulture)} (JSON pointer {pointer}); it is read as missing");
            return null;
        }

        return text;
    }

    /// <summary>A field that is one string or an array of strings (JSON-LD allows both almost everywhere).</summary>
    private List<string> StringsField(JsonElement obj, string pointer, string name)
    {
        var strings = new List<string>();
        if (!TryField(obj, name, out var value))
        {
            return strings;
        }

        foreach (var (item, itemPointer) in OneOrMany(value, Child(pointer, name)))
        {
            if (StringValue(item, itemPointer, name, "a string or an array of strings") is { } text)
            {
                strings.Add(text);
            }
        }

        return strings;
    }

    /// <summary>The first string of a field that is one string or an array of them.</summary>
    private string? FirstString(JsonElement obj, string pointer, string name)
    {
        var strings = StringsField(obj, pointer, name);
        return strings.Count > 0 ? strings[0] : null;
    }

    private bool TrueField(JsonElement obj, string pointer, string name)
    {
        if (!TryField(obj, name, out var value))
        {
            return false;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.ValueKind == JsonValueKind.True;
        }

        WrongType(Child(pointer, name), $"'{name}' must be true or false", value);
        return false;
    }

    /// <summary>A non-negative integer that fits in an int (a code point offset, a count); null with a problem otherwise.</summary>
    private int? NonNegativeIntField(JsonElement obj, string pointer, string name)
    {
        if (!TryField(obj, name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number >= 0)
        {
            return number;
        }

        WrongType(Child(pointer, name), $"'{name}' must be a non-negative whole number below 2,147,483,648", value);
        return null;
    }

    /// <summary>A date and time as the formats write it (xsd:dateTime, ISO 8601); null with a problem when it is not one.</summary>
    private DateTimeOffset? ParseDate(string? raw, string pointer, string name)
    {
        if (raw is null)
        {
            return null;
        }

        // TryParse alone reads much that is no date of an export ("1/2", "May"): the text must start as ISO 8601 does.
        if (raw.Length >= 10 && raw[..4].All(char.IsAsciiDigit) && raw[4] == '-'
            && DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed;
        }

        Problem(DiagnosticCodes.ImportWrongType, pointer,
            $"'{name}' is not a date and time (like 2026-11-27T10:00:00Z): \"{Shorten(raw)}\" (JSON pointer {pointer}); it is read as missing");
        return null;
    }

    private static IEnumerable<(JsonElement Value, string Pointer)> OneOrMany(JsonElement value, string pointer)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            yield return (value, pointer);
            yield break;
        }

        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            yield return (item, Child(pointer, index++));
        }
    }

    private void WrongType(string pointer, string expectation, JsonElement found) =>
        Problem(DiagnosticCodes.ImportWrongType, pointer,
            $"{expectation}, not {(found.ValueKind == JsonValueKind.Undefined ? "missing" : Describe(found))} (JSON pointer {pointer}); it is read as missing");

    private void Problem(DiagnosticCode code, string pointer, string message, string? hint = null, Severity severity = Severity.Error)
    {
        if (_problems.Count >= ImportLimits.MaxProblems)
        {
            _dropped++;
            return;
        }

        _problems.Add(new Diagnostic(severity, code, positions.Locate(pointer), message, hint));
    }

    /// <summary>What a value is, for messages: its type, and a short number or string as written.</summary>
    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"a string (\"{Shorten(value.GetString()!)}\")",
        JsonValueKind.Number => $"the number {Shorten(value.GetRawText())}",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    /// <summary>Text from the file cut to a length a message can carry (the diagnostic makes hidden characters visible).</summary>
    private static string Shorten(string text, int length = 80) => text.Length <= length ? text : text[..length] + "…";
}
