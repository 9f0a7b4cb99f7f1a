using System.Collections.Immutable;
using Marginalia.Contributions;

namespace Marginalia.Glossary;

/// <summary>A validated glossary term from <c>input/glossary/&lt;id&gt;.md</c>; <see cref="Definition"/> is its one-sentence <c>short</c>.</summary>
internal sealed record GlossaryTerm(
    string Id,
    string SourcePath,
    string Term,
    ImmutableArray<string> Aliases,
    bool CaseSensitive,
    string Definition,
    string Author,
    DateOnly? Created,
    ImmutableArray<NoteSource> Sources,
    string BodyHtml)
{
    /// <summary>Every form the term is found by: its display form first, then its aliases.</summary>
    public IEnumerable<string> Forms => Aliases.Prepend(Term);

    /// <summary>The id of its tooltip in the reader page.</summary>
    public string TipId => Contributions.PageIds.TermTip + Id;
}
