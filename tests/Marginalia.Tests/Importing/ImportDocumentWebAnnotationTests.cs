using Marginalia.Diagnostics;
using Marginalia.Importing;

namespace Marginalia.Tests.Importing;

public sealed class ImportDocumentWebAnnotationTests
{
    [Fact]
    public void A_collection_is_read_through_every_embedded_next_page_in_order()
    {
        // Given a collection of four annotations in two pages, the second embedded as the first page's "next"
        // When it is read
        var result = ImportFixtures.Read("webanno-collection-two-pages.jsonld");

        // Then all four are read, with the pointers and lines of their '{'
        Assert.Empty(result.Problems);
        Assert.Equal(ImportFormat.WebAnnotation, result.Format);
        Assert.Equal(
            ["/first/items/0", "/first/items/1", "/first/next/items/0", "/first/next/items/1"],
            result.Annotations.Select(a => a.Pointer));
        Assert.Equal(
            [new SourceLocation("import/webanno-collection-two-pages.jsonld", 12, 7), new("import/webanno-collection-two-pages.jsonld", 50, 7),
             new("import/webanno-collection-two-pages.jsonld", 104, 9), new("import/webanno-collection-two-pages.jsonld", 148, 9)],
            result.Annotations.Select(a => a.Location));
    }

    [Fact]
    public void An_annotation_like_our_export_gives_its_quote_position_version_creator_dates_and_bodies()
    {
        // Given the collection's second annotation: the second "trade agreements" of the essay, with a linking body
        var annotation = ImportFixtures.Read("webanno-collection-two-pages.jsonld").Annotations[1];

        // Then every field is read as written
        Assert.Equal("https://reading-group.example.org/anno/trade-agreements-2", annotation.Id);
        Assert.Equal(["commenting"], annotation.Motivations.AsEnumerable());
        Assert.Equal("ada-l", annotation.Creator);
        Assert.Equal("2026-11-21T10:00:00Z", annotation.Created);
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero), annotation.CreatedAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.FromHours(1)), annotation.ModifiedAt);
        Assert.Equal(
            new ImportedTarget("https://marginalia.netlify.app/essay.txt", "trade agreements", "Global unity is no longer about ", " or shipping containers. It is n",
                6504, 6520, "57bf2d8f2f98"),
            annotation.Target);
        Assert.Equal([new ImportedBody("Here the phrase closes the argument it opened in the second section.", "text/plain", null, "commenting")], annotation.Bodies.AsEnumerable());
        Assert.Equal([new ImportedLink("https://www.wto.org/english/tratop_e/region_e/region_e.htm", "WTO: Regional trade agreements")], annotation.Links.AsEnumerable());
        Assert.Empty(annotation.Tags);
        Assert.Equal((false, false, false, false), (annotation.IsReply, annotation.IsHidden, annotation.IsFlagged, annotation.IsDeleted));
        Assert.Empty(annotation.IgnoredSelectors);
    }

    [Fact]
    public void A_tagging_body_is_a_tag_and_a_name_or_acct_creator_gives_the_author()
    {
        // Given the second page: a describing note tagged "fact-check" by a named person, and one by an acct: IRI
        var annotations = ImportFixtures.Read("webanno-collection-two-pages.jsonld").Annotations;

        // Then the tagging body is a tag (not a body), and the creators are the name and the account's user
        Assert.Equal(["fact-check"], annotations[2].Tags.AsEnumerable());
        Assert.Equal(
            [new ImportedBody("Bhashini launched in 2022 under the National Language Translation Mission.", "text/markdown", "en", "describing")],
            annotations[2].Bodies.AsEnumerable());
        Assert.Equal("Grace Hopper", annotations[2].Creator);
        Assert.Equal("linus", annotations[3].Creator);
        Assert.Equal(
            new ImportedTarget("https://marginalia.netlify.app/essay.txt", "predicting floods in Assam", "itizen juries. Whether used for ", " or optimizing school lunches in", null, null, null),
            annotations[3].Target);
    }

    [Fact]
    public void A_json_array_gives_creators_from_an_iri_or_the_first_of_several_a_reply_by_target_and_a_page_note()
    {
        // Given an array of four annotations
        var result = ImportFixtures.Read("webanno-array.json");

        // Then they are read at "/0".."/3" on the lines of their '{'
        Assert.Empty(result.Problems);
        Assert.Equal(ImportFormat.WebAnnotation, result.Format);
        Assert.Equal(["/0", "/1", "/2", "/3"], result.Annotations.Select(a => a.Pointer));
        Assert.Equal([2, 46, 71, 86], result.Annotations.Select(a => a.Location.Line));
        Assert.All(result.Annotations, a => Assert.Equal(3, a.Location.Column));

        var (first, second, reply, pageNote) = (result.Annotations[0], result.Annotations[1], result.Annotations[2], result.Annotations[3]);
        Assert.Equal("grace", first.Creator);
        Assert.Equal(["commenting", "describing"], first.Motivations.AsEnumerable());
        Assert.Equal("AI attachés or tech envoys", first.Target!.Exact);
        Assert.Equal(["RangeSelector", "refinedBy"], first.IgnoredSelectors.AsEnumerable());
        Assert.Equal("octocat", second.Creator);
        Assert.Equal([new ImportedLink("https://oecd.ai/en/ai-principles", null)], second.Links.AsEnumerable());
        Assert.Empty(second.Bodies);
        Assert.Equal((null, null), (second.Target!.Prefix, second.Target.Suffix));

        // The third targets the first annotation's id: a reply, though its motivation is not "replying"
        Assert.True(reply.IsReply);
        Assert.Null(reply.Target);
        Assert.Equal("Ada Lovelace", reply.Creator);
        Assert.Empty(reply.Motivations);

        // The fourth targets the site itself with no selector: a page note, not a reply
        Assert.False(pageNote.IsReply);
        Assert.Null(pageNote.Target);
        Assert.False(first.IsReply);
    }

    [Fact]
    public void A_single_annotation_keeps_its_html_body_as_html_for_the_mapper()
    {
        // Given one annotation alone, its body text/html with a Sources list
        var result = ImportFixtures.Read("webanno-single-html-body.jsonld");

        // Then it is read at the empty pointer, line 1, column 1
        Assert.Empty(result.Problems);
        var annotation = Assert.Single(result.Annotations);
        Assert.Equal(("", new SourceLocation("import/webanno-single-html-body.jsonld", 1, 1)), (annotation.Pointer, annotation.Location));
        var body = Assert.Single(annotation.Bodies.AsEnumerable());
        Assert.Equal(("text/html", "en", "commenting"), (body.Format, body.Language, body.Purpose));
        Assert.StartsWith("<p>The image echoes Licklider’s <em>man-computer symbiosis</em>", body.Value, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://groups.csail.mit.edu/medg/people/psz/Licklider.html\">", body.Value, StringComparison.Ordinal);
        Assert.Equal("a shared canvas for human ingenuity", annotation.Target!.Exact);
        Assert.Equal((7482, 7517), (annotation.Target.Start, annotation.Target.End));
        Assert.Equal("2026-12-01T07:15:00Z", annotation.Modified);
    }

    [Fact]
    public void A_hostile_html_body_and_a_span_past_the_essay_are_read_as_given_for_the_mapper_to_judge()
    {
        // Given script, event handlers and javascript: links in the body, and a position past the essay's end
        var result = ImportFixtures.Read("webanno-hostile-html-body.jsonld");

        // Then reading neither runs nor drops them: sanitising and the range check belong to the mapper
        Assert.Empty(result.Problems);
        var annotation = Assert.Single(result.Annotations);
        Assert.Contains("<script>alert(2)</script>", Assert.Single(annotation.Bodies).Value, StringComparison.Ordinal);
        Assert.Equal<ImportedLink>([new ImportedLink("javascript:alert(5)", "A script link")], annotation.Links);
        Assert.Equal(("citizen juries", 9000, 9014), (annotation.Target!.Exact, annotation.Target.Start, annotation.Target.End));
    }

    [Fact]
    public void An_annotation_page_alone_is_read_at_its_items()
    {
        // Given a page on its own, no collection around it
        var result = ImportFixtures.ReadJson("""
            {"type": "AnnotationPage", "items": [
              {"type": "Annotation", "id": "a1", "target": {"source": "x", "selector": {"type": "TextQuoteSelector", "exact": "citizen juries"}}}
            ]}
            """);

        // Then its annotation is at /items/0, line 2, column 3
        Assert.Empty(result.Problems);
        var annotation = Assert.Single(result.Annotations);
        Assert.Equal(("/items/0", 2, 3), (annotation.Pointer, annotation.Location.Line, annotation.Location.Column));
        Assert.Equal("citizen juries", annotation.Target!.Exact);
    }

    [Fact]
    public void A_page_given_only_by_its_address_is_a_problem_at_its_pointer_not_silently_dropped()
    {
        // Given a collection whose first page is embedded and whose next page is only an IRI
        var result = ImportFixtures.ReadJson("""
            {"type": "AnnotationCollection", "first": {"id": "https://x.example/c#1", "type": "AnnotationPage",
              "items": [{"type": "Annotation", "id": "a1"}],
              "next": "https://x.example/c#2"}}
            """);

        // Then the first page's annotation is read and the missing page is named where it is referred to
        Assert.Single(result.Annotations);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(DiagnosticCodes.ImportPageMissing, problem.Code);
        Assert.Equal(new SourceLocation("in.json", 3, 11), problem.Location);
        Assert.Equal("page https://x.example/c#2 is not in this file; export it with its pages embedded (JSON pointer /first/next)", problem.Message);
    }

    [Fact]
    public void A_next_that_names_a_page_already_read_ends_the_chain_without_a_problem()
    {
        // Given three embedded pages, the last naming the first as its next (a loop, not a missing page)
        var result = ImportFixtures.ReadJson("""
            {"type": "AnnotationCollection", "first": {"id": "p1", "items": [{"type": "Annotation", "id": "a"}],
              "next": {"id": "p2", "items": [{"type": "Annotation", "id": "b"}],
                "next": {"id": "p3", "items": [{"type": "Annotation", "id": "c"}], "next": "p1"}}}}
            """);

        Assert.Empty(result.Problems);
        Assert.Equal(["/first/items/0", "/first/next/items/0", "/first/next/next/items/0"], result.Annotations.Select(a => a.Pointer));
        Assert.Equal([1, 2, 3], result.Annotations.Select(a => a.Location.Line));
    }

    [Fact]
    public void A_first_page_given_as_an_address_is_a_problem_too()
    {
        var result = ImportFixtures.ReadJson("""{"type": "AnnotationCollection", "total": 3, "first": "https://x.example/c?page=0"}""");

        Assert.Empty(result.Annotations);
        var problem = Assert.Single(result.Problems);
        Assert.Equal((DiagnosticCodes.ImportPageMissing, 1, 55), (problem.Code, problem.Location.Line, problem.Location.Column));
        Assert.Contains("(JSON pointer /first)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reply_is_a_replying_motivation_and_a_deleted_flag_or_tombstone_is_deleted()
    {
        var result = ImportFixtures.ReadJson("""
            [{"type": "Annotation", "id": "a", "motivation": "replying"},
             {"type": "Annotation", "id": "b", "deleted": true},
             {"type": ["Annotation", "Tombstone"], "id": "c"},
             {"type": "Annotation", "id": "d", "target": [{"source": "https://x.example/"}, {"id": "a"}]}]
            """);

        Assert.Empty(result.Problems);
        Assert.Equal([true, false, false, true], result.Annotations.Select(a => a.IsReply));
        Assert.Equal([false, true, true, false], result.Annotations.Select(a => a.IsDeleted));
    }

    [Fact]
    public void The_first_target_that_gives_a_quote_is_chosen_and_other_selectors_are_listed_as_ignored()
    {
        var result = ImportFixtures.ReadJson("""
            {"type": "Annotation", "target": [
              {"source": "https://a.example/", "selector": {"type": "XPathSelector", "value": "/p[1]"}},
              {"source": {"id": "https://b.example/essay.txt"}, "marginalia:essayVersion": "0123456789ab",
               "selector": [{"type": "CssSelector", "value": "p"}, {"type": "TextQuoteSelector", "exact": "x", "prefix": "p", "suffix": "s"},
                            {"type": "TextPositionSelector", "start": 4, "end": 5}, {"type": "FragmentSelector", "value": "t=1"}, {"value": 1}]}]}
            """);

        Assert.Empty(result.Problems);
        var annotation = Assert.Single(result.Annotations);
        Assert.Equal(new ImportedTarget("https://b.example/essay.txt", "x", "p", "s", 4, 5, "0123456789ab"), annotation.Target);
        Assert.Equal(["XPathSelector", "CssSelector", "FragmentSelector", "a selector without a type"], annotation.IgnoredSelectors.AsEnumerable());
    }

    [Fact]
    public void Bodies_in_every_form_sort_into_text_tags_and_links()
    {
        var result = ImportFixtures.ReadJson("""
            {"type": "Annotation", "motivation": "commenting", "body": [
              "https://bare.example/",
              {"type": "TextualBody", "value": "plain"},
              {"type": "TextualBody", "purpose": ["tagging"], "value": "context"},
              {"id": "https://external.example/page", "title": "External"},
              {"type": "SpecificResource", "purpose": "linking", "source": "https://src.example/", "name": "Named"},
              {"type": "Choice", "items": [{"type": "TextualBody", "value": "Bonjour", "language": ["fr"], "format": "text/plain"}]}]}
            """);

        Assert.Empty(result.Problems);
        var annotation = Assert.Single(result.Annotations);
        Assert.Equal(["context"], annotation.Tags.AsEnumerable());
        Assert.Equal([new ImportedBody("plain", "text/plain", null, null), new ImportedBody("Bonjour", "text/plain", "fr", null)], annotation.Bodies.AsEnumerable());
        Assert.Equal(
            [new ImportedLink("https://bare.example/", null), new ImportedLink("https://external.example/page", "External"), new ImportedLink("https://src.example/", "Named")],
            annotation.Links.AsEnumerable());
    }

    [Fact]
    public void A_tagging_motivation_makes_its_purposeless_bodies_tags()
    {
        var result = ImportFixtures.ReadJson("""{"type": "Annotation", "motivation": "tagging", "body": [{"type": "TextualBody", "value": "fact-check"}]}""");

        Assert.Equal(["fact-check"], Assert.Single(result.Annotations).Tags.AsEnumerable());
        Assert.Empty(result.Annotations[0].Bodies);
    }

    [Theory]
    [InlineData("acct:ada@hypothes.is", "ada")]
    [InlineData("acct:ada", "ada")]
    [InlineData("https://github.com/octocat", "octocat")]
    [InlineData("https://github.com/octocat/", "octocat")]
    [InlineData("https://github.com/octocat/repo", null)]
    [InlineData("https://example.org/people/ada", null)]
    [InlineData("acct:@host", null)]
    public void A_handle_is_read_from_an_acct_or_github_address(string iri, string? handle) =>
        Assert.Equal(handle, ImportReader.HandleFromIri(iri));

    [Fact]
    public void A_creator_iri_that_names_no_handle_is_kept_as_given()
    {
        var result = ImportFixtures.ReadJson("""{"type": "Annotation", "creator": {"id": "https://example.org/people/ada"}}""");

        Assert.Equal("https://example.org/people/ada", Assert.Single(result.Annotations).Creator);
    }
}
