using System.Text;
using System.Text.Json.Nodes;
using Marginalia.Importing;
using Marginalia.Tests.Support;

namespace Marginalia.Tests.Importing;

/// <summary>Our own annotations.jsonld, built from the repository's input/, read back.</summary>
public sealed class ImportDocumentOwnExportTests(BuiltSite site) : IClassFixture<BuiltSite>
{
    private readonly ImportDocumentResult _result = ImportDocument.Read("output/annotations.jsonld", Encoding.UTF8.GetBytes(site.Read("annotations.jsonld")));
    private readonly JsonArray _items = (JsonArray)JsonNode.Parse(site.Read("annotations.jsonld"))!["first"]!["items"]!;

    [Fact]
    public void Every_exported_annotation_is_read_without_a_problem_in_order()
    {
        // Then all 38 contributors' notes (the export leaves out the author's footnotes) are read at /first/items/n
        Assert.Empty(_result.Problems);
        Assert.Equal(ImportFormat.WebAnnotation, _result.Format);
        Assert.Equal(38, _result.Annotations.Length);
        Assert.Equal(Enumerable.Range(0, 38).Select(i => "/first/items/" + i), _result.Annotations.Select(a => a.Pointer));
        Assert.Equal(_items.Select(item => (string)item!["id"]!), _result.Annotations.Select(a => a.Id));

        // And the first one's '{' is on line 22, column 7 (the collection's header, its @context array included, takes 21 lines)
        Assert.Equal(("output/annotations.jsonld", 22, 7), (_result.Annotations[0].Location.Path, _result.Annotations[0].Location.Line, _result.Annotations[0].Location.Column));
    }

    [Fact]
    public void Quotes_context_and_positions_are_the_exported_ones()
    {
        var exported = _items.Select(item => item!["target"]!["selector"]!.AsArray()).Select(selectors => (
            Exact: (string?)selectors.Single(s => (string)s!["type"]! == "TextQuoteSelector")!["exact"],
            Prefix: (string?)selectors.Single(s => (string)s!["type"]! == "TextQuoteSelector")!["prefix"],
            Suffix: (string?)selectors.Single(s => (string)s!["type"]! == "TextQuoteSelector")!["suffix"],
            Start: (int?)selectors.Single(s => (string)s!["type"]! == "TextPositionSelector")!["start"],
            End: (int?)selectors.Single(s => (string)s!["type"]! == "TextPositionSelector")!["end"]));

        Assert.Equal(exported, _result.Annotations.Select(a => (a.Target!.Exact, a.Target.Prefix, a.Target.Suffix, a.Target.Start, a.Target.End)));
        Assert.All(_result.Annotations, a => Assert.Equal("https://marginalia.netlify.app/essay.txt", a.Target!.Source));
        Assert.Contains(_result.Annotations, a => a.Target!.Exact == "US-China trade stand-offs");
    }

    [Fact]
    public void Creators_dates_and_bodies_are_read_as_exported()
    {
        Assert.Equal(_items.Select(item => (string?)item!["creator"]?["nickname"] ?? (string?)item!["creator"]?["name"]), _result.Annotations.Select(a => a.Creator));
        Assert.Equal(_items.Select(item => (string)item!["created"]!), _result.Annotations.Select(a => a.Created));
        Assert.All(_result.Annotations, a => Assert.NotNull(a.CreatedAt));
        Assert.All(_result.Annotations, a => Assert.Equal("text/html", Assert.Single(a.Bodies).Format));
        Assert.Equal("marginalia-editors", _result.Annotations[0].Creator);
        Assert.All(_result.Annotations, a => Assert.False(a.IsReply || a.IsHidden || a.IsFlagged || a.IsDeleted));
        Assert.Contains(_result.Annotations, a => !a.Links.IsEmpty);
    }
}
