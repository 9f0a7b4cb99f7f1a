using System.Globalization;
using Marginalia.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Marginalia.Content;

/// <summary>
/// Reads typed fields out of a YAML mapping and reports every problem with the field's own line and column:
/// unknown fields (with "did you mean"), missing required ones, values of the wrong form.
/// </summary>
internal sealed class FieldParser
{
    private readonly YamlMappingNode _fields;
    private readonly string _path;
    private readonly int _firstLine;
    private readonly DiagnosticBag _diagnostics;

    public FieldParser(YamlMappingNode fields, string path, int firstLine, DiagnosticBag diagnostics)
    {
        _fields = fields;
        _path = path;
        _firstLine = firstLine;
        _diagnostics = diagnostics;
    }

    public static FieldParser For(FrontMatter frontMatter, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(frontMatter);
        return new FieldParser(frontMatter.Fields, frontMatter.Source.DisplayPath, 2, diagnostics);
    }

    /// <summary>Where the reader's errors have gone; true once any field was wrong.</summary>
    public bool HasErrors { get; private set; }

    /// <summary>How many errors this reader (and the readers of its nested items) reported: compared before and after reading a field, it tells whether that field was wrong.</summary>
    public int ErrorCount { get; private set; }

    public SourceLocation Location(Mark mark) => new(_path, (int)mark.Line + _firstLine - 1, (int)mark.Column);

    /// <summary>The place of a field's value, or of the mapping's start when the field is absent.</summary>
    public SourceLocation LocationOf(string key) =>
        Find(key) is { } node ? Location(node.Start) : new SourceLocation(_path, Math.Max(1, _firstLine - 1), 1);

    /// <summary>Reports every field not in <paramref name="known"/>, suggesting the closest known one.</summary>
    public void RejectUnknown(IReadOnlyCollection<string> known)
    {
        ArgumentNullException.ThrowIfNull(known);
        foreach (var key in _fields.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? key.ToString();
            if (!known.Contains(name))
            {
                // A name far longer than any known one is no typo of one: no suggestion, and only its start is shown.
                var suggestion = name.Length <= FieldLimits.Shown ? Suggestions.DidYouMean(name, known) : null;
                Error(DiagnosticCodes.UnknownField, Location(key.Start), $"unknown field '{FieldLimits.Shorten(name)}'",
                    suggestion ?? $"known fields: {string.Join(", ", known)}");
            }
        }
    }

    public string? RequiredString(string key) => ReadString(key, required: true);

    public string? OptionalString(string key) => ReadString(key, required: false);

    public bool? OptionalBool(string key)
    {
        if (Scalar(key) is not { } scalar)
        {
            return null;
        }

        if (scalar.Value is "true" or "false" && scalar.Style == ScalarStyle.Plain)
        {
            return scalar.Value == "true";
        }

        Error(DiagnosticCodes.InvalidValue, Location(scalar.Start), $"'{key}' must be true or false, not '{FieldLimits.Shorten(scalar.Value ?? string.Empty)}'");
        return null;
    }

    /// <summary>A calendar date written <c>YYYY-MM-DD</c>.</summary>
    public DateOnly? OptionalDate(string key)
    {
        if (Scalar(key) is not { } scalar)
        {
            return null;
        }

        if (Text.IsoDate.TryParse(scalar.Value, out var date))
        {
            return date;
        }

        Error(DiagnosticCodes.InvalidValue, Location(scalar.Start), $"'{key}' must be a date written YYYY-MM-DD, not '{FieldLimits.Shorten(scalar.Value ?? string.Empty)}'");
        return null;
    }

    /// <summary>A field's raw node, for shapes the typed readers do not cover (null when absent).</summary>
    public YamlNode? OptionalNode(string key) => Find(key);

    /// <summary>A nested mapping, read with its own reader (same file, same positions).</summary>
    public FieldParser? OptionalMapping(string key)
    {
        switch (Find(key))
        {
            case null:
                return null;
            case YamlMappingNode mapping:
                return new FieldParser(mapping, _path, _firstLine, _diagnostics) { Parent = this };
            case var other:
                Error(DiagnosticCodes.InvalidValue, Location(other.Start), $"'{key}' must be a mapping of 'field: value' lines");
                return null;
        }
    }

    /// <summary>A list of mappings (such as <c>sources</c>), each item read with its own reader.</summary>
    public IReadOnlyList<FieldParser>? OptionalMappingList(string key)
    {
        switch (Find(key))
        {
            case null:
                return null;
            case YamlSequenceNode sequence:
                var items = new List<FieldParser>();
                foreach (var (item, i) in sequence.Children.Select((c, i) => (c, i)))
                {
                    if (item is YamlMappingNode mapping)
                    {
                        items.Add(new FieldParser(mapping, _path, _firstLine, _diagnostics) { Parent = this, Name = $"{key}[{i + 1}]" });
                    }
                    else
                    {
                        Error(DiagnosticCodes.InvalidValue, Location(item.Start), $"each item of '{key}' must be a mapping of 'field: value' lines");
                    }
                }

                return items;
            case var other:
                NotAList(key, other, $"'{key}' must be a list ('- ' items)");
                return null;
        }
    }

    /// <summary>An absolute http(s) address.</summary>
    public Uri? OptionalHttpUrl(string key, bool required = false)
    {
        var text = required ? RequiredString(key) : OptionalString(key);
        if (text is null)
        {
            return null;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "https" or "http" && !string.IsNullOrEmpty(url.Host))
        {
            return url;
        }

        Error(DiagnosticCodes.InvalidValue, LocationOf(key), $"'{key}' must be an absolute http:// or https:// address, not '{FieldLimits.Shorten(text)}'");
        return null;
    }

    /// <summary>Reports an error about this file, counted against the reader (used for checks beyond a field's type).</summary>
    public void Error(DiagnosticCode code, SourceLocation location, string message, string? hint = null)
    {
        HasErrors = true;
        ErrorCount++;
        Parent?.MarkFailed();
        _diagnostics.Error(code, location, message, hint);
    }

    /// <summary>Reports a warning about this file: the file is still read, and nothing counts against the reader.</summary>
    public void Warning(DiagnosticCode code, SourceLocation location, string message, string? hint = null) =>
        _diagnostics.Warning(code, location, message, hint);

    private FieldParser? Parent { get; init; }

    /// <summary>How messages name this mapping when it is an item of a list, e.g. <c>sources[2]</c>; null for the file's own fields.</summary>
    private string? Name { get; init; }

    // '-title: x' is a key "-title", not a list item: say so at that '-', where the missing space is.
    private void NotAList(string key, YamlNode node, string message)
    {
        var dash = node switch
        {
            YamlMappingNode mapping => mapping.Children.Keys.FirstOrDefault(k => k is YamlScalarNode { Value: ['-', not ' ', ..] }),
            YamlScalarNode { Value: ['-', not ' ', ..] } scalar => scalar,
            _ => null,
        };
        if (dash is not null)
        {
            Error(DiagnosticCodes.InvalidValue, Location(dash.Start), $"{message}: a list item needs a space after its '-'", $"write '- ' at the start of each item of '{key}'");
        }
        else
        {
            Error(DiagnosticCodes.InvalidValue, Location(node.Start), message);
        }
    }

    private void MarkFailed()
    {
        HasErrors = true;
        ErrorCount++;
        Parent?.MarkFailed();
    }

    private string? ReadString(string key, bool required)
    {
        var node = Find(key);
        if (node is null)
        {
            if (required && Name is not null)
            {
                Error(DiagnosticCodes.MissingField, Location(_fields.Start), $"{Name} has no '{key}'", $"add '{key}:' to this item of the list");
            }
            else if (required)
            {
                Error(DiagnosticCodes.MissingField, LocationOf(key), $"required field '{key}' is missing");
            }

            return null;
        }

        if (node is not YamlScalarNode scalar)
        {
            Error(DiagnosticCodes.InvalidValue, Location(node.Start), $"'{key}' must be text, not a list or mapping");
            return null;
        }

        var value = scalar.Value?.Trim();
        if (string.IsNullOrEmpty(value) || (scalar.Style == ScalarStyle.Plain && value is "~" or "null"))
        {
            if (required)
            {
                Error(DiagnosticCodes.MissingField, Location(node.Start), $"required field '{key}' is empty");
            }

            return null;
        }

        return CheckLength(key, value, Location(node.Start)) ? value : null;
    }

    /// <summary>Reports a value longer than its field's limit (<see cref="FieldLimits"/>) at <paramref name="at"/>; true when within it.</summary>
    public bool CheckLength(string key, string value, SourceLocation at, int? max = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        var limit = max ?? FieldLimits.MaxLength(key);
        if (value.Length <= limit)
        {
            return true;
        }

        Error(DiagnosticCodes.ValueTooLong, at, FieldLimits.TooLong($"'{key}'", value.Length, limit), "shorten it: the value is shown and searched for, and a long one costs every build");
        return false;
    }

    /// <summary>
    /// A list of phrases (a term's aliases, an initiative's mentions): each a non-empty scalar of at most
    /// <see cref="FieldLimits.Phrase"/> characters, at most <see cref="FieldLimits.MaxPhrases"/> of them; each with its place.
    /// </summary>
    /// <returns>The phrases (trimmed), or null when the field is absent; problems are reported and their items left out.</returns>
    public List<(string Text, SourceLocation At)>? OptionalPhraseList(string key, string itemMessage, string notAListMessage)
    {
        var node = Find(key);
        switch (node)
        {
            case null:
                return null;
            case YamlSequenceNode list:
                var phrases = new List<(string, SourceLocation)>();
                if (list.Children.Count > FieldLimits.MaxPhrases)
                {
                    Error(DiagnosticCodes.TooManyItems, Location(list.Start),
                        string.Create(CultureInfo.InvariantCulture, $"'{key}' lists {list.Children.Count:N0} items; at most {FieldLimits.MaxPhrases} are allowed"),
                        "list the phrases the essay really uses");
                    return phrases;
                }

                foreach (var item in list.Children)
                {
                    if (item is YamlScalarNode { Value: { Length: > 0 } text } && text.Trim() is { Length: > 0 } trimmed)
                    {
                        if (CheckLength(key, trimmed, Location(item.Start), FieldLimits.Phrase))
                        {
                            phrases.Add((trimmed, Location(item.Start)));
                        }
                    }
                    else
                    {
                        Error(DiagnosticCodes.InvalidValue, Location(item.Start), itemMessage);
                    }
                }

                return phrases;
            default:
                NotAList(key, node, notAListMessage);
                return [];
        }
    }

    private YamlScalarNode? Scalar(string key)
    {
        var node = Find(key);
        if (node is null or YamlScalarNode)
        {
            return node as YamlScalarNode;
        }

        Error(DiagnosticCodes.InvalidValue, Location(node.Start), $"'{key}' must be a single value");
        return null;
    }

    private YamlNode? Find(string key) =>
        _fields.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;
}
