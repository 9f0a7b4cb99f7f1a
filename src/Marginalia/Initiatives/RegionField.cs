using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Marginalia.Content;
using Marginalia.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Marginalia.Initiatives;

/// <summary>Reads <c>region</c>: one name from <see cref="Regions"/>, or a list of them, the first being where the page is grouped.</summary>
internal static partial class RegionField
{
    public const string Hint = "use a country or world region such as India, South Asia or Worldwide (the list is src/Marginalia/Initiatives/Regions.txt); for several, a list: region: [Kenya, Rwanda]";

    /// <returns>The regions as pages show them, without repeats; empty when the field is absent or wrong (reported).</returns>
    public static ImmutableArray<string> Read(FieldParser fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        List<(string Text, SourceLocation At)>? written;
        if (fields.OptionalNode("region") is YamlSequenceNode)
        {
            written = fields.OptionalPhraseList("region", "each region must be a name such as India or Worldwide", "'region' must be a name or a list of names");
        }
        else
        {
            written = fields.OptionalString("region") is { } one ? [(one.Trim(), fields.Location(fields.OptionalNode("region")!.Start))] : null;
        }

        var regions = ImmutableArray.CreateBuilder<string>();
        foreach (var (text, at) in written ?? [])
        {
            if (Regions.Normalise(text) is { } region)
            {
                if (!regions.Contains(region))
                {
                    regions.Add(region);
                }

                continue;
            }

            fields.Error(DiagnosticCodes.UnknownRegion, at, $"'{text}' is not a region this site knows", Guess(text) is { } guess ? guess + " Otherwise " + Hint : Hint);
        }

        return regions.ToImmutable();
    }

    /// <summary>A close spelling, or the known places a phrase names ("India (including Assam) and worldwide").</summary>
    private static string? Guess(string text)
    {
        var parts = Parts().Split(text).Select(p => Regions.Normalise(p.Trim())).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return parts.Count > 0
            ? $"did you mean region: [{string.Join(", ", parts)}]?"
            : Suggestions.DidYouMean(text, Regions.Names);
    }

    [GeneratedRegex(@",|;|/|\(|\)|:|\band\b|&", RegexOptions.IgnoreCase)]
    private static partial Regex Parts();
}
