using System.Text;
using Marginalia.Diagnostics;
using Marginalia.Importing;

namespace Marginalia.Tests.Importing;

/// <summary>Hostile and malformed files: each is refused or read as far as it goes, with a placed problem, never a throw.</summary>
public sealed class ImportDocumentLimitsTests
{
    [Fact]
    public void A_file_over_16_MiB_is_refused_by_its_size_before_it_is_parsed()
    {
        // Given 17 MiB of spaces (valid JSON whitespace, so only the size can refuse it)
        var bytes = new byte[17 * 1024 * 1024];
        Array.Fill(bytes, (byte)' ');

        // When it is read
        var result = ImportDocument.Read("big.json", bytes);

        // Then one error names the size and the limit, at the file's start
        var problem = Assert.Single(result.Problems);
        Assert.Equal((DiagnosticCodes.ImportTooLarge, new SourceLocation("big.json", 1, 1)), (problem.Code, problem.Location));
        Assert.Contains("17,825,792 bytes", problem.Message, StringComparison.Ordinal);
        Assert.Contains("16,777,216 bytes (16 MiB)", problem.Message, StringComparison.Ordinal);
        Assert.Null(result.Format);
        Assert.Empty(result.Annotations);
    }

    [Fact]
    public void Ten_thousand_nested_arrays_are_refused_by_depth_at_the_65th_without_overflowing_the_stack()
    {
        // Given [[[[…]]]] 10,000 deep
        var json = new string('[', 10_000) + new string(']', 10_000);

        // When it is read
        var result = ImportFixtures.ReadJson(json, "deep.json");

        // Then it is refused where the 65th level opens, column 65
        var problem = Assert.Single(result.Problems);
        Assert.Equal((DiagnosticCodes.ImportTooDeep, new SourceLocation("deep.json", 1, 65)), (problem.Code, problem.Location));
        Assert.Contains("deeper than 64 levels", problem.Message, StringComparison.Ordinal);
        Assert.Contains("(JSON pointer /0/0/0/", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sixty_four_levels_are_still_read()
    {
        var json = "[" + new string('[', 62) + "{}" + new string(']', 62) + "]";

        var result = ImportFixtures.ReadJson(json);

        Assert.DoesNotContain(result.Problems, p => p.Code == DiagnosticCodes.ImportTooDeep);
    }

    [Fact]
    public void More_than_20000_annotations_are_refused_by_count()
    {
        // Given an array of 20,001 (empty) annotations
        var json = "[" + string.Join(',', Enumerable.Repeat("{\"type\":\"Annotation\"}", ImportLimits.MaxAnnotations + 1)) + "]";

        // When it is read
        var result = ImportFixtures.ReadJson(json);

        // Then nothing is read and one error gives the count and the limit
        Assert.Empty(result.Annotations);
        var problem = Assert.Single(result.Problems);
        Assert.Equal((DiagnosticCodes.ImportTooMany, 1, 1), (problem.Code, problem.Location.Line, problem.Location.Column));
        Assert.StartsWith("the file holds 20,001 annotations, more than the limit of 20,000", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Exactly_20000_annotations_are_read()
    {
        var json = "[" + string.Join(',', Enumerable.Repeat("{\"type\":\"Annotation\"}", ImportLimits.MaxAnnotations)) + "]";

        var result = ImportFixtures.ReadJson(json);

        Assert.Empty(result.Problems);
        Assert.Equal(20_000, result.Annotations.Length);
        Assert.Equal(("/19999", 1, 1 + (19_999 * 22) + 1), (result.Annotations[^1].Pointer, result.Annotations[^1].Location.Line, result.Annotations[^1].Location.Column));
    }

    [Fact]
    public void Invalid_utf8_is_refused_at_the_line_and_column_of_its_first_bad_byte()
    {
        // Given a lone 0xFF byte inside a string on line 2
        var bytes = Encoding.UTF8.GetBytes("{\n  \"id\": \"é?\"}");
        bytes[Array.IndexOf(bytes, (byte)'?')] = 0xFF;

        var result = ImportDocument.Read("bad.json", bytes);

        var problem = Assert.Single(result.Problems);
        Assert.Equal((DiagnosticCodes.InvalidUtf8, new SourceLocation("bad.json", 2, 11)), (problem.Code, problem.Location));
        Assert.Contains("not valid UTF-8", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_byte_order_mark_is_allowed()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("""{"type": "Annotation", "id": "a"}""")).ToArray();

        var result = ImportDocument.Read("bom.json", bytes);

        Assert.Empty(result.Problems);
        Assert.Equal("a", Assert.Single(result.Annotations).Id);
    }

    [Theory]
    [InlineData("""{"rows": [{"id": "x" """, 1, 22)]
    [InlineData("", 1, 1)]
    [InlineData("{\"a\": 1,}", 1, 9)]
    [InlineData("{\n  \"a\": 'single'\n}", 2, 8)]
    [InlineData("[1] [2]", 1, 5)]
    [InlineData("{\"a\": 1 /* comment */}", 1, 9)]
    public void Text_that_is_not_json_is_refused_at_the_place_it_goes_wrong(string json, int line, int column)
    {
        var result = ImportFixtures.ReadJson(json);

        var problem = Assert.Single(result.Problems);
        Assert.Equal((DiagnosticCodes.ImportNotJson, line, column), (problem.Code, problem.Location.Line, problem.Location.Column));
        Assert.StartsWith("the file is not JSON: ", problem.Message, StringComparison.Ordinal);
        Assert.Empty(result.Annotations);
    }

    [Theory]
    [InlineData("42", "its top level is the number 42")]
    [InlineData("\"text\"", "its top level is a string (\"text\")")]
    [InlineData("null", "its top level is null")]
    [InlineData("{}", "its top level is an empty object")]
    [InlineData("""{"foo": 1, "type": "Note"}""", "its top level is an object with the fields \"foo\", \"type\" and the type \"Note\"")]
    public void A_top_level_that_is_no_format_we_read_says_what_it_found(string json, string found)
    {
        var result = ImportFixtures.ReadJson(json);

        var problem = Assert.Single(result.Problems);
        Assert.Equal((DiagnosticCodes.ImportUnknownFormat, 1, 1), (problem.Code, problem.Location.Line, problem.Location.Column));
        Assert.Contains(found, problem.Message, StringComparison.Ordinal);
        Assert.Contains("(JSON pointer \"\" (the top level))", problem.Message, StringComparison.Ordinal);
        Assert.Null(result.Format);
    }

    [Fact]
    public void A_string_over_the_length_limit_is_read_as_missing_with_its_length()
    {
        var json = "{\"type\": \"Annotation\", \"id\": \"a\", \"body\": {\"type\": \"TextualBody\", \"value\": \""
            + new string('x', ImportLimits.MaxStringLength + 1) + "\"}}";

        var result = ImportFixtures.ReadJson(json);

        var problem = Assert.Single(result.Problems);
        Assert.Equal((DiagnosticCodes.ImportStringTooLong, 1, 76), (problem.Code, problem.Location.Line, problem.Location.Column));
        Assert.StartsWith("'value' is 1,048,577 characters long, more than the limit of 1,048,576 (JSON pointer /body/value)", problem.Message, StringComparison.Ordinal);
        Assert.Empty(Assert.Single(result.Annotations).Bodies);
    }

    [Fact]
    public void Control_characters_and_bidi_overrides_from_the_file_never_reach_a_message_raw()
    {
        // Given an escape sequence and a right-to-left override in a date, a selector type and a property name
        var json = """{"type": "Annotation", "created": "2026-\u001b[2J\u202Eevil", "target": {"selector": "\u0007\u202E"}, "creator": {"\u202Ex": 1, "name": 5}}""";

        var result = ImportFixtures.ReadJson(json);

        Assert.Equal(3, result.Problems.Length);
        Assert.All(result.Problems, p => Assert.DoesNotContain(p.Message, c => char.IsControl(c) || c is '\u202E'));
        Assert.Equal(["/target/selector", "/creator/name", "/created"], result.Problems.Select(p => ImportFixtures.PointerIn(p.Message)));
        Assert.Contains(@"""2026-\x1B[2J<U+202E>evil""", result.Problems[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Many_problems_are_capped_with_one_line_that_counts_the_rest()
    {
        var json = "[" + string.Join(',', Enumerable.Repeat("{\"type\":\"Annotation\",\"id\":5}", ImportLimits.MaxProblems + 7)) + "]";

        var result = ImportFixtures.ReadJson(json);

        Assert.Equal(ImportLimits.MaxProblems + 1, result.Problems.Length);
        Assert.StartsWith("7 more problems in this file are not shown", result.Problems[^1].Message, StringComparison.Ordinal);
        Assert.Equal(ImportLimits.MaxProblems + 7, result.Annotations.Length);
    }
}
