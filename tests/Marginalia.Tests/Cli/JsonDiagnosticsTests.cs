using System.Text.Json;
using Marginalia.Cli;
using Marginalia.Diagnostics;

namespace Marginalia.Tests.Cli;

/// <summary>JSON output is readable by a person (apostrophes, typographic quotes, accents as themselves) and still valid JSON.</summary>
public sealed class JsonDiagnosticsTests
{
    [Theory]
    [InlineData("the quote isn't in the essay", "isn't")]
    [InlineData("did you mean ‘India’s Bhashini’?", "‘India’s Bhashini’")]
    [InlineData("'created' must be a date, not 'été'", "'été'")]
    [InlineData("a <b> tag & more + `code`", "a <b> tag & more + `code`")]
    public void Text_is_written_as_itself(string message, string literal)
    {
        var json = JsonDiagnostics.Format([Diagnostic.Error(DiagnosticCodes.InvalidValue, new SourceLocation("input/annotations/café.md", 2, 8), message, message)]);

        Assert.Contains(literal, json, StringComparison.Ordinal);
        Assert.Contains("input/annotations/café.md", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u00", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u20", json, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json);
        var item = Assert.Single(document.RootElement.EnumerateArray().ToList());
        Assert.Equal(message, item.GetProperty("message").GetString());
        Assert.Equal(message, item.GetProperty("hint").GetString());
    }

    [Theory]
    [InlineData("say \"hi\"", "say \\\"hi\\\"")]
    [InlineData("a\\b", "a\\\\b")]
    [InlineData("bell\u0007", "bell\\u0007")]
    [InlineData("esc\u001B[2J", "esc\\u001B[2J")]
    [InlineData("line\nbreak", "line\\nbreak")]
    [InlineData("c1\u009B", "c1\\u009B")]
    [InlineData("sep\u2028", "sep\\u2028")]
    public void Quotes_backslashes_and_controls_are_still_escaped(string message, string escaped)
    {
        var json = JsonDiagnostics.Serialize([new JsonDiagnostic("input/a.md", 1, 1, "error", "MG0112", message, null)]);

        Assert.Contains(escaped, json, StringComparison.OrdinalIgnoreCase);
        using var document = JsonDocument.Parse(json);
        Assert.Equal(message, document.RootElement[0].GetProperty("message").GetString());
    }
}
