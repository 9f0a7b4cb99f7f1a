using System.Collections.Immutable;
using Marginalia.Content;
using Marginalia.Contributions;
using Marginalia.Diagnostics;

namespace Marginalia.Annotations;

/// <summary>Reads and validates one note file (a contract: see README, "Notes").</summary>
internal static class NoteParser
{
    public const int MaxQuoteLength = 2000;

    public static readonly IReadOnlyList<string> Fields =
        ["quote", "prefix", "suffix", "kind", "author", "sources", "created", "updated", "lang", "essay-version"];

    /// <param name="source">The file's text and paths.</param>
    /// <param name="mediaFolder">Full path of input/media/.</param>
    /// <param name="diagnostics">Where problems go.</param>
    public static NoteFile? Read(SourceText source, string mediaFolder, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (ContributionFile.Open(source, Fields, diagnostics) is not { } file)
        {
            return null;
        }

        var (id, idOk, fields) = (file.Id, file.IdOk, file.Fields);
        var before = fields.ErrorCount;
        var quote = fields.RequiredString("quote");
        if (quote is not null && quote.Length > MaxQuoteLength)
        {
            fields.Error(DiagnosticCodes.InvalidValue, fields.LocationOf("quote"), $"the quote is {quote.Length} characters long; at most {MaxQuoteLength} are allowed",
                "quote the words the note is about, not a whole passage");
        }

        var prefix = fields.OptionalString("prefix");
        var suffix = fields.OptionalString("suffix");
        var anchorable = quote is not null && fields.ErrorCount == before && !InvisibleCharacters.AnyIn([quote, prefix, suffix]);
        var kind = ReadKind(fields);
        var author = file.ReadAuthor();

        before = fields.ErrorCount;
        var sources = Contributors.ReadSources(fields);
        if (kind is NoteKind.Source or NoteKind.FactCheck && sources.IsEmpty && fields.ErrorCount == before)
        {
            fields.Error(DiagnosticCodes.MissingField, fields.LocationOf("kind"), $"a '{kind.Value.Name()}' note needs 'sources': a list of title and url");
        }

        before = fields.ErrorCount;
        var created = fields.OptionalDate("created");
        if (created is null && fields.ErrorCount == before)
        {
            fields.Error(DiagnosticCodes.MissingField, fields.LocationOf("created"), "required field 'created' is missing", "write the date the note was written, YYYY-MM-DD");
        }

        var updated = fields.OptionalDate("updated");
        if (updated < created)
        {
            fields.Error(DiagnosticCodes.InvalidValue, fields.LocationOf("updated"), "'updated' is earlier than 'created'");
        }

        var language = fields.OptionalString("lang");
        if (language is not null && !EssayInfoParser.IsLanguageTag(language))
        {
            fields.Error(DiagnosticCodes.InvalidValue, fields.LocationOf("lang"), $"'lang' must be a BCP 47 language tag such as 'en' or 'hi', not '{language}'");
        }

        var version = fields.OptionalString("essay-version");
        var body = file.RenderBody(mediaFolder, diagnostics);
        var complete = idOk && !fields.HasErrors && body is not null && author is not null && created is not null && kind is not null;
        if (!complete && !anchorable)
        {
            return null; // every problem is reported; with no quote to look for, nothing is left to check against the essay
        }

        // A rejected note still has its quote matched (and its body's xrefs and images checked), so every problem
        // of the file is reported in one round; the stand-in values below are never published.
        var note = new Note(id, source.DisplayPath, quote!, prefix, suffix, kind ?? NoteKind.Context, author ?? string.Empty, sources,
            created ?? DateOnly.MinValue, updated, language, version, body?.Html ?? string.Empty);
        var selectorAt = prefix is not null ? fields.LocationOf("prefix") : suffix is not null ? fields.LocationOf("suffix") : fields.LocationOf("quote");
        return new NoteFile(note, fields.LocationOf("quote"), selectorAt, body?.Xrefs ?? [], body?.Media ?? [])
        {
            FullPath = source.FullPath,
            Rejected = !complete,
        };
    }

    private static NoteKind? ReadKind(FieldParser fields)
    {
        var name = fields.OptionalString("kind");
        if (name is null)
        {
            return NoteKind.Context;
        }

        if (NoteKinds.Parse(name) is { } kind)
        {
            return kind;
        }

        fields.Error(DiagnosticCodes.InvalidValue, fields.LocationOf("kind"), $"'kind' must be one of {string.Join(", ", NoteKinds.FileNames)}, not '{name}'",
            Suggestions.DidYouMean(name, NoteKinds.FileNames));
        return null;
    }
}
