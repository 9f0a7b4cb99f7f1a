using Marginalia.Contributions;
using Marginalia.Tests.Support;

namespace Marginalia.Tests.Contributions;

public sealed class PageIdsTests
{
    private static readonly PageIds Theme = PageIds.FromLayouts(Directory.GetFiles(Path.Combine(RepoPaths.Theme, "layouts"), "*.liquid", SearchOption.AllDirectories).Select(File.ReadAllText));

    [Theory]
    // A note becomes note-<id> and ref-<id>: the author's footnotes are notes fn-<label>
    [InlineData(IdOwner.Note, "fn-1")]
    [InlineData(IdOwner.Note, "fn-2")]
    [InlineData(IdOwner.Note, "fn-note")]
    [InlineData(IdOwner.Note, "fn-1-2")]
    // A term is bare on the glossary page: every fixed id of a layout, every prefix the site or another kind writes
    [InlineData(IdOwner.Term, "main")]
    [InlineData(IdOwner.Term, "page-title")]
    [InlineData(IdOwner.Term, "glossary-title")]
    [InlineData(IdOwner.Term, "essay")]
    [InlineData(IdOwner.Term, "essay-title")]
    [InlineData(IdOwner.Term, "endnotes-title")]
    [InlineData(IdOwner.Term, "toc-title")]
    [InlineData(IdOwner.Term, "corrections")]
    [InlineData(IdOwner.Term, "in-the-essay")]
    [InlineData(IdOwner.Term, "notes-on-this")]
    [InlineData(IdOwner.Term, "notes-unanchored")]
    [InlineData(IdOwner.Term, "title-note")]
    [InlineData(IdOwner.Term, "toc")]
    [InlineData(IdOwner.Term, "initiatives-title")]
    [InlineData(IdOwner.Term, "letter-a")]
    [InlineData(IdOwner.Term, "letter-other")]
    [InlineData(IdOwner.Term, "note-wto")]
    [InlineData(IdOwner.Term, "note-fn-1")]
    [InlineData(IdOwner.Term, "ref-wto")]
    [InlineData(IdOwner.Term, "p-the-early-promise-of")]
    [InlineData(IdOwner.Term, "s-opening")]
    [InlineData(IdOwner.Term, "notes-s-opening")]
    [InlineData(IdOwner.Term, "region-1")]
    [InlineData(IdOwner.Term, "c-mallory")]
    [InlineData(IdOwner.Term, "card-bhashini")]
    [InlineData(IdOwner.Term, "tip-wto")]
    [InlineData(IdOwner.Term, "term-wto")]
    [InlineData(IdOwner.Term, "initiative-bhashini")]
    internal void An_id_that_would_make_an_id_of_another_form_is_reserved(IdOwner owner, string id)
    {
        Assert.NotNull(Theme.Conflict(owner, id));
    }

    [Theory]
    [InlineData(IdOwner.Note, "wto")]
    [InlineData(IdOwner.Note, "fn")]
    [InlineData(IdOwner.Note, "fnord")]
    [InlineData(IdOwner.Note, "main")]
    [InlineData(IdOwner.Note, "p-1")]
    [InlineData(IdOwner.Term, "wto")]
    [InlineData(IdOwner.Term, "notes")]
    [InlineData(IdOwner.Term, "mainstream")]
    [InlineData(IdOwner.Term, "pa")]
    [InlineData(IdOwner.Term, "cards")]
    [InlineData(IdOwner.Initiative, "bhashini")]
    [InlineData(IdOwner.Initiative, "main")]
    [InlineData(IdOwner.Initiative, "fn-1")]
    internal void An_id_that_makes_only_its_own_forms_is_allowed(IdOwner owner, string id)
    {
        Assert.Null(Theme.Conflict(owner, id));
    }

    [Fact]
    public void Every_contribution_in_the_repository_has_an_allowed_id()
    {
        foreach (var (folder, owner) in new[] { ("annotations", IdOwner.Note), ("glossary", IdOwner.Term), ("initiatives", IdOwner.Initiative) })
        {
            foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Input, folder), "*.md"))
            {
                Assert.Null(Theme.Conflict(owner, Path.GetFileNameWithoutExtension(file)));
            }
        }
    }

    [Theory]
    [InlineData("<main id=\"main\">", "main", null)]
    [InlineData("<h2 id=\"notes-{{ section.id }}\">", null, "notes-")]
    [InlineData("<li id=\"x-{% if a %}1{% endif %}\">", null, "x-")]
    [InlineData("<section id=\"{{ group.id }}\">", null, null)]
    [InlineData("<p data-id=\"nope\" id=\"yes\">", "yes", null)]
    public void A_layout_gives_fixed_ids_and_forms_by_what_stands_before_its_first_tag(string layout, string? fixedId, string? prefix)
    {
        var ids = PageIds.FromLayouts([layout]);

        Assert.Equal(fixedId is null ? PageIds.BookIds.Count : PageIds.BookIds.Count + 1, ids.Fixed.Count);
        if (fixedId is not null)
        {
            Assert.Contains(fixedId, ids.Fixed);
        }

        Assert.Equal(prefix is null ? PageIds.CodeForms.Count : PageIds.CodeForms.Count + 1, ids.Forms.Count);
        if (prefix is not null)
        {
            Assert.Contains(ids.Forms, f => f.Prefix == prefix && f.Owner is null);
        }
    }

    [Fact]
    public void A_new_fixed_id_in_a_layout_is_reserved_without_any_list_being_edited()
    {
        var ids = PageIds.FromLayouts(["<aside id=\"shiny-new-box\"></aside><div id=\"thing-{{ x }}\"></div>"]);

        Assert.NotNull(ids.Conflict(IdOwner.Term, "shiny-new-box"));
        Assert.NotNull(ids.Conflict(IdOwner.Term, "thing-1"));
        Assert.Null(Theme.Conflict(IdOwner.Term, "shiny-new-box"));
    }
}
