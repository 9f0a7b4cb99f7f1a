using Newtonsoft.Json.Linq;

namespace Marginalia.Tests.Annotations.Export;

/// <summary>The export checked against the Working Group's schemas, once <see cref="ConformanceSuiteTests"/> has proven them.</summary>
public sealed class AnnotationExporterConformanceTests
{
    [SkippableFact]
    public async Task Every_exported_annotation_passes_every_must_schema()
    {
        // Given one note of every kind over a text with emoji, with sources, an update and a language of its own
        ConformanceSuite.RequireOrSkip();
        var musts = await ConformanceSuite.LoadAsync(ConformanceSuite.AnnotationMusts);

        // When the notes are exported
        var items = (JArray)ConformanceSuite.Parse(ExportFixture.Export())["first"]!["items"]!;

        // Then each of the six annotations, as written (its own @context included), satisfies all 54 MUST schemas
        Assert.Equal(6, items.Count);
        Assert.Equal(54, musts.Count);
        Assert.All(items, item => Assert.True(musts.Failures(item).Count == 0, $"{item["id"]}:\n{musts.Explain(item)}"));
    }

    [SkippableFact]
    public async Task Exported_collection_passes_the_collection_and_page_must_schemas()
    {
        // Given the collection and page MUST schemas
        ConformanceSuite.RequireOrSkip();
        var collectionMusts = await ConformanceSuite.LoadAsync(ConformanceSuite.CollectionMusts);
        var pageMusts = await ConformanceSuite.LoadAsync(ConformanceSuite.PageMusts);

        // When the notes are exported, and the embedded page is also taken on its own (with the collection's context,
        // which JSON-LD gives it while embedded)
        var collection = ConformanceSuite.Parse(ExportFixture.Export());
        var page = (JObject)collection["first"]!.DeepClone();
        page.AddFirst(new JProperty("@context", collection["@context"]));

        // Then the collection passes as a collection and as a collection with an embedded page, and the page alone
        // passes as a page
        Assert.True(collectionMusts.Failures(collection).Count == 0, collectionMusts.Explain(collection));
        Assert.True(pageMusts.Failures(collection).Count == 0, pageMusts.Explain(collection));
        Assert.True(pageMusts.Failures(page).Count == 0, pageMusts.Explain(page));
    }

    [SkippableFact]
    public async Task Export_without_notes_is_a_valid_empty_collection()
    {
        // Given no notes at all
        ConformanceSuite.RequireOrSkip();
        var collectionMusts = await ConformanceSuite.LoadAsync(ConformanceSuite.CollectionMusts);

        // When they are exported
        var collection = ConformanceSuite.Parse(Marginalia.Annotations.Export.AnnotationExporter.Export(ExportFixture.Essay, [], ExportFixture.Settings));

        // Then the collection says it holds none, has no page, and passes every collection MUST schema
        Assert.Equal(0, (int)collection["total"]!);
        Assert.Null(collection["first"]);
        Assert.True(collectionMusts.Failures(collection).Count == 0, collectionMusts.Explain(collection));
    }

    [SkippableFact]
    public async Task Exported_annotations_implement_the_optional_features_they_use()
    {
        // Given the optional schemas for the features the export writes: motivation, creator, created, body format,
        // and purpose, quote and position selectors with prefix and suffix, scope; and language, on the notes that set one
        ConformanceSuite.RequireOrSkip();
        var optionals = await ConformanceSuite.LoadAsync(ConformanceSuite.AnnotationOptionals);
        string[] used =
        [
            "annotations/3.3.1-annotationSingleCreatorImplemented.json",
            "annotations/3.3.1-annotationCreatedImplemented.json",
            "annotations/3.3.5-annotationSingleMotivationImplemented.json",
            "annotations/3.3.5-annotationMotivationImplemented.json",
            "annotations/3.1-bodyKeyFound.json",
            "annotations/bodiesTargets/3.2.1-bodyFormat.json",
            "annotations/bodiesTargets/3.2.1-bodySingleFormat.json",
            "annotations/bodiesTargets/3.2.4-bodyETB.json",
            "annotations/bodiesTargets/3.2.4-bodyETBTypeTextualBody.json",
            "annotations/bodiesTargets/3.3.5-bodyPurpose.json",
            "annotations/specificResource/4.2-selectorFound.json",
            "annotations/specificResource/4.2.4-textQuoteSelector.json",
            "annotations/specificResource/4.2.5-textPositionSelector.json",
            "annotations/specificResource/4.6-scope.json",
        ];

        // When the notes are exported
        var items = (JArray)ConformanceSuite.Parse(ExportFixture.Export())["first"]!["items"]!;

        string[] language = ["annotations/bodiesTargets/3.2.1-bodyLanguage.json", "annotations/bodiesTargets/3.2.1-bodySingleLanguage.json"];
        var withLanguage = items.Where(i => i["body"]![0]!["language"] is not null).ToList();

        // Then every annotation implements each of them, and the one note in Marathi its language
        Assert.All(items, item => Assert.All(used, path =>
            Assert.True(optionals[path].Schema.Validate(item).Count == 0, $"{item["id"]} fails {path}")));
        Assert.Equal("https://example.org/essay/#note-marathi-question", (string)Assert.Single(withLanguage)["id"]!);
        Assert.All(language, path => Assert.True(optionals[path].Schema.Validate(withLanguage[0]).Count == 0, $"fails {path}"));
    }
}
