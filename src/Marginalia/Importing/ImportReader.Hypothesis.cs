using System.Text.Json;

namespace Marginalia.Importing;

/// <summary>One annotation of the Hypothesis API (https://h.readthedocs.io/en/latest/api-reference/), a search row or alone.</summary>
internal sealed partial class ImportReader
{
    private ImportedAnnotation ReadHypothesis(JsonElement row, string pointer)
    {
        var id = StringField(row, pointer, "id");
        var created = StringField(row, pointer, "created", "a date and time as a string");
        var updated = StringField(row, pointer, "updated", "a date and time as a string");
        var user = StringField(row, pointer, "user");
        var uri = StringField(row, pointer, "uri");

        // "text" is Markdown (the client's editor writes it); an empty text is a highlight, with no body.
        var text = StringField(row, pointer, "text");
        ImportedBody[] bodies = string.IsNullOrEmpty(text) ? [] : [new ImportedBody(text, "text/markdown", null, null)];

        var tags = new List<string>();
        if (TryField(row, "tags", out var tagList))
        {
            if (tagList.ValueKind != JsonValueKind.Array)
            {
                WrongType(Child(pointer, "tags"), "'tags' must be an array of strings", tagList);
            }
            else
            {
                tags.AddRange(StringsField(row, pointer, "tags"));
            }
        }

        var ignored = new List<string>();
        var target = TryField(row, "target", out var targets) ? ReadHypothesisTargets(targets, Child(pointer, "target"), uri, ignored) : null;

        var isReply = TryField(row, "references", out var references)
            && (references.ValueKind == JsonValueKind.Array ? references.GetArrayLength() > 0 : NotAList(Child(pointer, "references"), references));
        var isFlagged = TrueField(row, pointer, "flagged")
            || (TryField(row, "moderation", out var moderation) && moderation.ValueKind == JsonValueKind.Object
                && NonNegativeIntField(moderation, Child(pointer, "moderation"), "flagCount") > 0);

        return new ImportedAnnotation(
            pointer, positions.Locate(pointer), ImportFormat.Hypothesis, id, [], [.. tags], [.. bodies], [],
            user is null ? null : HandleFromIri(user) ?? user,
            created, ParseDate(created, Child(pointer, "created"), "created"),
            updated, ParseDate(updated, Child(pointer, "updated"), "updated"),
            target, isReply, TrueField(row, pointer, "hidden"), isFlagged, TrueField(row, pointer, "deleted"),
            [.. ignored.Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>The first target whose selectors give a quote; a target without selectors (or none) is a page note.</summary>
    private ImportedTarget? ReadHypothesisTargets(JsonElement targets, string pointer, string? uri, List<string> ignored)
    {
        ImportedTarget? withSelector = null;
        foreach (var (target, targetPointer) in OneOrMany(targets, pointer))
        {
            if (target.ValueKind != JsonValueKind.Object)
            {
                WrongType(targetPointer, "a target must be an object", target);
                continue;
            }

            if (!TryField(target, "selector", out var selector))
            {
                continue;
            }

            var source = StringField(target, targetPointer, "source") ?? uri;
            var read = ReadSelectors(selector, Child(targetPointer, "selector"), source, null, ignored);
            if (read?.Exact is not null)
            {
                return read;
            }

            withSelector ??= read;
        }

        return withSelector;
    }

    private bool NotAList(string pointer, JsonElement value)
    {
        WrongType(pointer, "'references' must be an array of annotation ids", value);
        return false;
    }
}
