using System.Globalization;
using AngleSharp.Dom;
using Marginalia.Annotations;

namespace Marginalia.Reader;

/// <summary>Numbers every note marker in document order, which is reading order whatever kind of note it belongs to.</summary>
public static class NoteMarkers
{
    /// <returns>Each marker's note id (its <c>data-note</c>) with its number.</returns>
    public static Dictionary<string, int> Number(IElement root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var marker in root.QuerySelectorAll("a." + EssayWeaver.MarkerClass))
        {
            var number = numbers.Count + 1;
            var text = number.ToString(CultureInfo.InvariantCulture);
            marker.TextContent = text;
            marker.SetAttribute("aria-label", "Note " + text);
            numbers[marker.GetAttribute("data-note")!] = number;
        }

        return numbers;
    }
}
