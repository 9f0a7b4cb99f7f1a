using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Marginalia.Citations;

/// <summary>A reference-manager format of one citation: its name, the file a download saves, its media type and text.</summary>
internal sealed record CitationExport(string Id, string Name, string FileName, string MediaType, string Text);

/// <summary>
/// The essay as reference managers import it: BibTeX, RIS and CSL-JSON, each for a page on a website, with the
/// passage's URL. None carries an access date: a reference manager records its own when it imports.
/// </summary>
/// <remarks>
/// The types: BibTeX <c>@online</c> (biblatex's type for a web page; Zotero and JabRef import it as a web page, where
/// <c>@misc</c> would lose the kind), RIS <c>ELEC</c> (the RIS specification's "web page"; <c>WEB</c> is not in it),
/// CSL-JSON <c>webpage</c> (CSL's type for a page on a website; <c>article</c> is a preprint or unpublished paper).
/// </remarks>
internal static class CitationExports
{
    public static IReadOnlyList<CitationExport> All(CitedWork work, string url)
    {
        var key = Key(work);
        return
        [
            new("bibtex", "BibTeX", key + ".bib", "application/x-bibtex", BibTex(work, url, key)),
            new("ris", "RIS", key + ".ris", "application/x-research-info-systems", Ris(work, url)),
            new("csl-json", "CSL-JSON", key + ".json", "application/vnd.citationstyles.csl+json", CslJson(work, url, key)),
        ];
    }

    /// <summary>"roy-ai": the family name and the title's first word, as ASCII letters and digits.</summary>
    public static string Key(CitedWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var first = work.Title.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "essay";
        return Ascii(work.Author.Family) + "-" + Ascii(first);

        static string Ascii(string s) =>
            new([.. s.Normalize(NormalizationForm.FormD).Where(char.IsAsciiLetterOrDigit).Select(char.ToLowerInvariant)]);
    }

    public static string BibTex(CitedWork work, string url, string key)
    {
        ArgumentNullException.ThrowIfNull(work);
        var fields = new List<(string Name, string Value)>
        {
            ("author", work.Author.Given is null ? "{" + Tex(work.Author.Family) + "}" : Tex(work.Author.Inverted)),
            ("title", ProtectCapitals(Tex(work.Title))),
        };
        if (work.TitleIsEditorial)
        {
            fields.Add(("titleaddon", "title supplied by the editors"));
        }

        fields.Add(("organization", Tex(work.SiteName)));
        if (work.Published is { } date)
        {
            fields.Add(("date", IsoDate(date)));
        }

        fields.Add(("url", url)); // percent-encoded: no character a .bib file treats specially in its url field
        if (CitationFormatter.Original(work) is { } original)
        {
            fields.Add(("addendum", Tex(original)));
        }

        var text = new StringBuilder();
        text.Append("@online{").Append(key).Append(",\n");
        foreach (var (name, value) in fields)
        {
            text.Append("  ").Append(name).Append(" = {").Append(value).Append("},\n");
        }

        return text.Append("}\n").ToString();
    }

    public static string Ris(CitedWork work, string url)
    {
        ArgumentNullException.ThrowIfNull(work);
        var lines = new List<(string Tag, string Value)>
        {
            ("TY", "ELEC"),
            ("AU", work.Author.Inverted),
            ("TI", work.Title),
            ("T2", work.SiteName),
        };
        if (work.Published is { } date)
        {
            lines.Add(("PY", date.Year.ToString(CultureInfo.InvariantCulture)));
            lines.Add(("DA", RisDate(date)));
        }

        lines.Add(("UR", url));
        lines.Add(("LA", work.Language));
        if (work.TitleIsEditorial)
        {
            lines.Add(("N1", "Title supplied by the editors."));
        }

        if (CitationFormatter.Original(work) is { } original)
        {
            lines.Add(("N1", original + "."));
        }

        lines.Add(("ER", string.Empty));

        // RIS: a two-letter tag, two spaces, a hyphen, a space, the value; one field a line, the value on one line.
        return string.Concat(lines.Select(l => $"{l.Tag}  - {OneLine(l.Value)}\r\n"));
    }

    public static string CslJson(CitedWork work, string url, string key)
    {
        ArgumentNullException.ThrowIfNull(work);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            json.WriteStartObject();
            json.WriteString("id", key);
            json.WriteString("type", "webpage");
            json.WriteString("title", work.Title);
            json.WriteStartArray("author");
            json.WriteStartObject();
            if (work.Author.Given is { } given)
            {
                json.WriteString("family", work.Author.Family);
                json.WriteString("given", given);
            }
            else
            {
                json.WriteString("literal", work.Author.Family);
            }

            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteString("container-title", work.SiteName);
            if (work.OriginalPublisher is { } first)
            {
                json.WriteString("original-publisher", first);
            }

            if (work.Published is { } date)
            {
                json.WriteStartObject("issued");
                json.WriteStartArray("date-parts");
                json.WriteStartArray();
                json.WriteNumberValue(date.Year);
                if (date.Month is { } m)
                {
                    json.WriteNumberValue(m);
                }

                if (date.Day is { } d)
                {
                    json.WriteNumberValue(d);
                }

                json.WriteEndArray();
                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteString("URL", url);
            json.WriteString("language", work.Language);
            var notes = new List<string>();
            if (work.TitleIsEditorial)
            {
                notes.Add("Title supplied by the editors.");
            }

            if (CitationFormatter.Original(work) is { } original)
            {
                notes.Add(original + ".");
            }

            if (notes.Count > 0)
            {
                json.WriteString("note", string.Join(' ', notes));
            }

            json.WriteEndObject();
            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static string IsoDate(CitedDate date) => date switch
    {
        { Month: { } m, Day: { } d } => $"{date.Year:D4}-{m:D2}-{d:D2}",
        { Month: { } m } => $"{date.Year:D4}-{m:D2}",
        _ => $"{date.Year:D4}",
    };

    private static string RisDate(CitedDate date) =>
        $"{date.Year:D4}/{(date.Month is { } m ? m.ToString("D2", CultureInfo.InvariantCulture) : string.Empty)}/{(date.Day is { } d ? d.ToString("D2", CultureInfo.InvariantCulture) : string.Empty)}/";

    private static string OneLine(string value) => string.Join(' ', value.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>LaTeX's special characters written as text, so a title with "&amp;" or "%" stays a title.</summary>
    internal static string Tex(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var c in OneLine(value))
        {
            text.Append(c switch
            {
                '\\' => @"\textbackslash{}",
                '{' => @"\{",
                '}' => @"\}",
                '&' or '%' or '$' or '#' or '_' => "\\" + c,
                '~' => @"\textasciitilde{}",
                '^' => @"\textasciicircum{}",
                _ => c.ToString(),
            });
        }

        return text.ToString();
    }

    /// <summary>Braces round each word with a capital after its first letter ("{AI}"), so a style's recasing keeps acronyms.</summary>
    private static string ProtectCapitals(string title) =>
        string.Join(' ', title.Split(' ').Select(w => w.Length > 1 && w.Skip(1).Any(char.IsUpper) && !w.Contains('\\', StringComparison.Ordinal) ? "{" + w + "}" : w));
}
