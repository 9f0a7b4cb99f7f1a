using System.Collections.Immutable;
using System.Text.Json;

namespace Marginalia.Importing;

/// <summary>One W3C Web Annotation (https://www.w3.org/TR/annotation-model/), in the forms JSON-LD allows.</summary>
internal sealed partial class ImportReader
{
    private const string Tagging = "tagging";

    private ImportedAnnotation ReadWebAnnotation(JsonElement annotation, string pointer, HashSet<string> ids)
    {
        var id = StringField(annotation, pointer, "id");
        var motivations = StringsField(annotation, pointer, "motivation");
        var created = StringField(annotation, pointer, "created", "a date and time as a string");
        var modified = StringField(annotation, pointer, "modified", "a date and time as a string");

        var tags = new List<string>();
        var bodies = new List<ImportedBody>();
        var links = new List<ImportedLink>();
        if (TryField(annotation, "body", out var body))
        {
            ReadBodies(body, Child(pointer, "body"), motivations.Contains(Tagging), tags, bodies, links, nested: false);
        }

        var targetIris = new List<string>();
        var ignored = new List<string>();
        var target = TryField(annotation, "target", out var targets)
            ? ReadTargets(targets, Child(pointer, "target"), targetIris, ignored)
            : null;

        // A reply says so by its motivation, or by targeting another annotation of the same file (model §3.3.5).
        var isReply = motivations.Contains("replying") || targetIris.Any(iri => iri != id && ids.Contains(iri));
        var isDeleted = TrueField(annotation, pointer, "deleted") || HasType(annotation, "Tombstone");

        return new ImportedAnnotation(
            pointer, positions.Locate(pointer), ImportFormat.WebAnnotation, id, [.. motivations], [.. tags], [.. bodies], [.. links],
            TryField(annotation, "creator", out var creator) ? CreatorOf(creator, Child(pointer, "creator")) : null,
            created, ParseDate(created, Child(pointer, "created"), "created"),
            modified, ParseDate(modified, Child(pointer, "modified"), "modified"),
            target, isReply, IsHidden: false, IsFlagged: false, isDeleted, [.. ignored.Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>
    /// Sorts the bodies: tagging bodies give tags, textual ones text, linking and external ones links; a Choice's
    /// items are read as bodies (one level).
    /// </summary>
    private void ReadBodies(
        JsonElement body, string pointer, bool taggingMotivation, List<string> tags, List<ImportedBody> bodies, List<ImportedLink> links, bool nested)
    {
        foreach (var (item, itemPointer) in OneOrMany(body, pointer))
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                // A bare IRI is an external web resource (model §3.2.1).
                if (StringValue(item, itemPointer, "body") is { } iri)
                {
                    links.Add(new ImportedLink(iri, null));
                }

                continue;
            }

            if (item.ValueKind != JsonValueKind.Object)
            {
                WrongType(itemPointer, "a body must be an object or an address", item);
                continue;
            }

            if (!nested && HasType(item, "Choice") && TryField(item, "items", out var choices))
            {
                ReadBodies(choices, Child(itemPointer, "items"), taggingMotivation, tags, bodies, links, nested: true);
                continue;
            }

            var purposes = StringsField(item, itemPointer, "purpose");
            if (TryField(item, "value", out _))
            {
                if (StringField(item, itemPointer, "value") is not { } value)
                {
                    continue;
                }

                if (purposes.Contains(Tagging) || (purposes.Count == 0 && taggingMotivation))
                {
                    tags.Add(value);
                    continue;
                }

                bodies.Add(new ImportedBody(
                    value,
                    FirstString(item, itemPointer, "format") ?? "text/plain",
                    FirstString(item, itemPointer, "language"),
                    purposes.Count > 0 ? purposes[0] : null));
                continue;
            }

            if (TryField(item, "source", out var source))
            {
                // A SpecificResource: the resource is its source, an IRI or an object with an id.
                var sourcePointer = Child(itemPointer, "source");
                if (source.ValueKind == JsonValueKind.Object)
                {
                    if (StringField(source, sourcePointer, "id") is { } url)
                    {
                        links.Add(new ImportedLink(url, TitleOf(source, sourcePointer) ?? TitleOf(item, itemPointer)));
                    }
                    else
                    {
                        WrongType(Child(sourcePointer, "id"), "a body's source must have an 'id' (its address)", default);
                    }
                }
                else if (StringValue(source, sourcePointer, "source", "an address or an object with an 'id'") is { } url)
                {
                    links.Add(new ImportedLink(url, TitleOf(item, itemPointer)));
                }

                continue;
            }

            if (StringField(item, itemPointer, "id") is { } id)
            {
                links.Add(new ImportedLink(id, TitleOf(item, itemPointer))); // an external web resource (model §3.2.1)
                continue;
            }

            if (!item.TryGetProperty("id", out _))
            {
                WrongType(Child(itemPointer, "value"), "a body must have a 'value' (text), a 'source' or an 'id' (an address)", default);
            }
        }
    }

    private string? TitleOf(JsonElement resource, string pointer) =>
        FirstString(resource, pointer, "label") ?? FirstString(resource, pointer, "title") ?? FirstString(resource, pointer, "name");

    /// <summary>
    /// The first target whose selectors give a quote, else the first with any selector, else null (a page note).
    /// Every target's address is collected so that a target that is another annotation makes a reply.
    /// </summary>
    private ImportedTarget? ReadTargets(JsonElement targets, string pointer, List<string> targetIris, List<string> ignored)
    {
        ImportedTarget? withQuote = null;
        ImportedTarget? withSelector = null;
        foreach (var (target, targetPointer) in OneOrMany(targets, pointer))
        {
            if (target.ValueKind == JsonValueKind.String)
            {
                if (StringValue(target, targetPointer, "target", "an address or an object") is { } iri)
                {
                    targetIris.Add(iri);
                }

                continue;
            }

            if (target.ValueKind != JsonValueKind.Object)
            {
                WrongType(targetPointer, "a target must be an object or an address", target);
                continue;
            }

            var source = SourceOf(target, targetPointer);
            if (source is not null)
            {
                targetIris.Add(source);
            }
            else if (StringField(target, targetPointer, "id") is { } id)
            {
                targetIris.Add(id); // the target is the resource itself, named by its id
            }

            if (!TryField(target, "selector", out var selector))
            {
                continue;
            }

            var read = ReadSelectors(selector, Child(targetPointer, "selector"), source, StringField(target, targetPointer, "marginalia:essayVersion"), ignored);
            if (read?.Exact is not null)
            {
                withQuote ??= read;
            }

            withSelector ??= read;
        }

        return withQuote ?? withSelector;
    }

    private string? SourceOf(JsonElement target, string pointer)
    {
        if (!TryField(target, "source", out var source))
        {
            return null;
        }

        return source.ValueKind == JsonValueKind.Object
            ? StringField(source, Child(pointer, "source"), "id")
            : StringValue(source, Child(pointer, "source"), "source", "an address or an object with an 'id'");
    }

    /// <summary>
    /// Reads a selector or a list of them. A TextQuoteSelector gives the quote, a TextPositionSelector the span (both
    /// the first of their kind); any other selector, and any refinement, is listed as ignored. Null when there is no
    /// selector object at all.
    /// </summary>
    private ImportedTarget? ReadSelectors(JsonElement selectors, string pointer, string? source, string? essayVersion, List<string> ignored)
    {
        string? exact = null, prefix = null, suffix = null;
        int? start = null, end = null;
        var quoteRead = false;
        var positionRead = false;
        var any = false;
        foreach (var (selector, selectorPointer) in OneOrMany(selectors, pointer))
        {
            if (selector.ValueKind != JsonValueKind.Object)
            {
                WrongType(selectorPointer, "a selector must be an object", selector);
                continue;
            }

            any = true;
            var type = FirstString(selector, selectorPointer, "type");
            if (type == "TextQuoteSelector" && !quoteRead)
            {
                quoteRead = true;
                exact = StringField(selector, selectorPointer, "exact");
                if (exact is null && !TryField(selector, "exact", out _))
                {
                    WrongType(Child(selectorPointer, "exact"), "a TextQuoteSelector must have 'exact', the quoted text", default);
                }

                prefix = StringField(selector, selectorPointer, "prefix");
                suffix = StringField(selector, selectorPointer, "suffix");
            }
            else if (type == "TextPositionSelector" && !positionRead)
            {
                positionRead = true;
                start = NonNegativeIntField(selector, selectorPointer, "start");
                end = NonNegativeIntField(selector, selectorPointer, "end");
                if (start > end)
                {
                    Problem(Diagnostics.DiagnosticCodes.ImportWrongType, selectorPointer,
                        $"the TextPositionSelector starts after it ends ({start} > {end}) (JSON pointer {selectorPointer}); its span is read as missing");
                    (start, end) = (null, null);
                }
                else if (start is null || end is null)
                {
                    (start, end) = (null, null); // a span needs both ends
                }
            }
            else if (type is not ("TextQuoteSelector" or "TextPositionSelector"))
            {
                ignored.Add(type ?? "a selector without a type");
            }

            if (selector.TryGetProperty("refinedBy", out _))
            {
                ignored.Add("refinedBy");
            }
        }

        return any ? new ImportedTarget(source, exact, prefix, suffix, start, end, essayVersion) : null;
    }

    /// <summary>
    /// A creator's handle or name: an agent's nickname, else its name, else a handle read from its acct: or GitHub id
    /// or homepage, else its id as given; a bare IRI the same way; of several creators, the first.
    /// </summary>
    private string? CreatorOf(JsonElement creator, string pointer)
    {
        if (creator.ValueKind == JsonValueKind.Array)
        {
            var first = creator.EnumerateArray().FirstOrDefault();
            return first.ValueKind is JsonValueKind.String or JsonValueKind.Object ? CreatorOf(first, Child(pointer, 0))
                : first.ValueKind == JsonValueKind.Undefined ? null
                : Wrong(Child(pointer, 0), first);
        }

        if (creator.ValueKind == JsonValueKind.String)
        {
            return StringValue(creator, pointer, "creator") is { } iri ? HandleFromIri(iri) ?? iri : null;
        }

        if (creator.ValueKind != JsonValueKind.Object)
        {
            return Wrong(pointer, creator);
        }

        var id = StringField(creator, pointer, "id");
        return FirstString(creator, pointer, "nickname")
            ?? FirstString(creator, pointer, "name")
            ?? (id is null ? null : HandleFromIri(id))
            ?? (StringField(creator, pointer, "homepage") is { } homepage ? HandleFromIri(homepage) : null)
            ?? id;

        string? Wrong(string at, JsonElement value)
        {
            WrongType(at, "a creator must be an object (an agent) or an address", value);
            return null;
        }
    }

    /// <summary>"acct:name@host" and "acct:name" give "name"; "https://github.com/name" gives "name"; others null.</summary>
    internal static string? HandleFromIri(string iri)
    {
        if (iri.StartsWith("acct:", StringComparison.OrdinalIgnoreCase))
        {
            var account = iri["acct:".Length..];
            var at = account.IndexOf('@', StringComparison.Ordinal);
            var name = at < 0 ? account : account[..at];
            return name.Length > 0 ? name : null;
        }

        if (Uri.TryCreate(iri, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            && uri.Host.Equals("github.com", StringComparison.OrdinalIgnoreCase) && uri.Query.Length == 0 && uri.Fragment.Length == 0)
        {
            var segments = uri.AbsolutePath.Trim('/').Split('/');
            return segments is [{ Length: > 0 } handle] ? Uri.UnescapeDataString(handle) : null;
        }

        return null;
    }
}
