using Marginalia.Content;
using Marginalia.Diagnostics;

namespace Marginalia.Tests.Content;

public class SiteSettingsParserTests
{
    private static (SiteSettings? Settings, IReadOnlyList<Diagnostic> Diagnostics) Read(string yaml)
    {
        var diagnostics = new DiagnosticBag();
        var settings = SiteSettingsParser.Read(new SourceText("/s", "input/site.yml", yaml), diagnostics);
        return (settings, diagnostics.Sorted());
    }

    [Fact]
    public void The_repository_site_yml_is_valid()
    {
        var diagnostics = new DiagnosticBag();
        var text = SourceFileReader.Read(Path.Combine(Support.RepoPaths.Input, "site.yml"), "input/site.yml", diagnostics)!;

        var settings = SiteSettingsParser.Read(text, diagnostics);

        Assert.Empty(diagnostics.Sorted());
        Assert.Equal("/", settings!.BasePath);
        Assert.Equal("main", settings.Branch);
    }

    [Fact]
    public void Defaults_apply_to_optional_settings()
    {
        var (settings, diagnostics) = Read("title: M\ndescription: D\nbase-url: https://essay.test/sub/\n");

        Assert.Empty(diagnostics);
        Assert.Equal("/sub/", settings!.BasePath);
        Assert.Equal("main", settings.Branch);
        Assert.Null(settings.Repository);
        Assert.Equal(MarkMode.FirstPerSection, settings.GlossaryMark);
        Assert.Equal(MarkMode.FirstPerSection, settings.InitiativesLink);
    }

    [Fact]
    public void Feature_settings_are_read_and_checked()
    {
        var (settings, _) = Read("title: M\ndescription: D\nbase-url: https://essay.test/\nglossary:\n  mark: all\ninitiatives:\n  link: first\n");

        Assert.Equal(MarkMode.All, settings!.GlossaryMark);
        Assert.Equal(MarkMode.First, settings.InitiativesLink);

        var (_, diagnostics) = Read("title: M\ndescription: D\nbase-url: https://essay.test/\nglossary:\n  mark: firts\n");
        var error = Assert.Single(diagnostics);
        Assert.Equal("input/site.yml:5:9: error MG0112: 'glossary.mark' must be one of first-per-section, first, all, not 'firts'", error.ToString());
        Assert.Equal("did you mean 'first'?", error.Hint);
    }

    [Fact]
    public void Unknown_keys_and_bad_addresses_are_all_reported_together()
    {
        var (settings, diagnostics) = Read("title: M\ndescripton: D\nbase-url: https://essay.test\nrepository: ftp://x\n");

        Assert.Null(settings);
        Assert.Equal(
        [
            "input/site.yml:1:1: error MG0111: required field 'description' is missing",
            "input/site.yml:2:1: error MG0110: unknown field 'descripton'",
            "input/site.yml:3:11: error MG0112: 'base-url' must end with '/'",
            "input/site.yml:4:13: error MG0112: 'repository' must be an absolute http:// or https:// address, not 'ftp://x'",
        ], diagnostics.Select(d => d.ToString()).Order(StringComparer.Ordinal));
    }
}
