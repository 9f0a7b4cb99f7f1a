using System.Collections.Immutable;
using Marginalia.Contributions;

namespace Marginalia.Initiatives;

/// <summary>A validated initiative from <c>input/initiatives/&lt;id&gt;.md</c>: a real programme, hub, coalition… the essay names.</summary>
internal sealed record Initiative(
    string Id,
    string SourcePath,
    string Name,
    ImmutableArray<string> Mentions,
    string? Kind,
    ImmutableArray<string> Regions,
    int? Started,
    Uri? Url,
    string Summary,
    string Author,
    DateOnly? Created,
    ImmutableArray<NoteSource> Sources,
    string BodyHtml)
{
    /// <summary>Where it runs, as pages show it ("Kenya, Rwanda"), or null if its file does not say.</summary>
    public string? Region => Regions.IsDefaultOrEmpty ? null : string.Join(", ", Regions);

    /// <summary>Its page, relative to the site root.</summary>
    public string PagePath => $"initiatives/{Id}/index.html";

    /// <summary>The id of its preview card in the reader page.</summary>
    public string CardId => Contributions.PageIds.InitiativeCard + Id;
}
