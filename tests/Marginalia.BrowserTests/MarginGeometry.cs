using System.Text.Json;
using Marginalia.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Marginalia.BrowserTests;

/// <summary>
/// The margin's promises at any density, measured in the page: every compact note beside its marker's line, groups
/// of notes whose markers share a line stacked from there, no two margin elements overlapping, nothing past the
/// essay's end. "The top of a marker's line" is taken as the top of the marker itself: a raised number, it sits at or
/// above the line's letters, so the drift measured from it is never less than from the line.
/// </summary>
internal static class MarginGeometry
{
    /// <summary>How far below its line (or the form above it in its group) a compact form may start.</summary>
    public const double MaxDrift = 24;

    private const double Rounding = 1;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<Margin> MeasureAsync(IPage page)
    {
        // The page lays its notes out in frames after its scripts start; measured between, a note stands where the
        // text was a moment before.
        await page.WaitForStartsAsync();
        var json = await page.EvaluateAsync<string>(
            """
            () => {
              const box = element => {
                const r = element.getBoundingClientRect();
                return { top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left + scrollX, right: r.right + scrollX };
              };
              const text = box(document.querySelector('.essay-section > p'));
              const toc = document.querySelector('.essay .toc');
              const tocBox = toc ? box(toc) : null;
              return JSON.stringify({
                essayEnd: box(document.querySelector('.essay-body')).bottom,
                textLeft: text.left,
                textRight: text.right,
                toc: tocBox && (tocBox.left >= text.right || tocBox.right <= text.left) ? tocBox : null,
                notes: [...document.querySelectorAll('.sidenotes > li.note')].map(li => ({
                  id: li.id.slice('note-'.length),
                  number: Number(li.querySelector('.note-number').textContent),
                  folded: li.classList.contains('note--folded'),
                  line: box(document.getElementById('ref-' + li.id.slice('note-'.length))).top,
                  ...box(li),
                })).sort((a, b) => a.number - b.number),
              });
            }
            """);
        return JsonSerializer.Deserialize<Margin>(json, Json) ?? throw new InvalidOperationException("the page measured nothing");
    }

    /// <summary>Every broken promise, in words; empty when the margin holds. <paramref name="worst"/> is the largest drift found.</summary>
    public static IReadOnlyList<string> Problems(Margin margin, out double worst)
    {
        var problems = new List<string>();
        worst = 0;
        for (var i = 0; i < margin.Notes.Count; i++)
        {
            // In a group (markers on one line), the form before it is the previous note's: a chip beside it in the
            // same row starts above that one's end, which counts as no drift.
            var note = margin.Notes[i];
            var sharesLine = i > 0 && Math.Abs(margin.Notes[i - 1].Line - note.Line) < 4;
            var from = sharesLine ? margin.Notes[i - 1].Bottom : note.Line;
            var drift = note.Top - from;
            worst = Math.Max(worst, drift);
            if (drift > MaxDrift)
            {
                problems.Add($"note {note.Number} starts {drift:0.#}px below {(sharesLine ? "the end of the note before it on its line" : "its marker's line")} (y {from:0.#} → {note.Top:0.#})");
            }

            if (note.Top < note.Line - Rounding)
            {
                problems.Add($"note {note.Number} starts at y {note.Top:0.#}, above its marker's line at y {note.Line:0.#}");
            }

            if (note.Bottom > margin.EssayEnd + Rounding)
            {
                problems.Add($"note {note.Number} ends at y {note.Bottom:0.#}, past the essay's end at y {margin.EssayEnd:0.#}");
            }

            if (note.Left < margin.TextRight - Rounding && note.Right > margin.TextLeft + Rounding)
            {
                problems.Add($"note {note.Number} (x {note.Left:0.#}–{note.Right:0.#}) reaches into the text (x {margin.TextLeft:0.#}–{margin.TextRight:0.#})");
            }

        }

        problems.AddRange(Overlaps(margin));
        return problems;
    }

    /// <summary>Every pair of margin elements (notes, and the contents where they stand in a margin) that overlap.</summary>
    public static IEnumerable<string> Overlaps(Margin margin)
    {
        var boxes = margin.Notes.Select(note => (Name: $"note {note.Number}", Box: (Box)note)).ToList();
        if (margin.Toc is not null)
        {
            boxes.Add(("the contents", margin.Toc));
        }

        for (var i = 0; i < boxes.Count; i++)
        {
            for (var j = i + 1; j < boxes.Count; j++)
            {
                var (a, b) = (boxes[i].Box, boxes[j].Box);
                var x = Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left);
                var y = Math.Min(a.Bottom, b.Bottom) - Math.Max(a.Top, b.Top);
                if (x > Rounding && y > Rounding)
                {
                    yield return $"{boxes[i].Name} (y {a.Top:0.#}–{a.Bottom:0.#}) and {boxes[j].Name} (y {b.Top:0.#}–{b.Bottom:0.#}) overlap by {y:0.#}×{x:0.#}px";
                }
            }
        }
    }

    public record Box(double Top, double Bottom, double Left, double Right);

    public sealed record Note(string Id, int Number, bool Folded, double Line, double Top, double Bottom, double Left, double Right)
        : Box(Top, Bottom, Left, Right);

    public sealed record Margin(double EssayEnd, double TextLeft, double TextRight, Box? Toc, IReadOnlyList<Note> Notes);
}
