using System.Text;
using System.Text.Json;

namespace Marginalia.Citations;

/// <summary>
/// The reader's <c>&lt;script type="application/json" id="cite-data"&gt;</c>: every style and export rendered once at
/// build time with placeholders, which the reader's script (cite.js) replaces with the passage's URL and, for the
/// styles that give one, the reader's access date written the style's way. A data block, not a script, so the CSP
/// stays as it is; written with Utf8JsonWriter's default encoder, which escapes <c>&lt;</c>, <c>&gt;</c> and
/// <c>&amp;</c>, so nothing in a title can close the element. The URLs the script puts in are percent-encoded (it
/// encodes the text fragment), so no format needs to escape them further.
/// </summary>
internal static class CiteData
{
    /// <summary>Stands for the passage's URL. Braces cannot come from a title into BibTeX (escaped there) and no URL has them.</summary>
    public const string UrlToken = "{{url}}";

    /// <summary>Stands for the access date, in the style's own date form.</summary>
    public const string AccessedToken = "{{accessed}}";

    public static string Write(CitedWork work, Uri edition)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(edition);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("url", edition.AbsoluteUri);
            json.WriteString("urlToken", UrlToken);
            json.WriteString("accessedToken", AccessedToken);
            json.WriteStartArray("styles");
            foreach (var style in CitationStyles.All)
            {
                var citation = CitationFormatter.Format(style, work, UrlToken, AccessedToken);
                json.WriteStartObject();
                json.WriteString("id", style.Id);
                json.WriteString("name", style.Name);
                json.WriteString("html", citation.Html); // the text to copy is its textContent: only <i> marks it
                if (citation.Html.Contains(AccessedToken, StringComparison.Ordinal))
                {
                    // The script writes today's date with the style's pattern and month names: the table stays here.
                    json.WriteStartObject("accessed");
                    json.WriteString("pattern", style.Dates.Full);
                    json.WriteStartArray("months");
                    foreach (var month in style.Dates.Months)
                    {
                        json.WriteStringValue(month);
                    }

                    json.WriteEndArray();
                    json.WriteEndObject();
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("exports");
            foreach (var export in CitationExports.All(work, UrlToken))
            {
                json.WriteStartObject();
                json.WriteString("id", export.Id);
                json.WriteString("name", export.Name);
                json.WriteString("file", export.FileName);
                json.WriteString("type", export.MediaType);
                json.WriteString("text", export.Text);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
