using System.Text.RegularExpressions;

namespace Marginalia.Contributions;

/// <summary>The kinds of contributed file whose id becomes part of element ids on the pages.</summary>
internal enum IdOwner
{
    Note,
    Term,
    Initiative,
}

/// <summary>One way the site makes element ids: <see cref="Prefix"/> followed by a contributed id (when
/// <see cref="Owner"/> is set) or by anything the site itself generates (paragraph slugs, numbers, handles).</summary>
internal sealed record IdForm(string Prefix, IdOwner? Owner, string Where);

/// <summary>
/// Every element id the site's pages and editions carry, as forms: the prefixes the code writes (held here, and used
/// by the code that writes them, so they cannot drift apart), the ids the EPUB's own documents give, and whatever the
/// theme's layouts write, read from the layouts themselves (<see cref="FromLayouts"/>). A contributed id is reserved
/// when one of the ids it becomes could be an id of another form: two elements would share it, the second would
/// take over the first's links, and epubcheck would refuse the book. A test renders every page of a full build and
/// fails on any id these forms do not account for.
/// </summary>
internal sealed partial class PageIds
{
    public const string Note = "note-";
    public const string NoteMarker = "ref-";
    public const string TermTip = "tip-";
    public const string BookTerm = "term-";
    public const string InitiativeCard = "card-";
    public const string BookInitiative = "initiative-";
    public const string Paragraph = Content.EssayBuilder.ParagraphPrefix;
    public const string Section = Content.EssayBuilder.SectionPrefix;
    public const string Letter = "letter-";

    /// <summary>The ids the essay author's own footnotes get as notes: "fn-1" gives note-fn-1 and ref-fn-1.</summary>
    public const string AuthorFootnote = "fn-";

    public const string BookToc = "toc";
    public const string BookEssayTitle = "essay-title";
    public const string BookGlossaryTitle = "glossary-title";
    public const string BookInitiativesTitle = "initiatives-title";
    public const string BookHowToCite = "how-to-cite";
    public const string BookHowToCiteTitle = "how-to-cite-title";

    /// <summary>The forms the code writes, wherever a layout does not.</summary>
    public static readonly IReadOnlyList<IdForm> CodeForms =
    [
        new(Note, IdOwner.Note, "the reader, notes page, initiative pages, EPUB and single-file edition"),
        new(NoteMarker, IdOwner.Note, "the reader's note markers"),
        new(Note + AuthorFootnote, null, "the author's footnotes, as notes"),
        new(NoteMarker + AuthorFootnote, null, "the author's footnote markers"),
        new(string.Empty, IdOwner.Term, "the glossary page's entries"),
        new(TermTip, IdOwner.Term, "the reader's tooltips"),
        new(BookTerm, IdOwner.Term, "the EPUB's glossary"),
        new(InitiativeCard, IdOwner.Initiative, "the reader's initiative cards"),
        new(BookInitiative, IdOwner.Initiative, "the EPUB's initiatives"),
        new(Paragraph, null, "the essay's paragraphs"),
        new(Section, null, "the essay's sections"),
        new(Letter, null, "the glossary's A–Z index"),
    ];

    /// <summary>Ids the EPUB's own documents give, which no layout writes.</summary>
    public static readonly IReadOnlyList<string> BookIds = [BookToc, BookEssayTitle, BookGlossaryTitle, BookInitiativesTitle, BookHowToCite, BookHowToCiteTitle];

    private PageIds(IReadOnlySet<string> fixedIds, IReadOnlyList<IdForm> forms)
    {
        Fixed = fixedIds;
        Forms = forms;
    }

    /// <summary>Ids written as they are.</summary>
    public IReadOnlySet<string> Fixed { get; }

    /// <summary>Ids made of a prefix and a contributed or generated part.</summary>
    public IReadOnlyList<IdForm> Forms { get; }

    /// <summary>
    /// The code's forms and the EPUB's ids, with every id attribute of the layouts: a literal <c>id="main"</c> is a
    /// fixed id; <c>id="notes-{{ section.id }}"</c> a form with the prefix before the first tag. An id made wholly
    /// by a tag (<c>{{ note.element_id }}</c>) takes its form from the code, which the code forms hold.
    /// </summary>
    public static PageIds FromLayouts(IEnumerable<string> layouts)
    {
        ArgumentNullException.ThrowIfNull(layouts);
        var fixedIds = new HashSet<string>(BookIds, StringComparer.Ordinal);
        var forms = new List<IdForm>(CodeForms);
        foreach (var layout in layouts)
        {
            foreach (Match match in IdAttribute().Matches(layout))
            {
                var value = match.Groups["value"].Value;
                var tag = value.IndexOf("{{", StringComparison.Ordinal);
                var other = value.IndexOf("{%", StringComparison.Ordinal);
                tag = tag < 0 ? other : other < 0 ? tag : Math.Min(tag, other);
                if (tag < 0)
                {
                    fixedIds.Add(value);
                }
                else if (tag > 0 && !forms.Exists(f => f.Owner is null && f.Prefix == value[..tag]))
                {
                    forms.Add(new IdForm(value[..tag], null, "a layout"));
                }
            }
        }

        return new PageIds(fixedIds, forms);
    }

    /// <summary>The ids a contributed id of this kind becomes.</summary>
    public IEnumerable<string> IdsOf(IdOwner owner, string id) => Forms.Where(f => f.Owner == owner).Select(f => f.Prefix + id);

    /// <summary>
    /// The id of another form that one of this contribution's ids could equal, or null when it can equal none. Its
    /// own forms may overlap each other (a term "x" is "x" and "tip-x" on different pages of its own), but no other form.
    /// </summary>
    public string? Conflict(IdOwner owner, string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        foreach (var own in Forms.Where(f => f.Owner == owner))
        {
            var candidate = own.Prefix + id;
            if (Fixed.Contains(candidate))
            {
                return candidate;
            }

            foreach (var other in Forms)
            {
                // A form without a prefix (a term's bare id) could equal anything, so it is checked as a candidate, above
                // and here, but never taken as a family of its own, or every id would be reserved.
                if (other == own || other.Prefix.Length == 0 || (other.Owner == owner && other.Prefix == own.Prefix))
                {
                    continue;
                }

                if (candidate.StartsWith(other.Prefix, StringComparison.Ordinal))
                {
                    return $"{other.Prefix}… ({other.Where})";
                }
            }
        }

        return null;
    }

    /// <summary>Whether an id on a page is accounted for: a fixed id, or some form's prefix followed by something.</summary>
    public bool Covers(string id, IReadOnlyDictionary<IdOwner, IReadOnlySet<string>> contributed)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(contributed);
        return Fixed.Contains(id) || Forms.Any(f => f.Owner is { } owner
            ? id.StartsWith(f.Prefix, StringComparison.Ordinal) && contributed.TryGetValue(owner, out var ids) && ids.Contains(id[f.Prefix.Length..])
            : f.Prefix.Length > 0 && id.StartsWith(f.Prefix, StringComparison.Ordinal) && id.Length > f.Prefix.Length);
    }

    [GeneratedRegex("(?<![\\w-])id=\"(?<value>[^\"]*)\"")]
    private static partial Regex IdAttribute();
}
