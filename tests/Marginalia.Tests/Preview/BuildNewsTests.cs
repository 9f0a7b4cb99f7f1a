using Marginalia.Preview;

namespace Marginalia.Tests.Preview;

public sealed class BuildNewsTests
{
    [Fact]
    public void News_is_json_with_the_versions_the_outcome_and_the_changed_files_escaped()
    {
        // Given a build that changed a page whose name needs escaping in JSON
        var news = new BuildNews("0badcafe-3", "0badcafe-2", false, ["index.html", "notes/\"quoted\".html"]);

        // When it is written for the event stream
        var json = news.ToJson();

        // Then it is one line of JSON a browser's JSON.parse reads
        Assert.Equal("""{"version":"0badcafe-3","previous":"0badcafe-2","failed":false,"changed":["index.html","notes/\u0022quoted\u0022.html"]}""", json);
    }

    [Fact]
    public void Unknown_changes_are_null_not_an_empty_list()
    {
        // Given a failed build whose changes are unknown
        // When it is written
        var json = new BuildNews("0badcafe-4", "0badcafe-3", true, null).ToJson();

        // Then "changed" is null, which the script reads as "fetch the page and compare", where [] would mean "nothing to do"
        Assert.Equal("""{"version":"0badcafe-4","previous":"0badcafe-3","failed":true,"changed":null}""", json);
    }
}
