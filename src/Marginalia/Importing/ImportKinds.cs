using Marginalia.Annotations;

namespace Marginalia.Importing;

/// <summary>What an imported annotation becomes: a note of a kind, a discussion question, or nothing (with why).</summary>
internal sealed record ImportKind(NoteKind? Kind, bool Question, string Rule)
{
    public static ImportKind Note(NoteKind kind, string rule) => new(kind, false, rule);
}

/// <summary>
/// The mapping table (README, "Importing annotations", lists it): a tag naming one of our kinds wins; otherwise the
/// motivation decides (commenting and describing: context; assessing with a source: fact-check; questioning: a
/// discussion question); otherwise the kind given with <c>--kind</c> (context by default).
/// </summary>
internal static class ImportKinds
{
    /// <summary>The tag of the essay author's own footnotes in our export: they live in essay.md, not in note files.</summary>
    public const string AuthorTag = "author";

    /// <returns>The kind, or null with the reason it is skipped.</returns>
    public static (ImportKind? Kind, string? Skip) Decide(ImportedAnnotation annotation, NoteKind fallback)
    {
        ArgumentNullException.ThrowIfNull(annotation);
        foreach (var tag in annotation.Tags)
        {
            var name = tag.Trim().ToLowerInvariant();
            if (NoteKinds.Parse(name) is { } tagged)
            {
                return (ImportKind.Note(tagged, $"tag '{name}'"), null);
            }

            if (name == AuthorTag)
            {
                return (null, "the essay author's own footnote: it is written in essay.md, not as a note file");
            }
        }

        foreach (var motivation in annotation.Motivations)
        {
            switch (motivation)
            {
                case "commenting" or "describing":
                    return (ImportKind.Note(NoteKind.Context, $"motivation '{motivation}'"), null);
                case "assessing" when !annotation.Links.IsDefaultOrEmpty:
                    return (ImportKind.Note(NoteKind.FactCheck, "motivation 'assessing' with sources"), null);
                case "questioning":
                    return (new ImportKind(null, true, "motivation 'questioning'"), null);
            }
        }

        return (ImportKind.Note(fallback, "the default kind"), null);
    }
}
