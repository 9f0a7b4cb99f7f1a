using System.Text.Encodings.Web;
using System.Text.Json;
using Marginalia.Importing;

namespace Marginalia.Cli;

/// <summary>The import's report as one JSON object for tools: the files, the counts and the diagnostics.</summary>
internal static class ImportJson
{
    public static string Format(ImportReport report, bool dryRun)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteBoolean("dryRun", dryRun);
            writer.WriteStartArray("files");
            foreach (var file in report.Files)
            {
                writer.WriteStartObject();
                writer.WriteString("path", file.DisplayPath);
                writer.WriteString("status", file.Status == ImportStatus.Updated ? "updated" : "written");
                writer.WriteString("from", file.From);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartObject("summary");
            writer.WriteNumber("annotations", report.Annotations);
            writer.WriteNumber("written", report.Written);
            writer.WriteNumber("updated", report.Updated);
            writer.WriteNumber("skipped", report.Skipped);
            writer.WriteNumber("orphaned", report.Orphaned);
            writer.WriteNumber("rejected", report.Rejected);
            writer.WriteEndObject();
            writer.WritePropertyName("diagnostics");
            using var diagnostics = JsonDocument.Parse(JsonDiagnostics.Format(report.Diagnostics));
            diagnostics.RootElement.WriteTo(writer);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
