using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Marginalia.Annotations;
using Marginalia.Content;
using Marginalia.Contributions;
using Marginalia.Diagnostics;

namespace Marginalia.Glossary;

/// <summary>Reads and validates one glossary file (a contract: see README, "Glossary").</summary>
internal static partial class TermParser
{
    public const int MaxShortLength = 200;

    public static readonly IReadOnlyList<string> Fields = ["term", "aliases", "case", "short", "author", "created", "sources"];

    public static TermFile? Read(SourceText source, string mediaFolder, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (ContributionFile.Open(source, Fields, diagnostics) is not { } file)
        {
            return null;
        }

        var (id, idOk, fields) = (file.Id, file.IdOk, file.Fields);
        // An id the pages already use (MG0615) is refused once every layout is known: Pages.ReservedIds.
        var before = fields.ErrorCount;
        var term = fields.RequiredString("term");
        var aliases = ReadAliases(fields);
        var caseSensitive = ReadCase(fields);
        var matchable = term is not null && fields.ErrorCount == before && !InvisibleCharacters.AnyIn([term, .. aliases.Select(a => a.Text)]);
        var definition = fields.RequiredString("short");
        if (definition is not null)
        {
            CheckPlainText(fields, "short", definition, MaxShortLength);
        }

        var author = file.ReadAuthor();

        var created = fields.OptionalDate("created");
        var sources = Contributors.ReadSources(fields);
        var body = file.RenderBody(mediaFolder, diagnostics);
        var complete = idOk && !fields.HasErrors && body is not null && definition is not null && author is not null;
        if (!complete && !matchable)
        {
            return null; // every problem is reported; with no term to look for, nothing is left to check against the essay
        }

        var formAt = ImmutableArray.CreateBuilder<SourceLocation>();
        formAt.Add(fields.LocationOf("term"));
        formAt.AddRange(aliases.Select(a => a.At));

        // A rejected term is still matched and its phrases claimed, so every problem is reported in one round; never published.
        var glossaryTerm = new GlossaryTerm(id, source.DisplayPath, term!, [.. aliases.Select(a => a.Text)], caseSensitive, definition ?? string.Empty, author ?? string.Empty, created, sources, body?.Html ?? string.Empty);
        return new TermFile(glossaryTerm, formAt.ToImmutable(), body?.Xrefs ?? [], body?.Media ?? []) { Rejected = !complete };
    }

    /// <summary>Plain text only (it is shown in a tooltip and a meta description) and short enough to read at a glance.</summary>
    public static void CheckPlainText(FieldParser fields, string key, string value, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > maxLength)
        {
            fields.Error(DiagnosticCodes.InvalidValue, fields.LocationOf(key), $"'{key}' is {value.Length} characters long; at most {maxLength} are allowed");
        }

        if (Markup().IsMatch(value))
        {
            fields.Error(DiagnosticCodes.InvalidValue, fields.LocationOf(key), $"'{key}' must be plain text, without HTML or Markdown markup",
                "write it as a plain sentence; the body below the front matter takes Markdown");
        }
    }

    private static List<(string Text, SourceLocation At)> ReadAliases(FieldParser fields) =>
        fields.OptionalPhraseList("aliases", "each alias must be a word or phrase", "'aliases' must be a list, e.g. aliases: [\"WTO\"]") ?? [];

    private static bool ReadCase(FieldParser fields)
    {
        var value = fields.OptionalString("case");
        switch (value)
        {
            case null or "insensitive":
                return false;
            case "sensitive":
                return true;
            default:
                fields.Error(DiagnosticCodes.InvalidValue, fields.LocationOf("case"), $"'case' must be 'sensitive' or 'insensitive', not '{value}'",
                    Suggestions.DidYouMean(value, ["sensitive", "insensitive"]));
                return false;
        }
    }

    // Tags, Markdown emphasis/code/links and entities: anything a reader would see as markup rather than text.
    [GeneratedRegex(@"<[^>]*>|[`*_]|\]\(|&[#a-zA-Z0-9]+;")]
    private static partial Regex Markup();
}
