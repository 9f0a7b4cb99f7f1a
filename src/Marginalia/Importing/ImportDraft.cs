using System.Text;
using Marginalia.Annotations;
using Marginalia.Text;

namespace Marginalia.Importing;

/// <summary>
/// A note file (or, for a question, a question file) made from one annotation, before its id is settled. The fields
/// are the note file's own (README, "Notes"); every string is written double-quoted, so nothing an annotation holds
/// can change the YAML's meaning.
/// </summary>
internal sealed record ImportDraft(
    ImportedAnnotation From,
    ImportKind Kind,
    ImportedPlace Place,
    string Author,
    DateOnly Created,
    DateOnly? Updated,
    string? Language,
    string? EssayVersion,
    IReadOnlyList<(string Title, string Url)> Sources,
    string Body)
{
    public string Folder => Kind.Question ? "questions" : "annotations";

    /// <summary>The id our own export gave the annotation (<c>…#note-&lt;id&gt;</c>), to keep; null for others.</summary>
    public string? ExportedId { get; init; }

    /// <summary>The question a question file asks (its first paragraph, as plain text); null for a note.</summary>
    public string? QuestionText { get; init; }

    public string Text()
    {
        var text = new StringBuilder("---\n");
        if (QuestionText is not null)
        {
            text.Append("question: ").Append(YamlText.Quote(QuestionText)).Append('\n');
        }

        text.Append("quote: ").Append(YamlText.Quote(Place.Quote)).Append('\n');
        Line(text, "prefix", Place.Prefix);
        Line(text, "suffix", Place.Suffix);
        if (Kind.Kind is { } kind)
        {
            text.Append("kind: ").Append(kind.Name()).Append('\n');
        }

        text.Append("author: ").Append(YamlText.Quote(Author)).Append('\n');
        text.Append("created: ").Append(YamlText.Date(Created)).Append('\n');
        if (!Kind.Question)
        {
            // A question file has neither field (QuestionParser.Fields): its date is its only one.
            if (Updated is { } updated)
            {
                text.Append("updated: ").Append(YamlText.Date(updated)).Append('\n');
            }

            Line(text, "lang", Language);
            Line(text, "essay-version", EssayVersion);
        }

        if (Sources.Count > 0)
        {
            text.Append("sources:\n");
            foreach (var (title, url) in Sources)
            {
                text.Append("  - title: ").Append(YamlText.Quote(title)).Append('\n');
                text.Append("    url: ").Append(YamlText.Quote(url)).Append('\n');
            }
        }

        text.Append("---\n");
        if (Body.Length > 0)
        {
            text.Append(Body).Append('\n');
        }

        return text.ToString();
    }

    private static void Line(StringBuilder text, string field, string? value)
    {
        if (value is not null)
        {
            text.Append(field).Append(": ").Append(YamlText.Quote(value)).Append('\n');
        }
    }
}
