using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Marginalia.Tests.Annotations.Export;

/// <summary>
/// Proves the validator (NJsonSchema over the Working Group's draft-04 schemas) before any export is trusted to it:
/// what the suite calls correct must pass, what it calls incorrect must fail, and for the right reason.
/// </summary>
public sealed class ConformanceSuiteTests
{
    [SkippableFact]
    public async Task Every_correct_sample_annotation_passes_every_must_schema_except_three_built_on_set_classes_the_schemas_no_longer_know()
    {
        // Given the MUST schemas and the suite's correct samples that are Annotations
        ConformanceSuite.RequireOrSkip();
        var musts = await ConformanceSuite.LoadAsync(ConformanceSuite.AnnotationMusts);
        var samples = ConformanceSuite.Samples("correct")
            .Select(path => (Name: Path.GetFileName(path), Json: ConformanceSuite.Parse(File.ReadAllText(path))))
            .Where(sample => (string?)sample.Json["type"] == "Annotation")
            .ToList();

        // When each is validated against every MUST schema
        var failing = samples
            .Select(sample => (sample.Name, Failures: musts.Failures(sample.Json)))
            .Where(result => result.Failures.Count > 0)
            .ToDictionary(result => result.Name, result => string.Join(", ", result.Failures));

        // Then all pass but anno11–13, whose targets are a Composite, a List and Independents: classes the model's
        // Candidate Recommendation marked at risk and the schemas dropped (they recognise Choice only), so those three
        // fail the one schema that recognises targets, and nothing else
        Assert.Equal(54, musts.Count);
        Assert.Equal(41, samples.Count);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["anno11.json"] = "annotations/3.2-targetObjectsRecognized.json",
                ["anno12.json"] = "annotations/3.2-targetObjectsRecognized.json",
                ["anno13.json"] = "annotations/3.2-targetObjectsRecognized.json",
            },
            failing);
        Assert.Equal(
            ["Composite", "List", "Independents"],
            failing.Keys.Order(StringComparer.Ordinal).Select(name => (string?)samples.Single(s => s.Name == name).Json["target"]!["type"]));
    }

    [SkippableFact]
    public async Task Correct_sample_collections_pass_the_collection_and_page_must_schemas_and_pages_with_a_bare_partOf_iri_fail_seven()
    {
        // Given the collection and page MUST schemas and the suite's correct collections and pages
        ConformanceSuite.RequireOrSkip();
        var collectionMusts = await ConformanceSuite.LoadAsync(ConformanceSuite.CollectionMusts);
        var pageMusts = await ConformanceSuite.LoadAsync(ConformanceSuite.PageMusts);
        JToken Sample(string name) => ConformanceSuite.ReadSample("correct", name);

        // When the two collections are checked as collections, and the pages as pages (alone, or embedded as a
        // collection's first page, which pageMusts.test also accepts)
        string[] collections = ["collection1.json", "example41.json"];
        string[] pages = ["collection1.json", "example42.json", "example43.json"];
        var collectionFailures = collections.ToDictionary(name => name, name => collectionMusts.Failures(Sample(name)));
        var pageFailures = pages.ToDictionary(name => name, name => pageMusts.Failures(Sample(name)));

        // Then the collections pass, and so does the embedded page; the two stand-alone pages give partOf as a bare
        // IRI, which 5.2-pagePartOfValidated accepts but seven other page schemas, reading partOf as a description
        // of the collection (its total, label, first page…), reject: an inconsistency of the suite, not of the samples
        Assert.Equal(10, collectionMusts.Count);
        Assert.Equal(15, pageMusts.Count);
        Assert.All(collectionFailures.Values, Assert.Empty);
        Assert.Empty(pageFailures["collection1.json"]);
        string[] readPartOfAsAnObject =
        [
            "collections/pages/5.2-pageTotalValidated.json",
            "collections/pages/5.2-pageLabelValidated.json",
            "collections/pages/5.2-pageFirstValidated.json",
            "collections/pages/5.2-pageLastValidated.json",
            "collections/pages/3.3.1-pageCreatedValidated.json",
            "collections/pages/3.3.1-pageModifiedValidated.json",
            "collections/pages/3.3.6-pageRightsValidated.json",
        ];
        Assert.Equal(readPartOfAsAnObject, pageFailures["example42.json"]);
        Assert.Equal(readPartOfAsAnObject, pageFailures["example43.json"]);
        Assert.Equal("http://example.org/collection1", (string?)Sample("example42.json")["partOf"]);
    }

    [SkippableFact]
    public async Task Every_incorrect_sample_is_rejected_by_the_parser_or_fails_a_must_schema()
    {
        // Given the suite's incorrect samples
        ConformanceSuite.RequireOrSkip();
        var musts = await ConformanceSuite.LoadAsync(ConformanceSuite.AnnotationMusts);
        var samples = ConformanceSuite.Samples("incorrect");

        // When each is parsed and validated
        var notJson = new List<string>();
        var accepted = new List<string>();
        foreach (var path in samples)
        {
            JToken json;
            try
            {
                json = ConformanceSuite.Parse(File.ReadAllText(path));
            }
            catch (JsonReaderException)
            {
                notJson.Add(Path.GetFileName(path));
                continue;
            }

            if (musts.Failures(json).Count == 0)
            {
                accepted.Add(Path.GetFileName(path));
            }
        }

        // Then only anno1 ("this is not json") stops at the parser, and every other one fails at least one MUST schema
        Assert.Equal(39, samples.Count);
        Assert.Equal(["anno1.json"], notJson);
        Assert.Empty(accepted);
    }

    [SkippableFact]
    public async Task Incorrect_samples_still_fail_a_must_schema_once_their_shared_double_id_is_repaired_except_those_whose_defect_is_a_should()
    {
        // Given the incorrect samples that (besides the defect their label names) all carry "id": [two URIs], which
        // alone fails 3.1-annotationIdValidated and would make every one of them fail whatever the validator did
        ConformanceSuite.RequireOrSkip();
        var musts = await ConformanceSuite.LoadAsync(ConformanceSuite.AnnotationMusts);
        var doubleIds = ConformanceSuite.Samples("incorrect")
            .Where(path => Path.GetFileName(path) != "anno1.json")
            .Select(path => (Name: Path.GetFileName(path), Json: (JObject)ConformanceSuite.Parse(File.ReadAllText(path))))
            .Where(sample => sample.Json["id"] is JArray)
            .ToList();

        // When the id is repaired to a single URI and the sample validated again
        var passing = new List<string>();
        foreach (var (name, json) in doubleIds)
        {
            json["id"] = "http://example.org/1";
            if (musts.Failures(json).Count == 0)
            {
                passing.Add(name);
            }
        }

        // Then the only ones that now pass are anno7, whose labelled defect is the double id itself, and five whose
        // defect breaks a SHOULD of the model, not a MUST (each is proven against an optional schema below)
        Assert.Equal(33, doubleIds.Count);
        Assert.Equal(
            ["anno14.json", "anno15.json", "anno23.json", "anno26.json", "anno27.json", "anno7.json"],
            passing.Order(StringComparer.Ordinal));
    }

    [SkippableTheory]
    [InlineData("anno14.json", "body.format", "text/plain", ConformanceSuite.AnnotationOptionals, "annotations/bodiesTargets/3.2.1-bodyFormat.json")]
    [InlineData("anno23.json", "body.processingLanguage", "en", ConformanceSuite.AnnotationOptionals, "annotations/bodiesTargets/3.2.1-bodyProcessingLanguage.json")]
    [InlineData("anno26.json", "creator", "http://example.org/user1", ConformanceSuite.AnnotationOptionals, "annotations/3.3.1-annotationSingleCreatorImplemented.json")]
    [InlineData("anno27.json", "generator", "http://example.org/client1", ConformanceSuite.AgentOptionals, "annotations/3.3.1-annotationGeneratorImplemented.json")]
    public async Task Incorrect_sample_with_a_should_level_defect_fails_the_optional_schema_for_it_and_passes_it_once_fixed(
        string sample, string property, string validValue, string optionalsTestFile, string optionalSchema)
    {
        // Given the sample with its double id repaired, and the optional schema that checks its defective property
        ConformanceSuite.RequireOrSkip();
        var musts = await ConformanceSuite.LoadAsync(ConformanceSuite.AnnotationMusts);
        var optionals = await ConformanceSuite.LoadAsync(optionalsTestFile);
        var json = (JObject)ConformanceSuite.ReadSample("incorrect", sample);
        json["id"] = "http://example.org/1";
        var fixedJson = (JObject)json.DeepClone();
        fixedJson.SelectToken(property)!.Replace(new JValue(validValue));

        // When it is validated as it is and with the property fixed
        var mustFailures = musts.Failures(json);
        var broken = optionals[optionalSchema].Schema.Validate(json);
        var repaired = optionals[optionalSchema].Schema.Validate(fixedJson);

        // Then no MUST schema objects, the optional one does, and only because of that property
        Assert.Empty(mustFailures);
        Assert.NotEmpty(broken);
        Assert.Empty(repaired);
    }

    [SkippableFact]
    public async Task Incorrect_sample_anno15_hides_its_bad_language_behind_a_misspelt_key_that_no_schema_can_see()
    {
        // Given anno15 ("bad language"), whose body says "langauage": 3, with its double id repaired; the same with the
        // misspelt key removed; and the body as its label means it ("language": 3) and as it would be right ("en")
        ConformanceSuite.RequireOrSkip();
        var musts = await ConformanceSuite.LoadAsync(ConformanceSuite.AnnotationMusts);
        var optionals = await ConformanceSuite.LoadAsync(ConformanceSuite.AnnotationOptionals);
        var asWritten = (JObject)ConformanceSuite.ReadSample("incorrect", "anno15.json");
        asWritten["id"] = "http://example.org/1";
        var withoutKey = (JObject)asWritten.DeepClone();
        ((JObject)withoutKey["body"]!).Remove("langauage");
        var asMeant = (JObject)withoutKey.DeepClone();
        asMeant["body"]!["language"] = 3;
        var right = (JObject)withoutKey.DeepClone();
        right["body"]!["language"] = "en";
        var language = optionals["annotations/bodiesTargets/3.2.1-bodyLanguage.json"].Schema;

        // When each is validated
        var writtenResults = musts.Failures(asWritten).Concat(optionals.Failures(asWritten));
        var withoutKeyResults = musts.Failures(withoutKey).Concat(optionals.Failures(withoutKey));

        // Then the misspelt key changes no schema's verdict (JSON-LD ignores an unknown key, and so does every schema),
        // no MUST schema objects, and the defect the label means is caught by the optional language schema
        Assert.Equal(withoutKeyResults, writtenResults);
        Assert.Empty(musts.Failures(asWritten));
        Assert.NotEmpty(language.Validate(asMeant));
        Assert.Empty(language.Validate(right));
    }
}
