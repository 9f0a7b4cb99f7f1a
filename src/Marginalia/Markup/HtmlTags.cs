using System.Text.Encodings.Web;
using AngleSharp.Html.Parser.Tokens;

namespace Marginalia.Markup;

/// <summary>Start tags read by <see cref="HtmlTokens"/>, as a DOM would hold them, and written back.</summary>
internal static class HtmlTags
{
    /// <summary>
    /// The tag's attributes in source order, the first of each name only: the tokenizer keeps a repeated attribute,
    /// the tree builder drops it, and a rewritten tag must mean what the parsed one did.
    /// </summary>
    public static List<(string Name, string Value)> Attributes(HtmlTagToken tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        var attributes = new List<(string Name, string Value)>(tag.Attributes.Count);
        foreach (var attribute in tag.Attributes)
        {
            if (!attributes.Exists(a => a.Name == attribute.Name))
            {
                attributes.Add((attribute.Name, attribute.Value));
            }
        }

        return attributes;
    }

    /// <summary>Writes a start tag with these attributes, each value escaped (a void element ends with "&gt;", as a DOM writes it).</summary>
    /// <param name="encoder">What escapes a value: the caller's, so that this namespace needs none of the site's.</param>
    public static void WriteStartTag(TextWriter output, HtmlTagToken tag, IEnumerable<(string Name, string Value)> attributes, TextEncoder encoder) =>
        WriteStartTag(output, tag, attributes, (writer, _, value) => encoder.Encode(writer, value));

    /// <summary>Writes a start tag with these attributes, each value written by <paramref name="writeValue"/> (name, value) between its quotes.</summary>
    public static void WriteStartTag(TextWriter output, HtmlTagToken tag, IEnumerable<(string Name, string Value)> attributes, Action<TextWriter, string, string> writeValue)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(tag);
        ArgumentNullException.ThrowIfNull(attributes);
        ArgumentNullException.ThrowIfNull(writeValue);
        output.Write('<');
        output.Write(tag.Name);
        foreach (var (name, value) in attributes)
        {
            output.Write(' ');
            output.Write(name);
            output.Write("=\"");
            writeValue(output, name, value);
            output.Write('"');
        }

        output.Write(tag.IsSelfClosing && !HtmlTokens.Void.Contains(tag.Name) ? " />" : ">");
    }
}
