using System.Text.RegularExpressions;

namespace Marginalia.Content;

/// <summary>
/// Finds what is really wrong when YamlDotNet cannot read front matter: its message names the parser's state
/// ("did not find expected key"), often a line or a column away from the cause. The lines are read again for the
/// mistakes contributors make — a tab in the indentation, a quote inside a value quoted with the same quote, a quote
/// never closed, a value starting with a character YAML reserves, a ': ' in an unquoted value — and the cause is
/// reported at its own column with what to write instead.
/// </summary>
internal static partial class YamlCauses
{
    /// <summary>A cause: 1-based line and column within the YAML text.</summary>
    public sealed record Cause(int Line, int Column, string Message, string Hint);

    /// <param name="yaml">The YAML text that failed.</param>
    /// <param name="line">The 1-based line YamlDotNet stopped at.</param>
    /// <param name="parserMessage">YamlDotNet's message.</param>
    public static Cause? Find(string yaml, int line, string parserMessage)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(parserMessage);
        var lines = yaml.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', 0, indent);
            if (tab >= 0 && lines[i].Trim().Length > 0)
            {
                return new Cause(i + 1, tab + 1, "a tab is used for indentation: YAML indentation must be spaces",
                    "replace the tab with spaces (two for each level, as on the other lines)");
            }
        }

        // The parser stops at or just after the cause: look at its line, then the one before.
        foreach (var candidate in new[] { line, line - 1 })
        {
            if (candidate >= 1 && candidate <= lines.Length && InLine(lines[candidate - 1], candidate, candidate < line, parserMessage) is { } cause)
            {
                return cause;
            }
        }

        return null;
    }

    private static Cause? InLine(string text, int line, bool before, string parserMessage)
    {
        var field = Field().Match(text);
        if (!field.Success)
        {
            return null;
        }

        var key = field.Groups["key"].Value.Trim();
        var value = field.Groups["value"].Value.TrimEnd();
        var start = field.Groups["value"].Index; // 0-based column of the value
        if (value.Length == 0)
        {
            return null;
        }

        var quoted = $"put the whole value in double quotes: {key}: \"{Shorten(value.Replace("\"", "“", StringComparison.Ordinal))}\"";
        switch (value[0])
        {
            case '"' or '\'':
                return QuotedValue(key, value, line, start, before || parserMessage.Contains("quoted scalar", StringComparison.Ordinal));
            case '@' or '`' or '%':
                return new Cause(line, start + 1, $"a YAML value cannot start with '{value[0]}'", quoted);
            case '>' or '|' when parserMessage.Contains("block scalar", StringComparison.Ordinal):
                return new Cause(line, start + 1, $"'{value[0]}' at the start of a value begins a block of text on the lines below, so nothing may follow it on this line",
                    $"to start the text with '{value[0]}', {quoted}");
        }

        var colon = value.IndexOf(": ", StringComparison.Ordinal);
        if (colon >= 0 && !value.StartsWith('[') && !value.StartsWith('{'))
        {
            return new Cause(line, start + colon + 1, $"the ': ' in the value of '{key}' makes YAML read a second field on one line", quoted);
        }

        return null;
    }

    private static Cause? QuotedValue(string key, string value, int line, int start, bool unclosedIsTheProblem)
    {
        var mark = value[0];
        var close = -1;
        for (var i = 1; i < value.Length; i++)
        {
            if (mark == '"' && value[i] == '\\')
            {
                i++; // an escape: the next character is part of the value
            }
            else if (value[i] == mark && mark == '\'' && i + 1 < value.Length && value[i + 1] == '\'')
            {
                i++; // '' is an apostrophe inside single quotes
            }
            else if (value[i] == mark)
            {
                close = i;
                break;
            }
        }

        if (close < 0)
        {
            return unclosedIsTheProblem
                ? new Cause(line, start + 1, $"the {(mark == '"' ? "double" : "single")} quote that opens the value of '{key}' is not closed on its line",
                    $"end the value with {mark} on the same line")
                : null;
        }

        var rest = value[(close + 1)..].TrimStart();
        if (rest.Length == 0 || rest[0] == '#')
        {
            return null;
        }

        return mark == '"'
            ? new Cause(line, start + close + 1, $"the straight double quote (\") inside the value of '{key}' ends the value, which starts with one, so the rest of the line cannot be read",
                "write the inner quotes as typographic quotes “ ”, or escape each as \\\", or put the whole value in single quotes instead: " + key + ": '…'")
            : new Cause(line, start + close + 1, $"the apostrophe (') inside the value of '{key}' ends the value, which starts with a single quote, so the rest of the line cannot be read",
                "write the apostrophe twice ('') or as the typographic ’, or put the whole value in double quotes instead: " + key + ": \"…\"");
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..39] + "…";

    // 'key: value' or '- key: value' (a list item's first field); the key is a plain word, as every field name is.
    [GeneratedRegex(@"^\s*(-\s+)?(?<key>[A-Za-z][A-Za-z0-9_-]*)\s*:[ \t]+(?<value>.*)$")]
    private static partial Regex Field();
}
