namespace Marginalia.Content;

/// <summary>The essay's front matter (a contract: see README, "The essay").</summary>
internal sealed record EssayInfo(
    string Title,
    bool TitleIsEditorial,
    string Author,
    string? Publisher,
    string? RepublishedBy,
    string Language,
    DateOnly? Published)
{
    public static readonly IReadOnlyList<string> Fields =
        ["title", "title-is-editorial", "author", "publisher", "republished-by", "language", "published", "corrections"];

    /// <summary>The editors' corrections to the essay's text, oldest first: each changes its version, and notes re-anchor.</summary>
    public IReadOnlyList<EssayCorrection> Corrections { get; init; } = [];
}

/// <summary>One correction to the essay's text: when, and what changed (in the editors' words).</summary>
internal sealed record EssayCorrection(DateOnly Date, string Change);
