using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Marginalia.Diagnostics;

namespace Marginalia.Cli;

/// <summary>Diagnostics as a JSON array for tools, written with source-generated serialisation (no reflection, AOT-ready).</summary>
/// <remarks>
/// Values hold no hidden character (<see cref="Diagnostic"/> stores them made visible), so a tool that decodes the
/// JSON and prints a message prints no terminal escape either. The relaxed encoder writes apostrophes and letters
/// such as ’ or é as themselves (the default one writes <c>\u0027</c>, unreadable to a person reading the file); it
/// is "unsafe" only for JSON embedded in HTML, and this goes to a file or stdout. It still escapes <c>"</c>,
/// <c>\</c> and every control character, so the output stays valid JSON.
/// </remarks>
internal static class JsonDiagnostics
{
    private static readonly JsonDiagnosticContext Context = new(new JsonSerializerOptions(JsonDiagnosticContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static string Format(IEnumerable<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var items = diagnostics.Select(d => new JsonDiagnostic(d.Location.Path, d.Location.Line, d.Location.Column, d.SeverityName, d.Code.Id, d.Message, d.Hint)).ToList();
        return Serialize(items);
    }

    internal static string Serialize(List<JsonDiagnostic> items) => JsonSerializer.Serialize(items, Context.ListJsonDiagnostic);
}

/// <summary>One diagnostic as JSON.</summary>
internal sealed record JsonDiagnostic(string Path, int Line, int Column, string Severity, string Code, string Message, string? Hint);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(List<JsonDiagnostic>))]
internal sealed partial class JsonDiagnosticContext : JsonSerializerContext;
