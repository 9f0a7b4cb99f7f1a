using System.Text.Json;
using Marginalia.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace Marginalia.BrowserTests;

/// <summary>
/// Where a note stands: in the margin on a wide window, under its paragraph when opened on a narrow one, and
/// among the endnotes without JavaScript or on paper. The same <c>li.note</c> moves between those places; it is
/// never copied.
/// </summary>
[Collection(BuiltSite.Collection)]
public sealed class NotesLayoutTests(SiteFixture site)
{
    // Layout positions are fractional and the script rounds a note's top up to a whole pixel.
    private const double Rounding = 1;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The window widths with a margin column: the breakpoint itself (72em), a laptop, a desktop.</summary>
    public static TheoryData<int> WideWidths => [1152, 1400, 1920];

    [SkippableTheory]
    [MemberData(nameof(WideWidths))]
    public async Task Wide_window_sets_every_note_in_the_margin_beside_its_marker_without_overlap(int width)
    {
        // Given the reader on a wide window, served as the host serves it
        await using var context = await site.NewContextAsync(width, 900);
        var page = await context.NewPageAsync();

        // When it has loaded and laid its notes out
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        var layout = await MeasureAsync(page);

        // Then there are notes, each once, and each has left the endnotes for a sidenote list in the margin
        Assert.True(layout.Notes.Count > 0, "the reader has no notes to lay out");
        Assert.Equal(layout.Markers, layout.Notes.Count);
        Assert.Equal(layout.Notes.Count, layout.Notes.Select(note => note.Id).Distinct().Count());
        Assert.All(layout.Notes, note => Assert.Equal("sidenotes", note.Container));
        Assert.Equal(0, await page.Locator(".endnotes li.note").CountAsync());
        Assert.False(await page.Locator(".endnotes").IsVisibleAsync(), "the emptied endnotes section is still shown");

        // And each is shown, inside the window's width, clear of the text column and starting at or below its marker
        Assert.True(layout.TextRight > 0, "no paragraph of the essay was measured");
        foreach (var note in layout.Notes)
        {
            Assert.True(note.Width > 0 && note.Height > 0, $"note {note.Id} has no size: {note}");
            Assert.True(note.Left >= layout.TextRight - Rounding, $"note {note.Id} starts at x={note.Left}, inside the text column that ends at x={layout.TextRight}");
            Assert.True(note.Right <= width + Rounding, $"note {note.Id} ends at x={note.Right}, past the window's {width}px");
            Assert.True(note.Top >= note.MarkerTop - Rounding, $"note {note.Id} starts at y={note.Top}, above its marker at y={note.MarkerTop}");
        }

        // And no two notes overlap
        foreach (var (first, second) in Pairs(layout.Notes))
        {
            var overlapX = Math.Min(first.Right, second.Right) - Math.Max(first.Left, second.Left);
            var overlapY = Math.Min(first.Bottom, second.Bottom) - Math.Max(first.Top, second.Top);
            Assert.False(
                overlapX > Rounding && overlapY > Rounding,
                $"notes {first.Id} (y {first.Top}–{first.Bottom}) and {second.Id} (y {second.Top}–{second.Bottom}) overlap by {overlapY:0.#}px");
        }
    }

    [SkippableFact]
    public async Task Wide_window_marker_opens_its_sidenote_in_full_and_Escape_folds_it_back()
    {
        // Given the reader on a wide window, its sidenotes folded to their first lines
        await using var context = await site.NewContextAsync(1400, 900);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        var marker = page.Locator("a.note-ref").First;
        var id = await marker.GetAttributeAsync("data-note");
        var note = page.Locator($"#note-{id}");
        var fold = note.Locator("button.note-fold");
        await Assertions.Expect(fold).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(note.Locator(".note-sources")).ToBeHiddenAsync();

        // When the reader focuses the marker and presses Enter
        await marker.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        // Then the note is unfolded, shows its sources, and has focus so it is read next; the page did not jump
        // to a fragment
        await Assertions.Expect(fold).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(note.Locator(".note-sources")).ToBeVisibleAsync();
        Assert.True(await page.FocusedMatchesAsync($"#note-{id}"), $"after Enter, focus is on {await page.DescribeFocusedAsync()}");
        Assert.Equal(string.Empty, new Uri(page.Url).Fragment);

        // And the notes below made room for it
        var layout = await MeasureAsync(page);
        foreach (var (first, second) in Pairs(layout.Notes))
        {
            Assert.False(
                Math.Min(first.Bottom, second.Bottom) - Math.Max(first.Top, second.Top) > Rounding,
                $"after unfolding, notes {first.Id} and {second.Id} overlap");
        }

        // When the reader presses Escape
        await page.Keyboard.PressAsync("Escape");

        // Then the note folds again and focus is back on its marker
        await Assertions.Expect(fold).ToHaveAttributeAsync("aria-expanded", "false");
        Assert.True(await page.FocusedMatchesAsync($"#ref-{id}"), $"after Escape, focus is on {await page.DescribeFocusedAsync()}");
    }

    [SkippableTheory]
    [InlineData("tap")]
    [InlineData("Enter")]
    public async Task Narrow_window_opens_a_note_under_its_paragraph_and_Escape_closes_it(string activation)
    {
        // Given the reader on a phone with a touch screen
        await using var context = await site.NewContextAsync(390, 800, options =>
        {
            options.HasTouch = true;
            options.IsMobile = true;
        });
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        var marker = page.Locator("a.note-ref").First;
        var id = await marker.GetAttributeAsync("data-note");
        await Assertions.Expect(marker).ToHaveAttributeAsync("aria-expanded", "false");

        // When the reader taps the note's marker, or focuses it and presses Enter
        if (activation == "tap")
        {
            await marker.TapAsync();
        }
        else
        {
            await marker.FocusAsync();
            await page.Keyboard.PressAsync("Enter");
        }

        // Then the marker says the note is open and names it
        await Assertions.Expect(marker).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(marker).ToHaveAttributeAsync("aria-controls", $"note-{id}");

        // And the note itself (not a copy) stands right after the marker's paragraph, below it, in view
        var placement = await PlacementAsync(page, id!);
        Assert.Equal(1, placement.Copies);
        Assert.Equal("note-inline", placement.Container);
        Assert.True(placement.FollowsMarkersBlock, $"note {id} is not right after the paragraph of its marker: {placement}");
        Assert.True(placement.NoteTop >= placement.BlockBottom - Rounding, $"note {id} starts at y={placement.NoteTop}, above its paragraph's end at y={placement.BlockBottom}");
        await Assertions.Expect(page.Locator($"#note-{id}")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($"#note-{id}")).ToBeInViewportAsync();
        Assert.Equal(string.Empty, new Uri(page.Url).Fragment);

        // When the reader presses Escape
        await page.Keyboard.PressAsync("Escape");

        // Then the note is back among the endnotes, the marker says so, and focus is on the marker
        await Assertions.Expect(marker).ToHaveAttributeAsync("aria-expanded", "false");
        placement = await PlacementAsync(page, id!);
        Assert.Equal("note-list", placement.Container);
        Assert.Equal(0, await page.Locator("ol.note-inline").CountAsync());
        Assert.True(await page.FocusedMatchesAsync($"#ref-{id}"), $"after Escape, focus is on {await page.DescribeFocusedAsync()}");
    }

    [SkippableFact]
    public async Task Narrow_window_second_activation_of_a_marker_closes_its_note()
    {
        // Given a phone with one note opened by a tap on its marker
        await using var context = await site.NewContextAsync(390, 800, options => options.HasTouch = true);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.FileUrlOf(SitePages.Reader));
        var marker = page.Locator("a.note-ref").First;
        var id = await marker.GetAttributeAsync("data-note");
        await marker.TapAsync();
        await Assertions.Expect(marker).ToHaveAttributeAsync("aria-expanded", "true");

        // When the reader taps the same marker again
        await marker.TapAsync();

        // Then the note closes: back in the endnotes, the marker collapsed and focused
        await Assertions.Expect(marker).ToHaveAttributeAsync("aria-expanded", "false");
        Assert.Equal("note-list", (await PlacementAsync(page, id!)).Container);
        Assert.True(await page.FocusedMatchesAsync($"#ref-{id}"), $"focus is on {await page.DescribeFocusedAsync()}");
    }

    [SkippableFact]
    public async Task Narrow_window_Escape_closes_the_note_holding_focus_before_the_last_opened()
    {
        // Given a phone with two notes open, the first one opened first
        await using var context = await site.NewContextAsync(390, 800);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        var markers = page.Locator("a.note-ref");
        var (first, second) = (markers.Nth(0), markers.Nth(1));
        var (firstId, secondId) = (await first.GetAttributeAsync("data-note"), await second.GetAttributeAsync("data-note"));
        await first.ClickAsync();
        await second.ClickAsync();
        await Assertions.Expect(first).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(second).ToHaveAttributeAsync("aria-expanded", "true");

        // When focus is inside the first note and the reader presses Escape
        await page.Locator($"#note-{firstId} a.note-number").FocusAsync();
        await page.Keyboard.PressAsync("Escape");

        // Then the first note closes and focus returns to its marker, while the second stays open
        await Assertions.Expect(first).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(second).ToHaveAttributeAsync("aria-expanded", "true");
        Assert.True(await page.FocusedMatchesAsync($"#ref-{firstId}"), $"focus is on {await page.DescribeFocusedAsync()}");

        // When Escape is pressed again, with focus on a closed note's marker
        await page.Keyboard.PressAsync("Escape");

        // Then the last note still open closes, and focus goes to its marker
        await Assertions.Expect(second).ToHaveAttributeAsync("aria-expanded", "false");
        Assert.True(await page.FocusedMatchesAsync($"#ref-{secondId}"), $"focus is on {await page.DescribeFocusedAsync()}");
    }

    [SkippableFact]
    public async Task Crossing_the_breakpoint_moves_notes_between_margin_and_endnotes()
    {
        // Given the reader on a wide window, notes in the margin
        await using var context = await site.NewContextAsync(1400, 900);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.FileUrlOf(SitePages.Reader));
        var total = await page.Locator("li.note").CountAsync();
        Assert.Equal(total, await page.Locator("ol.sidenotes > li.note").CountAsync());

        // When the window narrows below 1152px
        await page.SetViewportSizeAsync(1000, 900);

        // Then every note is back among the endnotes, which show, and markers become disclosure buttons
        await Assertions.Expect(page.Locator(".endnotes .note-list > li.note")).ToHaveCountAsync(total);
        Assert.Equal(0, await page.Locator("ol.sidenotes").CountAsync());
        await Assertions.Expect(page.Locator(".endnotes")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("a.note-ref").First).ToHaveAttributeAsync("aria-expanded", "false");

        // When a note is opened there and the window widens again
        await page.Locator("a.note-ref").First.ClickAsync();
        await page.SetViewportSizeAsync(1400, 900);

        // Then all notes are in the margin again, each once, and no marker claims an open note
        await Assertions.Expect(page.Locator("ol.sidenotes > li.note")).ToHaveCountAsync(total);
        Assert.Equal(total, await page.Locator("li.note").CountAsync());
        Assert.Equal(0, await page.Locator("ol.note-inline").CountAsync());
        Assert.Equal(0, await page.Locator("a.note-ref[aria-expanded]").CountAsync());
    }

    [SkippableTheory]
    [InlineData(390)]
    [InlineData(1400)]
    public async Task Without_JavaScript_a_marker_leads_to_its_endnote_and_the_endnote_back(int width)
    {
        // Given the reader with JavaScript off, at a width where the script would otherwise move the notes
        await using var context = await site.NewContextAsync(width, 800, options => options.JavaScriptEnabled = false);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        var marker = page.Locator("a.note-ref").First;
        var id = await marker.GetAttributeAsync("data-note");

        // Then the switch that needs the script is not offered
        await Assertions.Expect(page.Locator("button.notes-toggle")).ToBeHiddenAsync();

        // When the reader follows the marker
        await marker.ClickAsync();

        // Then the address names the note, and the note is an endnote, shown in the window
        await page.WaitForURLAsync(url => new Uri(url).Fragment == $"#note-{id}");
        var endnote = page.Locator($".endnotes ol.note-list > li#note-{id}");
        await Assertions.Expect(endnote).ToHaveCountAsync(1);
        await Assertions.Expect(endnote).ToBeVisibleAsync();
        await Assertions.Expect(endnote).ToBeInViewportAsync();

        // When the reader follows the note's number back
        var backlink = endnote.Locator("a.note-number[role='doc-backlink']");
        await Assertions.Expect(backlink).ToHaveAttributeAsync("href", $"#ref-{id}");
        await backlink.ClickAsync();

        // Then the address names the marker, which is in view again
        await page.WaitForURLAsync(url => new Uri(url).Fragment == $"#ref-{id}");
        await Assertions.Expect(marker).ToBeInViewportAsync();
    }

    [SkippableFact]
    public async Task Printing_sets_the_notes_as_endnotes_and_restores_the_margin_after()
    {
        // Given the reader on a wide window, notes in the margin, and a listener that looks at the page while it
        // is being printed (registered first, so it runs before the reader's own afterprint listener)
        await using var context = await site.NewContextAsync(1400, 900);
        var page = await context.NewPageAsync();
        await page.AddInitScriptAsync(
            """
            addEventListener('afterprint', () => {
              window.duringPrint = {
                endnotes: document.querySelectorAll('.endnotes .note-list > li.note').length,
                sidenotes: document.querySelectorAll('ol.sidenotes > li.note').length,
                endnotesShown: !document.querySelector('.endnotes').hidden,
              };
            });
            """);
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        var total = await page.Locator("li.note").CountAsync();

        // When the page is printed
        await page.PdfAsync();

        // Then on paper every note was an endnote, and afterwards they are back in the margin
        var during = await page.EvaluateAsync<int[]>("() => [window.duringPrint.endnotes, window.duringPrint.sidenotes, window.duringPrint.endnotesShown ? 1 : 0]");
        Assert.Equal([total, 0, 1], during);
        await Assertions.Expect(page.Locator("ol.sidenotes > li.note")).ToHaveCountAsync(total);
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
    private static async Task<Layout> MeasureAsync(IPage page)
    {
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
                notes: [...document.querySelectorAll('li.note')].map(li => ({
                  id: li.dataset.note,
                  container: li.parentElement.classList[0] ?? li.parentElement.localName,
                  ...box(li),
                  markerTop: box(document.getElementById('ref-' + li.dataset.note)).top,
                })),
              });
            }
            """);
        return JsonSerializer.Deserialize<Layout>(json, Json) ?? throw new InvalidOperationException("the page measured nothing");
    }

    /// <summary>Where one note is now, and whether that is right after the block that holds its marker.</summary>
    private static async Task<Placement> PlacementAsync(IPage page, string id)
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

    private sealed record Layout(int Markers, double TextRight, IReadOnlyList<NoteBox> Notes);

    private sealed record NoteBox(string Id, string Container, double Top, double Bottom, double Left, double Right, double Width, double Height, double MarkerTop);

    private sealed record Placement(int Copies, string Container, bool FollowsMarkersBlock, double NoteTop, double BlockBottom);
}
