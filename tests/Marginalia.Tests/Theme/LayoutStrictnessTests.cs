using Marginalia.Tests.Support;

namespace Marginalia.Tests.Theme;

/// <summary>A layout that reads what no model sets, or applies a filter Liquid lacks, fails the build at its place instead of rendering nothing.</summary>
public class LayoutStrictnessTests
{
    [Fact]
    public async Task A_misspelt_member_fails_the_build_at_its_line_and_column_and_writes_nothing()
    {
        using var site = TempSite.CopyOfRepository();
        site.Write("theme/layouts/404.liquid", "<main id=\"main\">\n  <h1>{{ page.titel }}</h1>\n</main>\n");

        var result = await site.BuildAsync();

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("theme/layouts/404.liquid:2:10: error MG0626: 'titel' is not defined for the 404 page: no model sets it, so it would render as nothing", error.ToString());
        Assert.False(result.Succeeded);
        Assert.Empty(site.Snapshot());
    }

    [Fact]
    public async Task An_undefined_variable_in_a_branch_the_page_takes_fails_the_build()
    {
        using var site = TempSite.CopyOfRepository();
        site.Write("theme/layouts/404.liquid", "<main id=\"main\">\n{% if page.title %}\n  <p>{{ nosuch }}</p>{% endif %}\n</main>\n");

        var result = await site.BuildAsync();

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("MG0626", error.Code.Id);
        Assert.Equal(("theme/layouts/404.liquid", 3, 9), (error.Location.Path, error.Location.Line, error.Location.Column));
        Assert.Empty(site.Snapshot());
    }

    [Fact]
    public async Task An_unknown_filter_fails_the_build_at_its_line_and_column_and_writes_nothing()
    {
        using var site = TempSite.CopyOfRepository();
        site.Write("theme/layouts/404.liquid", "<main id=\"main\">\n  <p>{{ x | nosuchfilter }}</p>\n</main>\n");

        var result = await site.BuildAsync();

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("theme/layouts/404.liquid:2:13: error MG0627: Liquid filter 'nosuchfilter' does not exist", error.ToString());
        Assert.Empty(site.Snapshot());
    }

    [Fact]
    public async Task An_unknown_filter_in_a_branch_no_page_takes_is_still_an_error()
    {
        // Checked when the layout is parsed, not when the filter runs: the false branch would never tell.
        using var site = TempSite.CopyOfRepository();
        site.Write("theme/layouts/404.liquid", "<main id=\"main\">{% if false %}{{ page.title | upcase | nosuchfilter }}{% endif %}</main>\n");

        var result = await site.BuildAsync();

        Assert.Equal(("MG0627", 1, 56), Assert.Single(result.Diagnostics) is var e ? (e.Code.Id, e.Location.Line, e.Location.Column) : default);
    }

    [Fact]
    public async Task A_misspelt_member_in_a_partial_is_reported_in_the_partial()
    {
        using var site = TempSite.CopyOfRepository();
        site.Write("theme/layouts/partials/greeting.liquid", "<p>\n{{ page.titel }}</p>\n");
        site.Write("theme/layouts/404.liquid", "<main id=\"main\">{% render 'partials/greeting', page: page %}</main>\n");

        var result = await site.BuildAsync();

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(("MG0626", "theme/layouts/partials/greeting.liquid", 2, 4), (error.Code.Id, error.Location.Path, error.Location.Line, error.Location.Column));
    }
}
