using System.Text.Json;
using Marginalia.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace Marginalia.BrowserTests;

/// <summary>Measuring where the reader's notes stand, and the sidenote layout's promises, for the notes tests.</summary>
internal static class NotesGeometry
{
    /// <summary>Layout positions are fractional and the script rounds a note's top up to a whole pixel.</summary>
    public const double Rounding = 1;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The sidenote layout's promises: shown, in the window, clear of the text (in the right-hand margin, or the left one on very wide windows), at or below the marker, no overlaps.</summary>
    public static void AssertSidenotesLaidOut(Layout layout, int width)
    {
        Assert.True(layout.TextRight > 0, "no paragraph of the essay was measured");
        foreach (var note in layout.Notes)
        {
            Assert.Equal("sidenotes", note.Container);
            Assert.True(note.Width > 0 && note.Height > 0, $"note {note.Id} has no size: {note}");
            Assert.True(
                note.Left >= layout.TextRight - Rounding || note.Right <= layout.TextLeft + Rounding,
                $"note {note.Id} (x {note.Left}–{note.Right}) reaches into the text column (x {layout.TextLeft}–{layout.TextRight})");
            Assert.True(note.Left >= -Rounding && note.Right <= width + Rounding, $"note {note.Id} (x {note.Left}–{note.Right}) is not inside the window's {width}px");
            Assert.True(note.Top >= note.MarkerTop - Rounding, $"note {note.Id} starts at y={note.Top}, above its marker at y={note.MarkerTop}");
        }

        foreach (var (first, second) in Pairs(layout.Notes))
        {
            var overlapX = Math.Min(first.Right, second.Right) - Math.Max(first.Left, second.Left);
            var overlapY = Math.Min(first.Bottom, second.Bottom) - Math.Max(first.Top, second.Top);
            Assert.False(
                overlapX > Rounding && overlapY > Rounding,
                $"notes {first.Id} (y {first.Top}–{first.Bottom}) and {second.Id} (y {second.Top}–{second.Bottom}) overlap by {overlapY:0.#}px");
        }
    }

    private static IEnumerable<(NoteBox First, NoteBox Second)> Pairs(IReadOnlyList<NoteBox> notes)
    {
        for (var i = 0; i < notes.Count; i++)
        {
            for (var j = i + 1; j < notes.Count; j++)
            {
                yield return (notes[i], notes[j]);
            }
        }
    }

    /// <summary>Every note's box and its marker's top, in page coordinates, and the right edge of the essay's text.</summary>
    public static async Task<Layout> MeasureAsync(IPage page)
    {
        // The page lays its notes out in frames after its scripts start; measured between, a note stands where the
        // text was a moment before.
        await page.WaitForStartsAsync();
        var json = await page.EvaluateAsync<string>(
            """
            () => {
              const box = element => {
                const r = element.getBoundingClientRect();
                return { top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left + scrollX, right: r.right + scrollX, width: r.width, height: r.height };
              };
              const paragraphs = [...document.querySelectorAll('.essay-section > p')];
              return JSON.stringify({
                markers: document.querySelectorAll('a.note-ref').length,
                textRight: Math.max(0, ...paragraphs.map(p => box(p).right)),
                textLeft: Math.min(...paragraphs.map(p => box(p).left)),
                notes: [...document.querySelectorAll('li.note')].map(li => ({
                  id: li.id.slice('note-'.length),
                  container: li.parentElement.classList[0] ?? li.parentElement.localName,
                  ...box(li),
                  markerTop: box(document.getElementById('ref-' + li.id.slice('note-'.length))).top,
                })),
              });
            }
            """);
        return JsonSerializer.Deserialize<Layout>(json, Json) ?? throw new InvalidOperationException("the page measured nothing");
    }

    /// <summary>Where one note is now, and whether that is right after the block that holds its marker.</summary>
    public static async Task<Placement> PlacementAsync(IPage page, string id)
    {
        var json = await page.EvaluateAsync<string>(
            """
            id => {
              const notes = document.querySelectorAll('#note-' + id);
              const note = notes[0];
              const block = document.getElementById('ref-' + id).closest('.essay-section > *');
              return JSON.stringify({
                copies: notes.length,
                container: note.parentElement.classList[0] ?? note.parentElement.localName,
                followsMarkersBlock: note.parentElement.previousElementSibling === block,
                noteTop: note.getBoundingClientRect().top + scrollY,
                blockBottom: block.getBoundingClientRect().bottom + scrollY,
              });
            }
            """,
            id);
        return JsonSerializer.Deserialize<Placement>(json, Json) ?? throw new InvalidOperationException($"note {id} was not found");
    }

    public sealed record Layout(int Markers, double TextLeft, double TextRight, IReadOnlyList<NoteBox> Notes);

    public sealed record NoteBox(string Id, string Container, double Top, double Bottom, double Left, double Right, double Width, double Height, double MarkerTop);

    public sealed record Placement(int Copies, string Container, bool FollowsMarkersBlock, double NoteTop, double BlockBottom);
}
