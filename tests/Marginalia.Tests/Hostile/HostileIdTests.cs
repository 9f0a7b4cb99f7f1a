namespace Marginalia.Tests.Hostile;

/// <summary>
/// A file's name is its id, which becomes an anchor and an output path. Names that could escape a folder, hide a
/// character, differ only in case, take over an id the pages use, or simply not be read are refused with their code,
/// at line 1, column 1 (the problem is the name). A '/' or an absolute path cannot be a file name at all; the paths
/// a body can name (xref: and media/) are refused in HostileBodyTests.
/// </summary>
public class HostileIdTests
{
    public static TheoryData<string, string, string> Rejected => new()
    {
        // file (relative to the site), expected code, text the message shows for the id
        { "input/initiatives/Bhashini.md", "MG0601", "'Bhashini' is not a valid id" },
        { "input/annotations/...md", "MG0601", "'..' is not a valid id" },
        { "input/annotations/a\\b.md", "MG0601", "'a\\b' is not a valid id" },
        { "input/annotations/bha\u200Bshini.md", "MG0601", "'bha\\u200Bshini' is not a valid id" },
        { "input/glossary/wto\u202E.md", "MG0601", "'wto\\u202E' is not a valid id" },
        { "input/annotations/bhashini\n.md", "MG0601", "'bhashini\\u000A' is not a valid id" },
        { "input/glossary/main.md", "MG0615", "'main' is an id the site's pages use" },
        { "input/glossary/letter-a.md", "MG0615", "'letter-a' is an id the site's pages use" },
        { "input/glossary/page-title.md", "MG0615", "'page-title' is an id the site's pages use" },
        { "input/annotations/sub/nested.md", "MG0616", "this file is not read: only '<id>.md' files directly in input/annotations/ are" },
        { "input/initiatives/upper.MD", "MG0616", "this file is not read: only '<id>.md' files directly in input/initiatives/ are" },
        { "input/glossary/term.markdown", "MG0616", "this file is not read: only '<id>.md' files directly in input/glossary/ are" },
    };

    [Theory]
    [MemberData(nameof(Rejected))]
    public async Task A_hostile_file_name_is_rejected_at_line_1_column_1(string path, string code, string message)
    {
        // Given a copy of the repository with a well-formed file under a hostile name
        var text = path.Contains("/annotations/", StringComparison.Ordinal) ? HostileFiles.Note("Body.\n")
            : path.Contains("/glossary/", StringComparison.Ordinal) ? HostileFiles.Term()
            : HostileFiles.Initiative();

        // When it is built
        var (site, result) = await HostileFiles.BuildWithAsync(false, (path, text));
        using var _ = site;

        // Then the name is refused, once, with its code at 1:1, the path shown with any hidden character made visible
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal((code, Marginalia.Diagnostics.VisibleText.Escape(path), 1, 1), (error.Code.Id, error.Location.Path, error.Location.Line, error.Location.Column));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hidden_files_in_a_contributions_folder_are_left_alone()
    {
        // Given a .gitkeep and an editor's .DS_Store
        var (site, result) = await HostileFiles.BuildWithAsync(false, ("input/annotations/.gitkeep", string.Empty), ("input/glossary/.DS_Store", "x"));
        using var _ = site;

        // Then they are not contributions and not errors
        Assert.Empty(HostileFiles.Errors(result));
    }

    [Fact]
    public async Task A_term_note_and_initiative_may_share_an_id_because_each_lives_under_its_own_prefix()
    {
        // Given a note and an initiative named like the glossary's existing 'wto' term
        var (site, result) = await HostileFiles.BuildWithAsync(true,
            ("input/annotations/wto.md", HostileFiles.Note("Body.\n")),
            ("input/initiatives/wto.md", HostileFiles.Initiative()));
        using var _ = site;

        // Then the build succeeds: the note is #note-wto on the reader, the term #wto on the glossary page, the initiative its own page
        Assert.Empty(HostileFiles.Errors(result));
        Assert.Contains("id=\"note-wto\"", site.Read("output/index.html"), StringComparison.Ordinal);
        Assert.Contains("<div class=\"glossary-entry\" id=\"wto\">", site.Read("output/glossary/index.html"), StringComparison.Ordinal);
        Assert.True(File.Exists(site.PathOf("output/initiatives/wto/index.html")));
    }

    [Fact]
    public async Task Two_files_whose_names_differ_only_in_case_cannot_both_be_ids()
    {
        // Given 'Wto.md' beside the existing 'wto.md'
        var (site, result) = await HostileFiles.BuildWithAsync(false, ("input/glossary/Wto.md", HostileFiles.Term()));
        using var _ = site;

        // Then the upper-case one is refused (ids are lower-case), so no two ids can collide on a case-insensitive disk
        Assert.Equal(["MG0601 input/glossary/Wto.md:1:1"], HostileFiles.Errors(result));
    }
}
