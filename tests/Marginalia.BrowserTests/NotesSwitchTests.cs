using Marginalia.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace Marginalia.BrowserTests;

/// <summary>
/// The notes' switch, now the "Notes" checkbox in the reader settings: a plain reading of the essay, kept across
/// reloads and later visits.
/// </summary>
[Collection(BuiltSite.Collection)]
public sealed class NotesSwitchTests(SiteFixture site)
{
    [SkippableTheory]
    [InlineData(1400)]
    [InlineData(390)]
    public async Task Hide_notes_hides_them_and_the_choice_survives_a_reload_and_a_new_visit(int width)
    {
        // Given the reader with its notes shown, and the settings offered by the script, the Notes box checked
        await using var context = await site.NewContextAsync(width, 900);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        await ReaderSettings.OpenAsync(page);
        var notes = ReaderSettings.Checkbox(page, ReaderSettings.Notes);
        await Assertions.Expect(notes).ToBeCheckedAsync();
        await AssertNotesShownAsync(page, shown: true);

        // When the reader unchecks it
        await notes.UncheckAsync();

        // Then it is unchecked, and the essay reads plain
        await Assertions.Expect(notes).Not.ToBeCheckedAsync();
        await AssertNotesShownAsync(page, shown: false);

        // And so it stays after a reload
        await page.ReloadAndSettleAsync();
        await ReaderSettings.OpenAsync(page);
        await Assertions.Expect(ReaderSettings.Checkbox(page, ReaderSettings.Notes)).Not.ToBeCheckedAsync();
        await AssertNotesShownAsync(page, shown: false);

        // And on a later visit to the essay in another tab
        var later = await context.NewPageAsync();
        await later.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        await ReaderSettings.OpenAsync(later);
        await Assertions.Expect(ReaderSettings.Checkbox(later, ReaderSettings.Notes)).Not.ToBeCheckedAsync();
        await AssertNotesShownAsync(later, shown: false);

        // When the reader checks it again there
        await ReaderSettings.SetMarkAsync(later, ReaderSettings.Notes, shown: true);

        // Then the notes are back (in the margin, laid out there, though the page loaded with them hidden), and
        // stay back after a reload
        await AssertNotesShownAsync(later, shown: true);
        if (width >= 1024)
        {
            NotesGeometry.AssertSidenotesLaidOut(await NotesGeometry.MeasureAsync(later), width);
        }

        await later.ReloadAndSettleAsync();
        await ReaderSettings.OpenAsync(later);
        await Assertions.Expect(ReaderSettings.Checkbox(later, ReaderSettings.Notes)).ToBeCheckedAsync();
        await AssertNotesShownAsync(later, shown: true);
    }

    [SkippableFact]
    public async Task Hidden_notes_are_hidden_by_the_time_the_document_is_parsed()
    {
        // Given a reader who hid the notes on an earlier visit, and a probe that looks at the page when parsing ends
        // (DOMContentLoaded). settings.js is deferred so that no script holds up the first render; it runs just
        // before this event, so the choice is applied before the page is interactive (a slow device may paint one
        // frame with the markers first: the price of not blocking every reader's first render).
        await using var context = await site.NewContextAsync(1400, 900);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        await ReaderSettings.SetMarkAsync(page, ReaderSettings.Notes, shown: false);
        await page.AddInitScriptAsync(
            """
            document.addEventListener('DOMContentLoaded', () => {
              window.hiddenWhenParsed = document.documentElement.classList.contains('notes-hidden');
            });
            """);

        // When the essay is opened again
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));

        // Then the notes were hidden when the document was parsed
        Assert.True(await page.EvaluateAsync<bool>("() => window.hiddenWhenParsed === true"), "the notes-hidden class was not set when the document was parsed");
    }

    [SkippableFact]
    public async Task Without_storage_the_switch_still_works_for_the_page()
    {
        // Given a browser whose localStorage throws, as some privacy settings make it
        await using var context = await site.NewContextAsync(1400, 900);
        var page = await context.NewPageAsync();
        var problems = PageProblems.RecordOn(page);
        await page.AddInitScriptAsync(
            """
            Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
            """);
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));

        // When the reader switches the notes off in the settings
        await ReaderSettings.SetMarkAsync(page, ReaderSettings.Notes, shown: false);

        // Then the notes hide all the same, and nothing failed
        await AssertNotesShownAsync(page, shown: false);
        Assert.True(problems.All.Count == 0, string.Join(Environment.NewLine, problems.All));
    }

    /// <summary>Markers, notes and the passages' marking are all shown, or all gone.</summary>
    private static async Task AssertNotesShownAsync(IPage page, bool shown)
    {
        var state = await page.EvaluateAsync<string[]>(
            """
            () => {
              const mark = document.querySelector('mark.note-mark');
              return [
                String(document.documentElement.classList.contains('notes-hidden')),
                getComputedStyle(mark).textDecorationLine,
              ];
            }
            """);
        Assert.Equal(shown ? "false" : "true", state[0]);
        var marker = page.Locator("a.note-ref").First;
        var note = page.Locator("li.note").First;
        if (shown)
        {
            await Assertions.Expect(marker).ToBeVisibleAsync();
            Assert.Equal("underline", state[1]);
        }
        else
        {
            await Assertions.Expect(marker).ToBeHiddenAsync();
            await Assertions.Expect(note).ToBeHiddenAsync();
            await Assertions.Expect(page.Locator("li.note:visible")).ToHaveCountAsync(0);
            Assert.Equal("none", state[1]);
        }
    }
}
