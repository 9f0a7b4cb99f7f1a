using Marginalia.Annotations;
using Marginalia.Content;
using Marginalia.Contributions;
using Marginalia.Diagnostics;
using Markdig;

namespace Marginalia.Questions;

/// <summary>Reads and validates one question file (a contract: see README, "Discussion questions").</summary>
internal static class QuestionParser
{
    // The question is shown as running text beside the essay, so it gets the essay's typography (curly quotes,
    // apostrophes, dashes); read as Markdown only for that, and shown as plain text.
    private static readonly MarkdownPipeline Typographic = new MarkdownPipelineBuilder().UseTypography().Build();

    public static readonly IReadOnlyList<string> Fields = ["question", "quote", "prefix", "suffix", "level", "author", "created", "sources"];

    /// <param name="source">The file's text and paths.</param>
    /// <param name="mediaFolder">Full path of input/media/.</param>
    /// <param name="diagnostics">Where problems go.</param>
    public static QuestionFile? Read(SourceText source, string mediaFolder, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (ContributionFile.Open(source, Fields, diagnostics) is not { } file)
        {
            return null;
        }

        var fields = file.Fields;
        var text = ReadQuestion(fields, diagnostics);
        var before = fields.ErrorCount;
        var quote = fields.RequiredString("quote");
        if (quote is not null && quote.Length > NoteParser.MaxQuoteLength)
        {
            fields.Error(DiagnosticCodes.InvalidValue, fields.LocationOf("quote"), $"the quote is {quote.Length} characters long; at most {NoteParser.MaxQuoteLength} are allowed",
                "quote the words the question is about, or the heading of its section");
        }

        var prefix = fields.OptionalString("prefix");
        var suffix = fields.OptionalString("suffix");
        var anchorable = quote is not null && fields.ErrorCount == before && !InvisibleCharacters.AnyIn([quote, prefix, suffix]);
        var level = ReadLevel(fields);
        var author = file.ReadAuthor();
        var sources = Contributors.ReadSources(fields);
        before = fields.ErrorCount;
        var created = fields.OptionalDate("created");
        if (created is null && fields.ErrorCount == before)
        {
            fields.Error(DiagnosticCodes.MissingField, fields.LocationOf("created"), "required field 'created' is missing", "write the date the question was written, YYYY-MM-DD");
        }

        // Hints are optional: an empty body is no error here, unlike a note's.
        var noHints = string.IsNullOrWhiteSpace(file.FrontMatter.Body);
        var hints = noHints ? null : file.RenderBody(mediaFolder, diagnostics);
        var complete = file.IdOk && !fields.HasErrors && (noHints || hints is not null) && author is not null && created is not null && text is not null;
        if (!complete && !anchorable)
        {
            return null; // every problem is reported; with no quote to look for, nothing is left to check against the essay
        }

        var question = new Question(file.Id, source.DisplayPath, text ?? string.Empty, quote!, prefix, suffix, level, author ?? string.Empty, sources,
            created ?? DateOnly.MinValue, hints?.Html ?? string.Empty);
        var selectorAt = prefix is not null ? fields.LocationOf("prefix") : suffix is not null ? fields.LocationOf("suffix") : fields.LocationOf("quote");
        return new QuestionFile(question, fields.LocationOf("question"), fields.LocationOf("quote"), selectorAt, hints?.Xrefs ?? [], hints?.Media ?? [])
        {
            Rejected = !complete,
        };
    }

    private static string? ReadQuestion(FieldParser fields, DiagnosticBag diagnostics)
    {
        var text = fields.RequiredString("question");
        if (text is null)
        {
            return null;
        }

        // Its length is held to the limit of any short text field (MG0622): one or two sentences, the rest in the hints.
        text = Markdown.ToPlainText(text, Typographic).Trim();
        if (!text.EndsWith('?'))
        {
            diagnostics.Warning(DiagnosticCodes.QuestionWithoutQuestionMark, fields.LocationOf("question"), "the question does not end with a question mark",
                "ask it as a question a group can discuss, ending with '?'");
        }

        return text;
    }

    private static QuestionLevel? ReadLevel(FieldParser fields)
    {
        var name = fields.OptionalString("level");
        if (name is null)
        {
            return null;
        }

        if (QuestionLevels.Parse(name) is { } level)
        {
            return level;
        }

        fields.Error(DiagnosticCodes.InvalidValue, fields.LocationOf("level"), $"'level' must be one of {string.Join(", ", QuestionLevels.Names)}, not '{name}'",
            Suggestions.DidYouMean(name, QuestionLevels.Names) ?? "leave it out when the question suits any group");
        return null;
    }
}
