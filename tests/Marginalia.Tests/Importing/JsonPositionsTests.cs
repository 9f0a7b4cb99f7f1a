using System.Text;
using Marginalia.Diagnostics;
using Marginalia.Importing;

namespace Marginalia.Tests.Importing;

public sealed class JsonPositionsTests
{
    private static JsonPositions Scan(string json)
    {
        var positions = JsonPositions.Scan("p.json", Encoding.UTF8.GetBytes(json), out var problem);
        Assert.Null(problem);
        return positions!;
    }

    [Fact]
    public void Columns_count_utf16_units_so_an_emoji_counts_two_and_an_accent_one()
    {
        // Given "é" (two bytes, one unit) and "🌍" (four bytes, two units) before "b"
        var positions = Scan("""{"a": "é🌍", "b": 1}""");

        // Then "/a" starts at column 7 and "/b" at column 19 (not its byte offset, 22)
        Assert.Equal(new SourceLocation("p.json", 1, 7), positions.Locate("/a"));
        Assert.Equal(new SourceLocation("p.json", 1, 19), positions.Locate("/b"));
    }

    [Fact]
    public void Lines_count_at_line_feeds_and_columns_restart_after_each()
    {
        var positions = Scan("{\r\n  \"rows\": [\r\n    {\"id\": 1},\n\t{\"id\": 2}\n  ]\n}");

        Assert.Equal(new SourceLocation("p.json", 1, 1), positions.Locate(""));
        Assert.Equal(new SourceLocation("p.json", 2, 11), positions.Locate("/rows"));
        Assert.Equal(new SourceLocation("p.json", 3, 5), positions.Locate("/rows/0"));
        Assert.Equal(new SourceLocation("p.json", 4, 2), positions.Locate("/rows/1"));
        Assert.Equal(new SourceLocation("p.json", 4, 9), positions.Locate("/rows/1/id"));
    }

    [Fact]
    public void Property_names_with_slash_and_tilde_are_escaped_as_rfc_6901_says()
    {
        var positions = Scan("""{"a/b~c": {"": 5}}""");

        Assert.Equal("/a~1b~0c", "/" + JsonPositions.Segment("a/b~c"));
        Assert.Equal(11, positions.Locate("/a~1b~0c").Column);
        Assert.Equal(16, positions.Locate("/a~1b~0c/").Column);
    }

    [Fact]
    public void A_pointer_not_recorded_is_located_at_its_nearest_recorded_container()
    {
        var positions = Scan("""{"a": [1, {"b": 2}]}""");

        Assert.Equal(11, positions.Locate("/a/1/nothing/here").Column);
        Assert.Equal(1, positions.Locate("/zzz").Column);
    }

    [Fact]
    public void Past_the_recording_limit_values_are_located_at_their_container_and_the_scan_stays_linear()
    {
        // Given an array of more values than the index records
        var json = "[" + string.Join(',', Enumerable.Repeat("0", ImportLimits.MaxRecordedPositions + 10)) + "]";

        // When it is scanned
        var positions = Scan(json);

        // Then a value inside the limit has its own column, and one past it is placed at the array
        Assert.Equal(2 * 1000 + 2, positions.Locate("/1000").Column);
        Assert.Equal(1, positions.Locate("/" + (ImportLimits.MaxRecordedPositions + 5)).Column);
    }

    [Fact]
    public void A_syntax_error_is_placed_at_its_line_and_character_column()
    {
        // Given an error after a two-byte character on line 2
        JsonPositions.Scan("p.json", Encoding.UTF8.GetBytes("{\n\"é\": x}"), out var problem);

        // Then it is at line 2, column 6 (after '"é": '), not at byte column 7
        Assert.NotNull(problem);
        Assert.Equal(DiagnosticCodes.ImportNotJson, problem.Code);
        Assert.Equal(new SourceLocation("p.json", 2, 6), problem.Location);
        Assert.DoesNotContain("LineNumber", problem.Message, StringComparison.Ordinal);
    }
}
