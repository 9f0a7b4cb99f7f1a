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
    private const double Rounding = NotesGeometry.Rounding;

    /// <summary>The window widths with a margin column: the breakpoint itself (64em), a laptop, a desktop.</summary>
    public static TheoryData<int> WideWidths => [1024, 1400, 1920];

    [SkippableTheory]
    [MemberData(nameof(WideWidths))]
    public async Task Wide_window_sets_every_note_in_the_margin_beside_its_marker_without_overlap(int width)
    {
        // Given the reader on a wide window, served as the host serves it
        await using var context = await site.NewContextAsync(width, 900);
        var page = await context.NewPageAsync();

        // When it has loaded and laid its notes out
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        var layout = await NotesGeometry.MeasureAsync(page);

        // Then there are notes, each once, and each has left the endnotes for a sidenote list in the margin
        Assert.True(layout.Notes.Count > 0, "the reader has no notes to lay out");
        Assert.Equal(layout.Markers, layout.Notes.Count);
        Assert.Equal(layout.Notes.Count, layout.Notes.Select(note => note.Id).Distinct().Count());
        Assert.All(layout.Notes, note => Assert.Equal("sidenotes", note.Container));
        Assert.Equal(0, await page.Locator(".endnotes li.note").CountAsync());
        Assert.False(await page.Locator(".endnotes").IsVisibleAsync(), "the emptied endnotes section is still shown");

        // And each is shown, inside the window's width, clear of the text column, at or below its marker, and
        // clear of every other note
        NotesGeometry.AssertSidenotesLaidOut(layout, width);
    }

    [SkippableFact]
    public async Task When_the_text_moves_the_notes_move_before_the_frame_is_drawn()
    {
        // Given the reader on a wide window, with the notes measured against their markers after each of the page's
        // resize observers has run (the last of a frame's work before the browser draws it)
        await using var context = await site.NewContextAsync(1400, 900);
        var page = await context.NewPageAsync();
        await page.AddInitScriptAsync(
            """
            window.drawn = [];
            const Native = window.ResizeObserver;
            window.ResizeObserver = class extends Native {
              constructor(callback) {
                super((entries, observer) => {
                  callback(entries, observer);
                  const notes = [...document.querySelectorAll('.sidenotes li.note')];
                  window.drawn.push(Math.min(...notes.map(li =>
                    li.getBoundingClientRect().top - document.getElementById('ref-' + li.id.slice('note-'.length)).getBoundingClientRect().top)));
                });
              }
            };
            """);
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));

        // When a line is added to the first paragraph, moving every later marker down (as a Cite button that takes
        // a paragraph's last word onto a new line does while the page starts)
        await page.EvaluateAsync(
            """
            () => {
              window.drawn = [];
              document.querySelector('.essay-section > p').append(document.createElement('br'), 'one more line');
            }
            """);
        await page.WaitForStartsAsync();

        // Then in the frame that drew the moved text, no note stood above its marker
        var drawn = await page.EvaluateAsync<double[]>("() => window.drawn");
        Assert.NotEmpty(drawn);
        Assert.All(drawn, worst => Assert.True(worst >= -Rounding, $"a note stood {-worst:0.#}px above its marker in a drawn frame"));
    }

    [SkippableFact]
    public async Task Resizing_a_wide_window_lays_the_sidenotes_out_again()
    {
        // Given the reader on the narrowest window that has a margin
        await using var context = await site.NewContextAsync(1024, 900);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));

        // When the window widens to a desktop's, where the root size steps up, so every marker moves down the page
        await page.SetViewportSizeAsync(1920, 900);
        await page.WaitForFunctionAsync("() => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(() => resolve(true))))");

        // Then the notes are stacked again from their markers' new places
        NotesGeometry.AssertSidenotesLaidOut(await NotesGeometry.MeasureAsync(page), 1920);
    }

    [SkippableFact]
    public async Task Opening_the_reader_at_a_notes_address_shows_that_note_unfolded_in_the_margin()
    {
        // Given the address of the last note, far down the essay
        await using var context = await site.NewContextAsync(1400, 900);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        var id = (await page.Locator("a.note-ref").Last.GetAttributeAsync("href"))!["#note-".Length..];

        // When a reader opens the essay at that address in a fresh tab
        var fresh = await context.NewPageAsync();
        await fresh.OpenAsync(new Uri(site.Server.UrlOf(SitePages.Reader), $"#note-{id}"));

        // Then the note is in the margin, unfolded, and in view
        var note = fresh.Locator($"ol.sidenotes > li#note-{id}");
        await Assertions.Expect(note).ToHaveCountAsync(1);
        await Assertions.Expect(note.Locator("button.note-fold")).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(note).ToBeInViewportAsync();
    }

    [SkippableFact]
    public async Task Wide_window_marker_opens_its_sidenote_in_full_and_Escape_folds_it_back()
    {
        // Given the reader on a wide window, its sidenotes folded to their first lines
        await using var context = await site.NewContextAsync(1400, 900);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        var marker = page.Locator("a.note-ref").First;
        var id = (await marker.GetAttributeAsync("href"))!["#note-".Length..];
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
        NotesGeometry.AssertSidenotesLaidOut(await NotesGeometry.MeasureAsync(page), 1400);

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
        var id = (await marker.GetAttributeAsync("href"))!["#note-".Length..];
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
        var placement = await NotesGeometry.PlacementAsync(page, id!);
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
        placement = await NotesGeometry.PlacementAsync(page, id!);
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
        var id = (await marker.GetAttributeAsync("href"))!["#note-".Length..];
        await marker.TapAsync();
        await Assertions.Expect(marker).ToHaveAttributeAsync("aria-expanded", "true");

        // When the reader taps the same marker again
        await marker.TapAsync();

        // Then the note closes: back in the endnotes, the marker collapsed and focused
        await Assertions.Expect(marker).ToHaveAttributeAsync("aria-expanded", "false");
        Assert.Equal("note-list", (await NotesGeometry.PlacementAsync(page, id!)).Container);
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
        var (firstId, secondId) = ((await first.GetAttributeAsync("href"))!["#note-".Length..], (await second.GetAttributeAsync("href"))!["#note-".Length..]);
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

        // When the window narrows below 1024px
        await page.SetViewportSizeAsync(960, 900);

        // Then every note is back among the endnotes, which show, and markers become disclosure buttons
        await Assertions.Expect(page.Locator(".endnotes .note-list > li.note")).ToHaveCountAsync(total);
        Assert.Equal(0, await page.Locator("ol.sidenotes").CountAsync());
        await Assertions.Expect(page.Locator(".endnotes")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("a.note-ref").First).ToHaveAttributeAsync("aria-expanded", "false");

        // When a note is opened there and the window widens again
        await page.Locator("a.note-ref").First.ClickAsync();
        await page.SetViewportSizeAsync(1400, 900);

        // Then all notes are in the margin again, each once, laid out, and no marker claims an open note
        await Assertions.Expect(page.Locator("ol.sidenotes > li.note")).ToHaveCountAsync(total);
        Assert.Equal(total, await page.Locator("li.note").CountAsync());
        Assert.Equal(0, await page.Locator("ol.note-inline").CountAsync());
        Assert.Equal(0, await page.Locator("a.note-ref[aria-expanded]").CountAsync());
        NotesGeometry.AssertSidenotesLaidOut(await NotesGeometry.MeasureAsync(page), 1400);
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
        var id = (await marker.GetAttributeAsync("href"))!["#note-".Length..];

        // Then the settings that need the script are not offered
        await Assertions.Expect(page.Locator(ReaderSettings.Button)).ToBeHiddenAsync();

        // When the reader follows the marker
        await marker.ClickAsync();

        // Then the address names the note, and the note is an endnote, shown in the window
        await page.WaitForAddressAsync(url => new Uri(url).Fragment == $"#note-{id}");
        var endnote = page.Locator($".endnotes ol.note-list > li#note-{id}");
        await Assertions.Expect(endnote).ToHaveCountAsync(1);
        await Assertions.Expect(endnote).ToBeVisibleAsync();
        await Assertions.Expect(endnote).ToBeInViewportAsync();

        // When the reader follows the note's number back
        var backlink = endnote.Locator("a.note-number[role='doc-backlink']");
        await Assertions.Expect(backlink).ToHaveAttributeAsync("href", $"#ref-{id}");
        await backlink.ClickAsync();

        // Then the address names the marker, which is in view again
        await page.WaitForAddressAsync(url => new Uri(url).Fragment == $"#ref-{id}");
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
}
