using System.Collections.Frozen;
using System.Reflection;

namespace Marginalia.Initiatives;

/// <summary>
/// The vocabulary of an initiative's <c>region</c>, kept in Regions.txt: world regions, "Worldwide" and the countries
/// of ISO 3166-1. A fixed list rather than free text so the initiatives page has one group per place ("India" and
/// "India (including Assam) and worldwide" were two), and a typo gets a "did you mean" instead of a group of its own.
/// </summary>
internal static class Regions
{
    private static readonly (FrozenDictionary<string, string> ByName, IReadOnlyList<string> Names) Vocabulary = Load();

    /// <summary>Every name that may be written, shown names and other spellings alike.</summary>
    public static IReadOnlyList<string> Names => Vocabulary.Names;

    /// <summary>The name as pages show it ("Worldwide" for "global"), or null if the vocabulary does not have it.</summary>
    public static string? Normalise(string written)
    {
        ArgumentNullException.ThrowIfNull(written);
        return Vocabulary.ByName.GetValueOrDefault(string.Join(' ', written.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
    }

    private static (FrozenDictionary<string, string>, IReadOnlyList<string>) Load()
    {
        using var stream = typeof(Regions).Assembly.GetManifestResourceStream("Marginalia.Initiatives.Regions.txt")
            ?? throw new InvalidOperationException("Regions.txt is not embedded in " + typeof(Regions).Assembly.GetName().Name);
        using var reader = new StreamReader(stream);
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var names = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var spellings = line.Split('|');
            foreach (var spelling in spellings)
            {
                byName[spelling] = spellings[0];
                names.Add(spelling);
            }
        }

        return (byName.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase), names);
    }
}
