using Marginalia.Content;
using Marginalia.Diagnostics;

namespace Marginalia.Contributions;

/// <summary>
/// The part every contributed file shares — an id from its name, front matter with only known fields, an author who
/// is a GitHub handle, a Markdown body under the untrusted-content rules — read the same way for notes, terms and
/// initiatives, so the three readers only read what is their own.
/// </summary>
internal sealed class ContributionFile
{
    private ContributionFile(string id, bool idOk, FrontMatter frontMatter, FieldParser fields, SourceText source)
    {
        Id = id;
        IdOk = idOk;
        FrontMatter = frontMatter;
        Fields = fields;
        Source = source;
    }

    public string Id { get; }

    public bool IdOk { get; }

    public FrontMatter FrontMatter { get; }

    public FieldParser Fields { get; }

    public SourceText Source { get; }

    /// <summary>Opens a contributed file: checks its id, parses its front matter and rejects unknown fields.</summary>
    /// <returns>Null when the front matter cannot be read at all (reported).</returns>
    public static ContributionFile? Open(SourceText source, IReadOnlyList<string> knownFields, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(knownFields);
        var id = Path.GetFileNameWithoutExtension(source.DisplayPath);
        var idOk = Ids.Check(id, source.DisplayPath, diagnostics);
        var frontMatter = FrontMatterParser.Parse(source, diagnostics, literalsChecked: true);
        if (frontMatter is null)
        {
            return null;
        }

        Placeholders.Check(source, diagnostics);
        var fields = FieldParser.For(frontMatter, diagnostics);
        fields.RejectUnknown([.. knownFields]);
        InvisibleCharacters.Check(source, fields);
        return new ContributionFile(id, idOk, frontMatter, fields, source);
    }

    /// <summary>The required <c>author</c>: a GitHub handle, not a display name.</summary>
    public string? ReadAuthor()
    {
        var author = Fields.RequiredString("author");
        if (author is not null && !Contributors.IsGitHubHandle(author))
        {
            Fields.Error(DiagnosticCodes.InvalidValue, Fields.LocationOf("author"), $"'author' must be a GitHub handle (letters, digits, single hyphens), not '{author}'",
                "write the contributor's GitHub user name, not a display name");
        }

        return author;
    }

    /// <summary>The body, rendered under the untrusted-content rules.</summary>
    /// <param name="allowHeadings">True for an initiative's page (see <see cref="BodyHeadings"/>).</param>
    public RenderedBody? RenderBody(string mediaFolder, DiagnosticBag diagnostics, bool allowHeadings = false) =>
        ContributedMarkdown.Render(FrontMatter.Body, Source.DisplayPath, FrontMatter.BodyLine, mediaFolder, diagnostics, allowHeadings);
}
