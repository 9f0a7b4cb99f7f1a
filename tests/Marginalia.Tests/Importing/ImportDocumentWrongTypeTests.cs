using Marginalia.Diagnostics;

namespace Marginalia.Tests.Importing;

/// <summary>A field of the wrong type is a problem at its own pointer and place; the rest of the annotation is still read.</summary>
public sealed class ImportDocumentWrongTypeTests
{
    [Theory]
    [InlineData("""{"type": "Annotation", "id": "a", "created": 5}""", "/created", 46, "'created' must be a date and time as a string, not the number 5")]
    [InlineData("""{"type": "Annotation", "id": "a", "created": "yesterday"}""", "/created", 46, "'created' is not a date and time (like 2026-11-27T10:00:00Z): \"yesterday\"")]
    [InlineData("""{"type": "Annotation", "id": "a", "modified": "2026-13-45T00:00:00Z"}""", "/modified", 47, "'modified' is not a date and time")]
    [InlineData("""{"type": "Annotation", "id": "a", "motivation": 3}""", "/motivation", 49, "'motivation' must be a string or an array of strings, not the number 3")]
    [InlineData("""{"type": "Annotation", "id": "a", "motivation": ["commenting", {}]}""", "/motivation/1", 64, "'motivation' must be a string or an array of strings, not an object")]
    [InlineData("""{"type": "Annotation", "id": "a", "creator": 5}""", "/creator", 46, "a creator must be an object (an agent) or an address, not the number 5")]
    [InlineData("""{"type": "Annotation", "id": "a", "creator": {"nickname": {}}}""", "/creator/nickname", 59, "'nickname' must be a string or an array of strings, not an object")]
    [InlineData("""{"type": "Annotation", "id": "a", "body": 5}""", "/body", 43, "a body must be an object or an address, not the number 5")]
    [InlineData("""{"type": "Annotation", "id": "a", "body": {"type": "TextualBody", "value": false}}""", "/body/value", 76, "'value' must be a string, not false")]
    [InlineData("""{"type": "Annotation", "id": "a", "body": {"format": "text/plain"}}""", "/body/value", 43, "a body must have a 'value' (text), a 'source' or an 'id' (an address), not missing")]
    [InlineData("""{"type": "Annotation", "id": "a", "body": {"source": {"label": "x"}}}""", "/body/source/id", 54, "a body's source must have an 'id' (its address), not missing")]
    [InlineData("""{"type": "Annotation", "id": "a", "target": 5}""", "/target", 45, "a target must be an object or an address, not the number 5")]
    [InlineData("""{"type": "Annotation", "id": "a", "target": {"source": 7}}""", "/target/source", 56, "'source' must be an address or an object with an 'id', not the number 7")]
    [InlineData("""{"type": "Annotation", "id": "a", "target": {"selector": "x"}}""", "/target/selector", 58, "a selector must be an object, not a string (\"x\")")]
    [InlineData("""{"type": "Annotation", "id": "a", "target": {"selector": [{"type": "TextQuoteSelector"}]}}""", "/target/selector/0/exact", 59, "a TextQuoteSelector must have 'exact', the quoted text, not missing")]
    [InlineData("""{"type": "Annotation", "id": "a", "target": {"selector": {"type": "TextQuoteSelector", "exact": 1}}}""", "/target/selector/exact", 97, "'exact' must be a string, not the number 1")]
    [InlineData("""{"type": "Annotation", "id": "a", "target": {"marginalia:essayVersion": 12, "selector": {"type": "TextQuoteSelector", "exact": "q"}}}""", "/target/marginalia:essayVersion", 73, "'marginalia:essayVersion' must be a string, not the number 12")]
    [InlineData("""{"type": "Annotation", "id": "a", "deleted": "yes"}""", "/deleted", 46, "'deleted' must be true or false, not a string (\"yes\")")]
    [InlineData("""{"user": "acct:a@hypothes.is", "uri": "u", "id": "a", "tags": "x"}""", "/tags", 63, "'tags' must be an array of strings, not a string (\"x\")")]
    [InlineData("""{"user": "acct:a@hypothes.is", "uri": "u", "id": "a", "tags": ["x", 2]}""", "/tags/1", 69, "'tags' must be a string or an array of strings, not the number 2")]
    [InlineData("""{"user": "acct:a@hypothes.is", "uri": "u", "id": "a", "references": "b"}""", "/references", 69, "'references' must be an array of annotation ids, not a string (\"b\")")]
    [InlineData("""{"user": "acct:a@hypothes.is", "uri": "u", "id": "a", "hidden": "yes"}""", "/hidden", 65, "'hidden' must be true or false, not a string (\"yes\")")]
    [InlineData("""{"user": "acct:a@hypothes.is", "uri": "u", "id": "a", "moderation": {"flagCount": -1}}""", "/moderation/flagCount", 83, "'flagCount' must be a non-negative whole number")]
    [InlineData("""{"user": "acct:a@hypothes.is", "uri": "u", "id": "a", "target": [5]}""", "/target/0", 66, "a target must be an object, not the number 5")]
    [InlineData("""{"user": 7, "uri": "u", "id": "a"}""", "/user", 10, "'user' must be a string, not the number 7")]
    public void A_field_of_the_wrong_type_is_a_problem_at_its_pointer_and_the_annotation_is_still_read(string json, string jsonPointer, int column, string message)
    {
        // When the annotation is read
        var result = ImportFixtures.ReadJson(json);

        // Then one error names the field's pointer at the field's column, and the annotation is read with its id
        var problem = Assert.Single(result.Problems);
        Assert.Equal((DiagnosticCodes.ImportWrongType, Severity.Error), (problem.Code, problem.Severity));
        Assert.Equal(new SourceLocation("in.json", 1, column), problem.Location);
        Assert.StartsWith(message, problem.Message, StringComparison.Ordinal);
        Assert.Equal(jsonPointer, ImportFixtures.PointerIn(problem.Message));
        Assert.Equal("a", Assert.Single(result.Annotations).Id);
    }

    [Theory]
    [InlineData("-1", "2", "/target/selector/start", 100, "'start' must be a non-negative whole number below 2,147,483,648, not the number -1")]
    [InlineData("0", "99999999999999999999", "/target/selector/end", 110, "'end' must be a non-negative whole number below 2,147,483,648, not the number 99999999999999999999")]
    [InlineData("1.5", "4", "/target/selector/start", 100, "'start' must be a non-negative whole number below 2,147,483,648, not the number 1.5")]
    [InlineData("1e3", "4", "/target/selector/start", 100, "'start' must be a non-negative whole number below 2,147,483,648, not the number 1e3")]
    [InlineData("\"1\"", "4", "/target/selector/start", 100, "'start' must be a non-negative whole number below 2,147,483,648, not a string (\"1\")")]
    [InlineData("9", "4", "/target/selector", 58, "the TextPositionSelector starts after it ends (9 > 4)")]
    public void A_text_position_selector_needs_two_non_negative_integers_in_order_else_its_span_is_dropped(
        string start, string end, string jsonPointer, int column, string message)
    {
        // Given a position selector beside a quote
        var json = """{"type": "Annotation", "id": "a", "target": {"selector": {"type": "TextPositionSelector", "start": """ + start + ", \"end\": " + end + "}}}";

        // When it is read
        var result = ImportFixtures.ReadJson(json);

        // Then the problem is at the value, and the target keeps no span
        var problem = Assert.Single(result.Problems);
        Assert.Equal((DiagnosticCodes.ImportWrongType, 1, column), (problem.Code, problem.Location.Line, problem.Location.Column));
        Assert.StartsWith(message, problem.Message, StringComparison.Ordinal);
        Assert.Equal(jsonPointer, ImportFixtures.PointerIn(problem.Message));
        var target = Assert.Single(result.Annotations).Target!;
        Assert.Equal((null, null), (target.Start, target.End));
    }

    [Fact]
    public void Wrong_containers_are_problems_at_their_pointers()
    {
        var rows = ImportFixtures.ReadJson("""{"total": 3, "rows": {"id": "a"}}""");
        var items = ImportFixtures.ReadJson("""{"type": "AnnotationPage", "items": 3}""");
        var member = ImportFixtures.ReadJson("""[{"type": "Annotation"}, 4]""");

        Assert.Equal(("/rows", 22), (ImportFixtures.PointerIn(Assert.Single(rows.Problems).Message), rows.Problems[0].Location.Column));
        Assert.Equal(("/items", 37), (ImportFixtures.PointerIn(Assert.Single(items.Problems).Message), items.Problems[0].Location.Column));
        Assert.Equal(("/1", 26), (ImportFixtures.PointerIn(Assert.Single(member.Problems).Message), member.Problems[0].Location.Column));
        Assert.Single(member.Annotations);
    }
}
