namespace Marginalia.Citations;

/// <summary>
/// An author as the styles write one: given names and a family name, or one literal name (a group, "World Health
/// Organization") when <see cref="Given"/> is null.
/// </summary>
internal sealed record PersonName(string? Given, string Family)
{
    /// <summary>
    /// The front matter's one author string. The last word is taken as the family name ("Partha Roy": Roy), the way
    /// the essay's own byline reads; a name written "Family, Given" says so with its comma.
    /// </summary>
    public static PersonName Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var trimmed = name.Trim();
        var comma = trimmed.IndexOf(',', StringComparison.Ordinal);
        if (comma > 0)
        {
            return new(trimmed[(comma + 1)..].Trim(), trimmed[..comma].Trim());
        }

        var space = trimmed.LastIndexOf(' ');
        return space < 0 ? new(null, trimmed) : new(trimmed[..space].Trim(), trimmed[(space + 1)..]);
    }

    /// <summary>"Partha Roy".</summary>
    public string Direct => Given is null ? Family : $"{Given} {Family}";

    /// <summary>"Roy, Partha".</summary>
    public string Inverted => Given is null ? Family : $"{Family}, {Given}";

    /// <summary>"Roy, P." (APA: initials, a hyphenated given name keeps its hyphen: "J.-P.").</summary>
    public string InvertedInitials => Given is null ? Family : $"{Family}, {Initials(Given)}";

    private static string Initials(string given) =>
        string.Join(' ', given.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(word => string.Join('-', word.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(part => char.ToUpperInvariant(part[0]) + "."))));
}
