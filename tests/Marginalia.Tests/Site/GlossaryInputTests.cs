using Marginalia.Tests.Support;

namespace Marginalia.Tests.Site;

public class GlossaryInputTests
{
    [Fact]
    public async Task Two_files_claiming_one_alias_fail_the_build_naming_both()
    {
        using var site = TempSite.CopyOfRepository();
        site.Write("input/glossary/trade-body.md", "---\nterm: \"trade body\"\naliases: [\"WTO\"]\ncase: sensitive\nshort: \"A body for trade.\"\nauthor: someone\n---\nEntry.\n");

        var result = await site.BuildAsync();

        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal("input/glossary/wto.md:2:7: error MG0701: 'WTO' is already claimed by input/glossary/trade-body.md", error.ToString());
    }

    [Fact]
    public async Task A_term_the_essay_never_uses_is_a_warning_and_the_build_still_succeeds()
    {
        using var site = TempSite.CopyOfRepository();
        site.Write("input/glossary/blockchain.md", "---\nterm: \"blockchain\"\nshort: \"A shared ledger.\"\nauthor: someone\n---\nEntry.\n");

        var result = await site.BuildAsync();

        Assert.True(result.Succeeded);
        Assert.Equal("input/glossary/blockchain.md:2:7: warning MG0702: the term 'blockchain' occurs nowhere in the essay", Assert.Single(result.Diagnostics).ToString());
    }
}
