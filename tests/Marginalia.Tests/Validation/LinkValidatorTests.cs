using Marginalia.Diagnostics;
using Marginalia.Pipeline;
using Marginalia.Validation;

namespace Marginalia.Tests.Validation;

public class LinkValidatorTests
{
    private static List<string> Validate(params (string Destination, string Html)[] pages)
    {
        var diagnostics = new DiagnosticBag();
        var documents = pages.Select(p => new Document("theme/layouts/x.liquid", p.Destination, p.Html)).ToList();
        documents.Add(new Document(null, "assets/site.12345678.css", "body{}"));
        LinkValidator.Validate(documents, "/", diagnostics);
        return diagnostics.Sorted().Select(d => $"{d.Code.Id} {d.Message}").ToList();
    }

    [Fact]
    public void Links_that_resolve_to_files_and_ids_pass()
    {
        var problems = Validate(
            ("index.html", "<p id=\"p-a\"><a href=\"about/index.html#team\">x</a><a href=\"#p-a\">¶</a><a href=\"https://elsewhere.test/\">out</a><link rel=\"stylesheet\" href=\"assets/site.12345678.css\"></p>"),
            ("about/index.html", "<h2 id=\"team\">T</h2><a href=\"../index.html#p-a\">back</a>"),
            ("404.html", "<a href=\"/index.html\">home</a><a href=\"/about/index.html#team\">about</a>"));

        Assert.Empty(problems);
    }

    [Fact]
    public void A_link_to_a_missing_page_is_an_error()
    {
        var problems = Validate(("index.html", "<a href=\"glossary/index.html\">g</a>"));

        Assert.Equal(["MG0501 index.html: link 'glossary/index.html' points to 'glossary/index.html', which is not in the site"], problems);
    }

    [Fact]
    public void A_link_to_a_folder_is_an_error_because_it_fails_from_disk()
    {
        var problems = Validate(("index.html", "<a href=\"about/\">a</a>"), ("about/index.html", "<p>x</p>"));

        Assert.Equal(["MG0501 index.html: link 'about/' names a folder; name the file ('about/index.html') so the page works opened from disk"], problems);
    }

    [Fact]
    public void A_fragment_missing_on_its_target_page_is_an_error()
    {
        var problems = Validate(
            ("index.html", "<a href=\"#p-gone\">x</a><a href=\"about/index.html#nobody\">y</a>"),
            ("about/index.html", "<p id=\"team\">x</p>"));

        Assert.Equal(
        [
            "MG0502 index.html: link '#p-gone' points to '#p-gone', which is not on index.html",
            "MG0502 index.html: link 'about/index.html#nobody' points to '#nobody', which is not on about/index.html",
        ], problems);
    }

    [Fact]
    public void A_link_that_climbs_out_of_the_site_is_an_error()
    {
        var problems = Validate(("index.html", "<a href=\"../secret.html\">x</a>"));

        Assert.Equal(["MG0501 index.html: link '../secret.html' points to '../secret.html', which is not in the site"], problems);
    }
}
