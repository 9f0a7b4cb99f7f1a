using System.Text.Json;
using System.Text.Json.Serialization;
using Marginalia.Diagnostics;

namespace Marginalia.Cli;

/// <summary>Diagnostics as a JSON array for tools, written with source-generated serialisation (no reflection, AOT-ready).</summary>
/// <remarks>
/// Values hold no hidden character (<see cref="Diagnostic"/> stores them made visible), so a tool that decodes the
/// JSON and prints a message prints no terminal escape either. The default encoder stays: it writes any control
/// character as <c>\u001B</c>, never raw, where the "relaxed" one would not escape everything a log viewer acts on.
/// </remarks>
public static class JsonDiagnostics
{
    public static string Format(IEnumerable<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var items = diagnostics.Select(d => new JsonDiagnostic(d.Location.Path, d.Location.Line, d.Location.Column, d.SeverityName, d.Code.Id, d.Message, d.Hint)).ToList();
        return JsonSerializer.Serialize(items, JsonDiagnosticContext.Default.ListJsonDiagnostic);
    }
}

/// <summary>One diagnostic as JSON.</summary>
public sealed record JsonDiagnostic(string Path, int Line, int Column, string Severity, string Code, string Message, string? Hint);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(List<JsonDiagnostic>))]
internal sealed partial class JsonDiagnosticContext : JsonSerializerContext;
