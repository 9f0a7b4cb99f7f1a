using Marginalia.Tests.Support;

namespace Marginalia.Tests.Pages;

public class AboutPageTests
{
    [Fact]
    public async Task Corrections_in_the_essays_front_matter_are_listed_on_the_about_page()
    {
        using var site = TempSite.CopyOfRepository();
        site.Edit("input/essay.md", "language: en\n", "language: en\ncorrections:\n  - date: 2026-12-01\n    change: \"Restored ‘remarkably’ where the copy read ‘remarkebly’.\"\n");

        var build = await site.BuildAsync();

        Assert.True(build.Succeeded, string.Join('\n', build.Diagnostics));
        var about = site.Read("output/about/index.html");
        Assert.Contains("<h2 id=\"corrections\">Corrections</h2>", about, StringComparison.Ordinal);
        Assert.Contains("The editors have corrected the essay’s text once.", about, StringComparison.Ordinal);
        Assert.Contains("<li><time datetime=\"2026-12-01\">1 December 2026</time>: Restored ‘remarkably’ where the copy read ‘remarkebly’.</li>", about, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_corrections_the_about_page_says_there_are_none()
    {
        using var site = TempSite.CopyOfRepository();

        await site.BuildAsync();

        Assert.Contains("The editors have made no corrections to the essay’s text.", site.Read("output/about/index.html"), StringComparison.Ordinal);
    }
}
