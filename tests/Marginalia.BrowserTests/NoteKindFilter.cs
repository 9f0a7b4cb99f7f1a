using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Marginalia.BrowserTests;

/// <summary>
/// What the filter-by-kind tests share: how many notes of each kind the committed input/ has (counted from the note
/// files themselves, so a new note does not break the tests), and the checkboxes found by their accessible name.
/// </summary>
internal static partial class NoteKindFilter
{
    /// <summary>The reader's group in the settings panel.</summary>
    public const string ReaderGroup = "Kinds of note";

    /// <summary>The notes page's group.</summary>
    public const string NotesPageGroup = "Show notes of kind";

    /// <summary>The labels readers see, by the name note files write (NoteKinds.cs).</summary>
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["context"] = "Context",
        ["source"] = "Source",
        ["fact-check"] = "Fact check",
        ["counterpoint"] = "Counterpoint",
        ["translation"] = "Translation",
    };

    /// <summary>Notes per kind in input/annotations (the committed input the site fixture builds).</summary>
    public static IReadOnlyDictionary<string, int> CountsIn(string inputFolder) =>
        Directory.GetFiles(Path.Combine(inputFolder, "annotations"), "*.md")
            .Select(file => KindLine().Match(File.ReadAllText(file)).Groups["kind"].Value)
            .GroupBy(kind => kind, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    /// <summary>A kind's checkbox by its name as a screen reader hears it: the label and the count, "Fact check 14".</summary>
    public static ILocator Checkbox(IPage page, string group, string kind, int count) =>
        page.GetByRole(AriaRole.Group, new() { Name = group, Exact = true })
            .GetByRole(AriaRole.Checkbox, new() { Name = $"{Labels[kind]} {count}", Exact = true });

    /// <summary>The note ids of the shown markers, notes and passages' washes, and of the markers whose notes are of <paramref name="kind"/>.</summary>
    public static async Task<ReaderState> ReaderStateAsync(IPage page, string kind)
    {
        var counts = await page.EvaluateAsync<int[]>(
            """
            kind => {
              const shown = element => element.getClientRects().length > 0;
              const ofKind = id => document.getElementById('note-' + id).classList.contains('note--' + kind);
              const markers = [...document.querySelectorAll('#essay a.note-ref')];
              const notes = [...document.querySelectorAll('#essay li.note')];
              return [
                markers.filter(shown).length,
                markers.filter(shown).filter(m => ofKind(m.getAttribute('href').slice('#note-'.length))).length,
                markers.filter(m => !shown(m)).filter(m => !ofKind(m.getAttribute('href').slice('#note-'.length))).length,
                notes.filter(shown).length,
                notes.filter(shown).filter(li => li.classList.contains('note--' + kind)).length,
              ];
            }
            """,
            kind);
        return new(counts[0], counts[1], counts[2], counts[3], counts[4]);
    }

    public sealed record ReaderState(int ShownMarkers, int ShownMarkersOfKind, int HiddenMarkersOfOtherKinds, int ShownNotes, int ShownNotesOfKind);

    // A value may be quoted and followed by a comment: `new annotation` writes kind: "fact-check".
    [GeneratedRegex(@"^kind:\s*""?(?<kind>[a-z-]+)""?\s*(#.*)?$", RegexOptions.Multiline)]
    private static partial Regex KindLine();
}
