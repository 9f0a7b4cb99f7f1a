using System.Globalization;

namespace Marginalia.Content;

/// <summary>
/// The longest value each front matter field may hold, and the most items a list of phrases may have. Every value is
/// untrusted: left unbounded, one is searched for in the whole essay, echoed into diagnostics and printed on pages, so
/// a few hundred kilobytes in one field would multiply into minutes of work. The figures are many times the longest
/// value in the real input (see notes/limits.md), so no honest contribution comes near them.
/// </summary>
internal static class FieldLimits
{
    /// <summary>Any text field not listed below: a name, a term, a region, a tag.</summary>
    public const int Default = 200;

    /// <summary>A phrase searched for in the essay: a term's alias, an initiative's mention, a note's prefix or suffix.</summary>
    public const int Phrase = 200;

    /// <summary>The most aliases a term, or mentions an initiative, may list.</summary>
    public const int MaxPhrases = 20;

    /// <summary>Characters of a value shown in a diagnostic before it is cut short.</summary>
    public const int Shown = 80;

    private static readonly Dictionary<string, int> Lengths = new(StringComparer.Ordinal)
    {
        ["title"] = 500, // a source's title is often a whole headline with its site's name
        ["description"] = 500,
        ["change"] = 1000, // an essay correction says what changed, in a sentence or two
        ["url"] = 2000,
        ["base-url"] = 2000,
        ["repository"] = 2000,
        ["author"] = 100, // a GitHub handle has at most 39; the bound only keeps a wrong one short in its error
        ["prefix"] = Phrase,
        ["suffix"] = Phrase,

        // Checked by their readers, each with its own limit and advice.
        ["quote"] = int.MaxValue,
        ["short"] = int.MaxValue,
        ["summary"] = int.MaxValue,
    };

    /// <summary>The longest value the field <paramref name="key"/> may hold.</summary>
    public static int MaxLength(string key) => Lengths.TryGetValue(key, out var max) ? max : Default;

    /// <summary>A value cut to <see cref="Shown"/> characters (never inside a surrogate pair) for a diagnostic to quote.</summary>
    public static string Shorten(string value, int max = Shown)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length <= max)
        {
            return value;
        }

        var cut = char.IsHighSurrogate(value[max - 1]) ? max - 1 : max;
        return string.Create(CultureInfo.InvariantCulture, $"{value.AsSpan(0, cut)}… ({value.Length:N0} characters)");
    }

    /// <summary>The message for a value over its limit.</summary>
    public static string TooLong(string what, int length, int max) =>
        string.Create(CultureInfo.InvariantCulture, $"{what} is {length:N0} characters long; at most {max:N0} are allowed");
}
