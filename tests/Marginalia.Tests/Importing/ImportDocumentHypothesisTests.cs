using Marginalia.Diagnostics;
using Marginalia.Importing;

namespace Marginalia.Tests.Importing;

public sealed class ImportDocumentHypothesisTests
{
    private static readonly ImportDocumentResult Search = ImportFixtures.Read("hypothesis-search.json");

    [Fact]
    public void A_search_response_gives_its_rows_in_order_at_their_pointers_and_lines()
    {
        // Given a search response of seven rows
        // Then each is read at /rows/n, on the line of its '{', column 5
        Assert.Equal(ImportFormat.Hypothesis, Search.Format);
        Assert.Equal(["/rows/0", "/rows/1", "/rows/2", "/rows/3", "/rows/4", "/rows/5", "/rows/6"], Search.Annotations.Select(a => a.Pointer));
        Assert.Equal([4, 71, 118, 164, 228, 294, 346], Search.Annotations.Select(a => a.Location.Line));
        Assert.All(Search.Annotations, a => Assert.Equal(5, a.Location.Column));
        Assert.All(Search.Annotations, a => Assert.Equal(ImportFormat.Hypothesis, a.Format));
    }

    [Fact]
    public void The_hypothesis_clients_own_export_gives_its_annotations_as_rows()
    {
        // Given the JSON the Hypothesis client's export writes: export_date, export_userid, client_version, annotations
        var export = ImportFixtures.Read("hypothesis-client-export.json");

        // Then its two annotations are read at /annotations/n as Hypothesis rows: the first a note, the second a reply
        Assert.Equal(ImportFormat.Hypothesis, export.Format);
        Assert.Empty(export.Problems);
        Assert.Equal(["/annotations/0", "/annotations/1"], export.Annotations.Select(a => a.Pointer));
        Assert.Equal(("grace", "the AI ecosystem is new, open, and remarkably cooperative", false), (export.Annotations[0].Creator, export.Annotations[0].Target!.Exact, export.Annotations[0].IsReply));
        Assert.Equal(["counterpoint"], export.Annotations[0].Tags.ToList());
        Assert.True(export.Annotations[1].IsReply);
    }

    [Fact]
    public void A_total_above_the_rows_given_is_a_warning_naming_both_counts()
    {
        // Given "total": 9 with seven rows
        // Then one warning at the total, on line 2, column 12
        var problem = Assert.Single(Search.Problems);
        Assert.Equal((Severity.Warning, DiagnosticCodes.ImportRowsMissing), (problem.Severity, problem.Code));
        Assert.Equal(new SourceLocation("import/hypothesis-search.json", 2, 12), problem.Location);
        Assert.StartsWith("only 7 of 9 rows of the search are in this file (JSON pointer /total)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_gives_its_user_as_a_handle_its_text_as_markdown_its_tags_and_its_quote()
    {
        // Given the first row, by acct:ada_l@hypothes.is, tagged fact-check and jobs
        var row = Search.Annotations[0];

        // Then the handle drops "acct:" and the host, and the text is one Markdown body
        Assert.Equal("Hy1aaaaaaaaaaaaaaaaaaa", row.Id);
        Assert.Equal("ada_l", row.Creator);
        Assert.Equal<string>(["fact-check", "jobs"], row.Tags);
        Assert.Equal<ImportedBody>([new ImportedBody("The **IMF** put the share of jobs exposed to AI at 40 per cent in 2024.", "text/markdown", null, null)], row.Bodies);
        Assert.Empty(row.Motivations);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero), row.CreatedAt);
        Assert.Equal("2026-11-25T10:00:00.000000+00:00", row.Modified);

        // And the quote is read with the live page's positions as given (the mapper does not trust them); the range
        // selector is listed as ignored
        Assert.Equal("lead to job displacement", row.Target!.Exact);
        Assert.Equal("https://marginalia.netlify.app/", row.Target.Source);
        Assert.Equal((5910 + 1234, 5910 + 1234 + 24), (row.Target.Start, row.Target.End));
        Assert.Null(row.Target.EssayVersion);
        Assert.Equal<string>(["RangeSelector"], row.IgnoredSelectors);
        Assert.Equal((false, false, false, false), (row.IsReply, row.IsHidden, row.IsFlagged, row.IsDeleted));
    }

    [Fact]
    public void A_row_with_references_is_a_reply_and_a_target_without_selectors_is_a_page_note()
    {
        var (reply, pageNote) = (Search.Annotations[1], Search.Annotations[2]);

        Assert.True(reply.IsReply);
        Assert.Null(reply.Target);
        Assert.Equal("grace", reply.Creator);
        Assert.False(pageNote.IsReply);
        Assert.Null(pageNote.Target);
        Assert.Equal<string>(["source"], pageNote.Tags);
    }

    [Fact]
    public void Hidden_and_flagged_rows_are_marked()
    {
        // Given row 3 hidden, and row 6 with "flagged": false but a moderation flag count of 3
        Assert.Equal([false, false, false, true, false, false, false], Search.Annotations.Select(a => a.IsHidden));
        Assert.Equal([false, false, false, false, false, false, true], Search.Annotations.Select(a => a.IsFlagged));
    }

    [Fact]
    public void A_repeated_quote_keeps_the_prefix_and_suffix_that_decide_it_and_an_orphan_keeps_its_quote()
    {
        // Given "trade agreements" (twice in the essay) with the second one's context, and a quote not in the essay
        var (repeated, orphan) = (Search.Annotations[4].Target!, Search.Annotations[5].Target!);

        Assert.Equal(("trade agreements", "Global unity is no longer about ", " or shipping containers"), (repeated.Exact, repeated.Prefix, repeated.Suffix));
        Assert.Equal(("a borderless world of free markets", "What we see now is not ", ", but a world"), (orphan.Exact, orphan.Prefix, orphan.Suffix));
        Assert.Equal((null, null), (orphan.Start, orphan.End));
    }

    [Fact]
    public void A_single_hypothesis_annotation_is_read_at_the_top_level()
    {
        var result = ImportFixtures.Read("hypothesis-single.json");

        Assert.Empty(result.Problems);
        Assert.Equal(ImportFormat.Hypothesis, result.Format);
        var annotation = Assert.Single(result.Annotations);
        Assert.Equal(("", 1, 1), (annotation.Pointer, annotation.Location.Line, annotation.Location.Column));
        Assert.Equal("If globalisation was about moving goods, AI is about moving intelligence", annotation.Target!.Exact);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 9, 30, 0, TimeSpan.Zero), annotation.ModifiedAt);
        Assert.Equal<string>(["globalisation"], annotation.Tags);
    }

    [Fact]
    public void A_bare_array_of_hypothesis_rows_is_read_as_hypothesis()
    {
        var result = ImportFixtures.ReadJson("""[{"id": "h1", "user": "acct:bo@hypothes.is", "uri": "https://x.example/", "flagged": true, "deleted": true, "text": ""}]""");

        var annotation = Assert.Single(result.Annotations);
        Assert.Equal(ImportFormat.Hypothesis, result.Format);
        Assert.Equal(("bo", true, true), (annotation.Creator, annotation.IsFlagged, annotation.IsDeleted));
        Assert.Empty(annotation.Bodies); // an empty text is a highlight, with no body
    }
}
