using System.Collections.Immutable;
using Marginalia.Diagnostics;

namespace Marginalia.Importing;

/// <summary>
/// One annotation of an import file, normalised across the formats and not yet judged: the mapper decides what it
/// becomes (a note, a question, or a skip with its reason).
/// </summary>
/// <param name="Pointer">The RFC 6901 JSON pointer of the annotation's object ("/first/items/3", "/rows/12", "" alone).</param>
/// <param name="Location">File, line and column (1-based, columns in UTF-16 units) of the annotation's '{'.</param>
/// <param name="Motivations">The W3C motivations, in order; empty for Hypothesis.</param>
/// <param name="Tags">Hypothesis tags and the values of W3C tagging bodies, in order.</param>
/// <param name="Bodies">Textual bodies that are not tags; a Hypothesis "text" as text/markdown.</param>
/// <param name="Links">Linking and external-resource bodies.</param>
/// <param name="Creator">A handle or name: a W3C creator's nickname, name, or acct:/GitHub id; a Hypothesis user's name.</param>
/// <param name="Target">The first target whose selectors give a quote (else the first with any selector); null for a page note.</param>
/// <param name="IsReply">Hypothesis references, a W3C "replying" motivation, or a target that is another annotation of the file.</param>
/// <param name="IsDeleted">A "deleted": true field, or a W3C/ActivityStreams "Tombstone" type.</param>
/// <param name="IgnoredSelectors">Selector types that were not read (RangeSelector, XPathSelector, …) and "refinedBy".</param>
internal sealed record ImportedAnnotation(
    string Pointer,
    SourceLocation Location,
    ImportFormat Format,
    string? Id,
    ImmutableArray<string> Motivations,
    ImmutableArray<string> Tags,
    ImmutableArray<ImportedBody> Bodies,
    ImmutableArray<ImportedLink> Links,
    string? Creator,
    string? Created,
    DateTimeOffset? CreatedAt,
    string? Modified,
    DateTimeOffset? ModifiedAt,
    ImportedTarget? Target,
    bool IsReply,
    bool IsHidden,
    bool IsFlagged,
    bool IsDeleted,
    ImmutableArray<string> IgnoredSelectors);
