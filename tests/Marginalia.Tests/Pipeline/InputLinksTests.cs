using Marginalia.Diagnostics;
using Marginalia.Pipeline;
using Marginalia.Tests.Support;

namespace Marginalia.Tests.Pipeline;

/// <summary>A symbolic link in input/ that leads out of it is refused, naming the link; links that stay inside are followed.</summary>
public sealed class InputLinksTests : IDisposable
{
    private const string Secret = "---\nquote: \"India’s Bhashini project\"\nauthor: mallory\ncreated: 2026-11-27\n---\nTOP-SECRET-CONTENT\n";

    // Outside the site: what a hostile link would point at.
    private readonly TempSite _outside = TempSite.Empty();

    public void Dispose() => _outside.Dispose();

    private string OutsideFile()
    {
        _outside.Write("secret.md", Secret);
        return _outside.PathOf("secret.md");
    }

    private static void AssertNothingLeaked(TempSite site) =>
        Assert.DoesNotContain(site.Snapshot().Values, bytes => System.Text.Encoding.UTF8.GetString(bytes).Contains("TOP-SECRET-CONTENT", StringComparison.Ordinal));

    [Fact]
    public async Task A_note_that_links_to_a_file_outside_input_is_refused_naming_the_link()
    {
        // Given a note file that is a symbolic link to a file outside the site
        using var site = TempSite.CopyOfRepository();
        var target = OutsideFile();
        File.CreateSymbolicLink(site.PathOf("input/annotations/leak.md"), target);

        // When the site is built
        var result = await site.BuildAsync();

        // Then the one error names the link and where it leads, and nothing of the target is published
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal($"input/annotations/leak.md:1:1: error MG0117: 'input/annotations/leak.md' is a symbolic link to '{target}', outside input/", error.ToString());
        Assert.Equal("copy the file into the folder instead of linking to it", error.Hint);
        Assert.False(result.WroteOutput);
        AssertNothingLeaked(site);
    }

    [Fact]
    public async Task A_relative_link_that_climbs_out_of_input_is_refused()
    {
        using var site = TempSite.CopyOfRepository();
        site.Write("private/notes.md", Secret);
        File.CreateSymbolicLink(site.PathOf("input/annotations/climb.md"), "../../private/notes.md");

        var result = await site.BuildAsync();

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(("MG0117", "input/annotations/climb.md"), (error.Code.Id, error.Location.Path));
        Assert.Equal($"'input/annotations/climb.md' is a symbolic link to '{site.PathOf("private/notes.md")}', outside input/", error.Message);
        AssertNothingLeaked(site);
    }

    [Fact]
    public async Task A_note_that_links_to_a_file_inside_input_is_read_as_usual()
    {
        // Given a note kept in a folder no pipeline reads, linked into annotations/ relatively
        using var site = TempSite.CopyOfRepository();
        site.Write("input/drafts/linked-note.md", Secret.Replace("TOP-SECRET-CONTENT", "Shared by link.", StringComparison.Ordinal));
        File.CreateSymbolicLink(site.PathOf("input/annotations/linked-note.md"), "../drafts/linked-note.md");

        var result = await site.BuildAsync();

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        Assert.Contains("Shared by link.", site.Read("output/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_essay_as_a_link_to_a_file_outside_input_is_refused()
    {
        using var site = TempSite.CopyOfRepository();
        _outside.Write("essay.md", site.Read("input/essay.md"));
        File.Delete(site.PathOf("input/essay.md"));
        File.CreateSymbolicLink(site.PathOf("input/essay.md"), _outside.PathOf("essay.md"));

        var result = await site.BuildAsync();

        Assert.Contains(result.Diagnostics, d => d.ToString() == $"input/essay.md:1:1: error MG0117: 'input/essay.md' is a symbolic link to '{_outside.PathOf("essay.md")}', outside input/");
        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task A_media_folder_linked_to_a_folder_outside_is_refused_once_naming_the_folder_link()
    {
        // Given input/media/photos linking to an outside folder of two files
        using var site = TempSite.CopyOfRepository();
        _outside.Write("photos/a.png", "TOP-SECRET-CONTENT");
        _outside.Write("photos/b.png", "TOP-SECRET-CONTENT");
        Directory.CreateDirectory(site.PathOf("input/media"));
        Directory.CreateSymbolicLink(site.PathOf("input/media/photos"), _outside.PathOf("photos"));

        var result = await site.BuildAsync();

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal($"input/media/photos:1:1: error MG0117: 'input/media/photos' is a symbolic link to '{_outside.PathOf("photos")}', outside input/", error.ToString());
        AssertNothingLeaked(site);
    }

    [Fact]
    public void A_link_to_a_path_inside_that_passes_through_a_folder_link_leading_out_is_refused()
    {
        // Given input/annotations/x.md -> ../sub/x.md (inside, on its face) where input/sub -> an outside folder
        using var site = TempSite.Empty();
        _outside.Write("dir/x.md", Secret);
        site.Write("input/annotations/keep.md", "x");
        Directory.CreateSymbolicLink(site.PathOf("input/sub"), _outside.PathOf("dir"));
        File.CreateSymbolicLink(site.PathOf("input/annotations/x.md"), "../sub/x.md");
        var roots = BuildRoots.From("input", "theme", "output", site.Root);
        var diagnostics = new DiagnosticBag();

        var ok = InputLinks.Check(roots.Input, site.PathOf("input/annotations/x.md"), roots, diagnostics);

        Assert.False(ok);
        Assert.Equal($"input/annotations/x.md:1:1: error MG0117: 'input/annotations/x.md' is a symbolic link to '{_outside.PathOf("dir/x.md")}', outside input/", Assert.Single(diagnostics.Sorted()).ToString());
        Assert.True(InputLinks.Check(roots.Input, site.PathOf("input/annotations/keep.md"), roots, diagnostics));
    }

    [Fact]
    public void A_link_loop_is_refused_not_followed_forever()
    {
        using var site = TempSite.Empty();
        Directory.CreateDirectory(site.PathOf("input"));
        File.CreateSymbolicLink(site.PathOf("input/a.md"), "b.md");
        File.CreateSymbolicLink(site.PathOf("input/b.md"), "a.md");
        var roots = BuildRoots.From("input", "theme", "output", site.Root);
        var diagnostics = new DiagnosticBag();

        var ok = InputLinks.Check(roots.Input, site.PathOf("input/a.md"), roots, diagnostics);

        Assert.False(ok);
        Assert.Equal("input/a.md:1:1: error MG0121: 'input/a.md' is a symbolic link that cannot be resolved: it leads through links back to itself", Assert.Single(diagnostics.Sorted()).ToString());
    }
}
