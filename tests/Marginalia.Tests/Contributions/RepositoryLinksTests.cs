using System.Web;
using AngleSharp.Html.Parser;
using Marginalia.Tests.Support;

namespace Marginalia.Tests.Contributions;

/// <summary>"Suggest an edit" and "Add a note" lead into the repository's web editor, built from site.yml.</summary>
public class RepositoryLinksTests
{
    [Fact]
    public async Task With_a_repository_each_note_links_to_its_file_in_the_web_editor_and_each_paragraph_offers_a_new_note()
    {
        // Given a site that names its repository
        using var site = TempSite.CopyOfRepository();
        site.Edit("input/site.yml", "branch: \"main\"", "repository: \"https://github.com/marginalia-essay/edition\"\nbranch: \"main\"");

        // When it is built
        var result = await site.BuildAsync();

        // Then each note's edit link names its file on the configured branch
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        var page = new HtmlParser().ParseDocument(site.Read("output/index.html"));
        Assert.Equal("https://github.com/marginalia-essay/edition/edit/main/input/annotations/wto-appellate-body.md",
            page.GetElementById("note-wto-appellate-body")!.QuerySelector("a.note-edit")!.GetAttribute("href"));

        // and each paragraph's "Add a note" opens the new-file page with a file name and a template quoting its first sentence
        var add = new Uri(page.GetElementById("p-even-more-alarmingly-previous")!.QuerySelector("a.add-note")!.GetAttribute("href")!);
        Assert.Equal("https://github.com/marginalia-essay/edition/new/main/input/annotations", add.GetLeftPart(UriPartial.Path));
        var query = HttpUtility.ParseQueryString(add.Query);
        Assert.Equal("even-more-alarmingly-previous.md", query["filename"]);
        Assert.StartsWith("---\nquote: \"Even more alarmingly, previous geopolitical frictions are re-emerging with fresh ferocity.\"\n", query["value"], StringComparison.Ordinal);
        Assert.Equal(19, page.QuerySelectorAll(".essay-body a.add-note").Length);

        // and "Suggest a note" on a selection (selection.js) is told the new-file page of the notes' folder
        Assert.Equal("https://github.com/marginalia-essay/edition/new/main/input/annotations", page.QuerySelector(".essay-body")!.GetAttribute("data-new-note"));
    }

    [Fact]
    public async Task Without_a_repository_there_are_no_edit_links()
    {
        using var site = TempSite.CopyOfRepository();

        Assert.True((await site.BuildAsync()).Succeeded);

        var page = new HtmlParser().ParseDocument(site.Read("output/index.html"));
        Assert.Empty(page.QuerySelectorAll("a.note-edit, a.add-note"));
        Assert.Null(page.QuerySelector(".essay-body")!.GetAttribute("data-new-note"));
        Assert.Matches("^[0-9a-f]{12}$", page.QuerySelector(".essay-body")!.GetAttribute("data-essay-version"));
    }
}
