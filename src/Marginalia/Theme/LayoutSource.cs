using System.Text.RegularExpressions;

namespace Marginalia.Theme;

/// <summary>
/// Finds where a layout reads a name or applies a filter, for diagnostics: Fluid's syntax tree keeps no positions, so
/// the place is found in the layout's text, inside its Liquid tags only (never in the HTML around them).
/// </summary>
internal static partial class LayoutSource
{
    /// <summary>Where a variable path with a segment <paramref name="name"/> is first read: in the layout, else in a partial.</summary>
    public static (string Path, int Line, int Column) Find(string name, ParsedLayout layout, IEnumerable<ParsedLayout> partials)
    {
        foreach (var candidate in partials.Prepend(layout))
        {
            if (FirstPath(candidate.Source, name) is { } offset)
            {
                var (line, column) = Position(candidate.Source, offset);
                return (candidate.Path, line, column);
            }
        }

        return (layout.Path, 1, 1);
    }

    /// <summary>The offset of the first variable path (<c>page.title</c>, <c>x</c>) in a tag with a segment equal to <paramref name="name"/>.</summary>
    public static int? FirstPath(string source, string name)
    {
        foreach (Match tag in Tag().Matches(source))
        {
            var body = tag.Groups["body"];
            foreach (Match path in VariablePath().Matches(body.Value))
            {
                if (path.Value.Split('.').Contains(name, StringComparer.Ordinal))
                {
                    return body.Index + path.Index;
                }
            }
        }

        return null;
    }

    /// <summary>The offset of the first use of filter <paramref name="name"/> (its name, after the '|').</summary>
    public static int? FirstFilter(string source, string name)
    {
        foreach (Match tag in Tag().Matches(source))
        {
            var body = tag.Groups["body"];
            foreach (Match filter in Filter().Matches(body.Value))
            {
                if (filter.Groups["name"].Value == name)
                {
                    return body.Index + filter.Groups["name"].Index;
                }
            }
        }

        return null;
    }

    /// <summary>1-based line and column of an offset.</summary>
    public static (int Line, int Column) Position(string source, int offset)
    {
        var line = 1 + source.AsSpan(0, offset).Count('\n');
        var lineStart = source.LastIndexOf('\n', Math.Max(0, offset - 1)) is var n and >= 0 && n < offset ? n + 1 : 0;
        return (line, offset - lineStart + 1);
    }

    [GeneratedRegex(@"\{\{-?(?<body>.*?)-?\}\}|\{%-?(?<body>.*?)-?%\}", RegexOptions.Singleline)]
    private static partial Regex Tag();

    // A path outside quoted strings: identifiers joined by dots (bracketed keys end it, as assets['x'] reads a dictionary).
    [GeneratedRegex(@"(?<![\w.'""-])[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*|'[^']*'|""[^""]*""")]
    private static partial Regex VariablePath();

    [GeneratedRegex(@"\|\s*(?<name>[A-Za-z_]\w*)")]
    private static partial Regex Filter();
}
