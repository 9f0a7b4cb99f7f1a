using Marginalia.Contributions;
using Marginalia.Text;

namespace Marginalia.Scaffolding;

/// <summary>The id a new file gets: the one asked for, or a slug of the first words of what it is about.</summary>
internal static class ScaffoldIds
{
    public const int SlugWords = 5;

    public static (string? Id, ScaffoldProblem? Problem) Resolve(string? requested, string words)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (requested is not null)
        {
            if (Ids.IsValid(requested))
            {
                return (requested, null);
            }

            var suggestion = Slug.FromWords(requested);
            return (null, new ScaffoldProblem(ProblemKind.Usage,
                $"'{requested}' is not a valid id: use lowercase letters and digits in words joined by single hyphens",
                suggestion.Length > 0 ? $"try --id {suggestion}" : null));
        }

        var slug = Slug.FromWords(words, SlugWords);
        return Ids.IsValid(slug)
            ? (slug, null)
            : (null, new ScaffoldProblem(ProblemKind.Usage, $"no id can be made from '{words}'", "give one with --id, e.g. --id my-note"));
    }

    /// <summary>Whether a handle can go into <c>author</c>; the problem to report when it cannot.</summary>
    public static ScaffoldProblem? CheckAuthor(string author) =>
        Contributors.IsGitHubHandle(author)
            ? null
            : new ScaffoldProblem(ProblemKind.Usage, $"'{author}' is not a GitHub handle (letters, digits, single hyphens)", "give your GitHub user name with --author");
}
