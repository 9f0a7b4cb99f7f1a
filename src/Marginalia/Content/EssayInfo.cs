namespace Marginalia.Content;

/// <summary>The essay's front matter (a contract: see README, "The essay").</summary>
public sealed record EssayInfo(
    string Title,
    bool TitleIsEditorial,
    string Author,
    string? Publisher,
    string? RepublishedBy,
    string Language,
    DateOnly? Published)
{
    public static readonly IReadOnlyList<string> Fields =
        ["title", "title-is-editorial", "author", "publisher", "republished-by", "language", "published"];
}
