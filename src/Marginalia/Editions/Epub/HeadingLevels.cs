using AngleSharp.Dom;

namespace Marginalia.Editions.Epub;

/// <summary>
/// Moves a body's headings down under the heading the book gives its entry: an initiative's body is published with
/// its headings from h2 (under the page's h1 on the site), and the book's chapter puts each initiative under an h2.
/// </summary>
internal static class HeadingLevels
{
    public static void Shift(XhtmlPage page, IElement root, int by)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(root);
        foreach (var heading in root.QuerySelectorAll("h1, h2, h3, h4, h5, h6").ToArray())
        {
            var level = Math.Min(6, heading.LocalName[1] - '0' + by);
            var moved = page.Element("h" + level.ToString(System.Globalization.CultureInfo.InvariantCulture));
            foreach (var attribute in heading.Attributes.ToArray())
            {
                moved.SetAttribute(attribute.Name, attribute.Value);
            }

            while (heading.FirstChild is { } child)
            {
                moved.AppendChild(child);
            }

            heading.Replace(moved);
        }
    }
}
