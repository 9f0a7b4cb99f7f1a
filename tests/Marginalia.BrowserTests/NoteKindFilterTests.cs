using Deque.AxeCore.Commons;
using Marginalia.BrowserTests.Infrastructure;
using Marginalia.Testing;
using Microsoft.Playwright;
using Xunit;

namespace Marginalia.BrowserTests;

/// <summary>
/// Notes filtered by kind (notes-filter.js): on the reader, in the settings panel, and on the notes page, one checkbox
/// per kind with its count; a kind turned off leaves the text, the margin and the list, is remembered on both pages,
/// and works by keyboard. The counts are those of the committed input/annotations, counted here from the files.
/// </summary>
[Collection(BuiltSite.Collection)]
public sealed class NoteKindFilterTests(SiteFixture site)
{
    /// <summary>The kind the tests turn off: the second most common in the input, enough notes to leave gaps.</summary>
    private const string Kind = "fact-check";

    private IReadOnlyDictionary<string, int> Counts => NoteKindFilter.CountsIn(CommittedInput.Of(site.RepositoryRoot).Input);

    private int Total => Counts.Values.Sum();

    [SkippableFact]
    public async Task Each_kind_has_a_checkbox_with_its_count_on_both_pages()
    {
        await using var context = await site.NewContextAsync(1440, 900);
        var page = await context.NewPageAsync();

        // Given the reader with its settings panel open
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        await ReaderSettings.OpenAsync(page);

        // Then the kinds group has one checked checkbox per kind of the input, named with its count ("Fact check 14")
        var reader = page.GetByRole(AriaRole.Group, new() { Name = NoteKindFilter.ReaderGroup, Exact = true });
        Assert.Equal(Counts.Count, await reader.GetByRole(AriaRole.Checkbox).CountAsync());
        foreach (var (kind, count) in Counts)
        {
            await Assertions.Expect(NoteKindFilter.Checkbox(page, NoteKindFilter.ReaderGroup, kind, count)).ToBeCheckedAsync();
        }

        // And the notes page has the same kinds and counts, and says every note shows
        await page.OpenAsync(site.Server.UrlOf(SitePages.Notes));
        foreach (var (kind, count) in Counts)
        {
            await Assertions.Expect(NoteKindFilter.Checkbox(page, NoteKindFilter.NotesPageGroup, kind, count)).ToBeCheckedAsync();
        }

        await Assertions.Expect(page.Locator(".notes-filter-status")).ToHaveTextAsync($"Showing all {Total} notes");
    }

    [SkippableFact]
    public async Task Without_JavaScript_no_filter_shows_and_every_note_is_listed()
    {
        // Given the reader's browser runs no script
        await using var context = await site.NewContextAsync(1440, 900, options => options.JavaScriptEnabled = false);
        var page = await context.NewPageAsync();

        // When the notes page opens
        await page.OpenAsync(site.Server.UrlOf(SitePages.Notes));

        // Then the checkboxes, which would do nothing, are not shown, though their counts are in the page; every note is
        await Assertions.Expect(page.Locator("fieldset.note-kinds")).ToBeHiddenAsync();
        Assert.Equal(Counts[Kind].ToString(System.Globalization.CultureInfo.InvariantCulture),
            await page.Locator($"label:has(input[value='{Kind}']) .note-kinds-count").TextContentAsync());
        await Assertions.Expect(page.Locator(".notes-index > li.note:visible")).ToHaveCountAsync(Total);
    }

    [SkippableFact]
    public async Task A_kind_turned_off_in_the_margin_takes_its_markers_and_sidenotes_and_the_margin_closes_up()
    {
        // Given the reader at 1440 px, every note in the margin
        await using var context = await site.NewContextAsync(1440, 900);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        Assert.Equal(new NoteKindFilter.ReaderState(Total, Counts[Kind], 0, Total, Counts[Kind]), await NoteKindFilter.ReaderStateAsync(page, Kind));

        // When the reader turns fact checks off in the settings
        await ReaderSettings.OpenAsync(page);
        await NoteKindFilter.Checkbox(page, NoteKindFilter.ReaderGroup, Kind, Counts[Kind]).UncheckAsync();
        await ReaderSettings.CloseAsync(page);

        // Then exactly the fact checks' markers and sidenotes are gone, and every other note stays
        var left = Total - Counts[Kind];
        Assert.Equal(new NoteKindFilter.ReaderState(left, 0, 0, left, 0), await NoteKindFilter.ReaderStateAsync(page, Kind));

        // And the notes left in the margin stand beside their lines with no gap kept for the hidden ones: none
        // drifts more than 24 px, none overlaps another
        var margin = await MarginGeometry.MeasureAsync(page);
        var shown = margin with { Notes = [.. margin.Notes.Where(note => note.Bottom > note.Top)] };
        Assert.Equal(left, shown.Notes.Count);
        var problems = MarginGeometry.Problems(shown, out _);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));

        // And the passages only fact checks were about have no wash
        var washes = await page.EvaluateAsync<int[]>(
            """
            () => {
              const onlyFactChecks = [...document.querySelectorAll('mark.note-mark')]
                .filter(mark => mark.dataset.notes.split(' ').every(id => document.getElementById('note-' + id).classList.contains('note--fact-check')));
              return [onlyFactChecks.length, onlyFactChecks.filter(mark => getComputedStyle(mark).backgroundColor !== 'rgba(0, 0, 0, 0)').length];
            }
            """);
        Assert.True(washes[0] > 0, "no passage has fact checks only");
        Assert.Equal(0, washes[1]);

        // When the kind is turned on again
        await ReaderSettings.OpenAsync(page);
        await NoteKindFilter.Checkbox(page, NoteKindFilter.ReaderGroup, Kind, Counts[Kind]).CheckAsync();
        await ReaderSettings.CloseAsync(page);

        // Then every note is back in the margin, and the margin still holds
        Assert.Equal(new NoteKindFilter.ReaderState(Total, Counts[Kind], 0, Total, Counts[Kind]), await NoteKindFilter.ReaderStateAsync(page, Kind));
        var again = await MarginGeometry.MeasureAsync(page);
        Assert.Empty(MarginGeometry.Problems(again, out _));
    }

    [SkippableFact]
    public async Task A_kind_turned_off_on_a_phone_takes_its_markers_and_closes_its_open_notes()
    {
        // Given the reader at 390 px, with a fact check opened under its paragraph
        await using var context = await site.NewContextAsync(390, 844);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        var id = await page.EvaluateAsync<string>($"() => document.querySelector('#essay li.note.note--{Kind}').id.slice('note-'.length)");
        await page.Locator($"#ref-{id}").ClickAsync();
        await Assertions.Expect(page.Locator($".note-inline > #note-{id}")).ToBeVisibleAsync();

        // When the reader turns fact checks off
        await ReaderSettings.OpenAsync(page);
        await NoteKindFilter.Checkbox(page, NoteKindFilter.ReaderGroup, Kind, Counts[Kind]).UncheckAsync();
        await ReaderSettings.CloseAsync(page);

        // Then the open note has gone back and is hidden, and exactly the fact checks' markers and endnotes are gone
        await Assertions.Expect(page.Locator(".note-inline")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator($"#note-{id}")).ToBeHiddenAsync();
        var left = Total - Counts[Kind];
        Assert.Equal(new NoteKindFilter.ReaderState(left, 0, 0, left, 0), await NoteKindFilter.ReaderStateAsync(page, Kind));

        // And a note of another kind still opens under its paragraph
        var other = await page.EvaluateAsync<string>($"() => document.querySelector('#essay li.note:not(.note--{Kind})').id.slice('note-'.length)");
        await page.Locator($"#ref-{other}").ClickAsync();
        await Assertions.Expect(page.Locator($".note-inline > #note-{other}")).ToBeVisibleAsync();
    }

    [SkippableFact]
    public async Task The_notes_page_hides_the_kinds_entries_says_how_many_show_and_both_pages_remember_it()
    {
        // Given the notes page
        await using var context = await site.NewContextAsync(1280, 900);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Notes));
        var left = Total - Counts[Kind];

        // When the reader turns fact checks off
        await NoteKindFilter.Checkbox(page, NoteKindFilter.NotesPageGroup, Kind, Counts[Kind]).UncheckAsync();

        // Then exactly the other kinds' entries show, and the live status says how many
        await Assertions.Expect(page.Locator(".notes-index > li.note:visible")).ToHaveCountAsync(left);
        await Assertions.Expect(page.Locator($".notes-index > li.note.note--{Kind}:visible")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("p.notes-filter-status[role=status]")).ToHaveTextAsync($"Showing {left} of {Total} notes");

        // And no section heading stands over an empty list
        Assert.Equal(0, await page.EvaluateAsync<int>(
            "() => [...document.querySelectorAll('.notes-section')].filter(s => s.getClientRects().length > 0 && ![...s.querySelectorAll('li.note')].some(li => li.getClientRects().length > 0)).length"));

        // When the page is opened again
        await page.ReloadAndSettleAsync();

        // Then the choice held
        await Assertions.Expect(NoteKindFilter.Checkbox(page, NoteKindFilter.NotesPageGroup, Kind, Counts[Kind])).Not.ToBeCheckedAsync();
        await Assertions.Expect(page.Locator(".notes-filter-status")).ToHaveTextAsync($"Showing {left} of {Total} notes");
        Assert.Equal(Kind, await page.EvaluateAsync<string>("() => localStorage.getItem('marginalia:note-kinds')"));

        // And the reader hides the same kind, its checkbox unchecked, its "All N notes" link still counting every note
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        Assert.Equal(new NoteKindFilter.ReaderState(left, 0, 0, left, 0), await NoteKindFilter.ReaderStateAsync(page, Kind));
        await ReaderSettings.OpenAsync(page);
        await Assertions.Expect(NoteKindFilter.Checkbox(page, NoteKindFilter.ReaderGroup, Kind, Counts[Kind])).Not.ToBeCheckedAsync();
        await Assertions.Expect(page.Locator(".reader-controls a[href='notes/index.html']")).ToHaveTextAsync($"All {Total} notes");

        // When another tab turns the kind on again
        var other = await context.NewPageAsync();
        await other.OpenAsync(site.Server.UrlOf(SitePages.Notes));
        await NoteKindFilter.Checkbox(other, NoteKindFilter.NotesPageGroup, Kind, Counts[Kind]).CheckAsync();

        // Then this tab follows
        await Assertions.Expect(NoteKindFilter.Checkbox(page, NoteKindFilter.ReaderGroup, Kind, Counts[Kind])).ToBeCheckedAsync();
        Assert.Equal(new NoteKindFilter.ReaderState(Total, Counts[Kind], 0, Total, Counts[Kind]), await NoteKindFilter.ReaderStateAsync(page, Kind));
    }

    [SkippableFact]
    public async Task The_kinds_go_with_the_notes_when_the_reader_hides_every_note()
    {
        // Given the reader with its settings open, the kinds shown
        await using var context = await site.NewContextAsync(1440, 900);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        var group = page.GetByRole(AriaRole.Group, new() { Name = NoteKindFilter.ReaderGroup, Exact = true });
        await ReaderSettings.OpenAsync(page);
        await Assertions.Expect(group).ToBeVisibleAsync();

        // When notes are switched off
        await ReaderSettings.Checkbox(page, ReaderSettings.Notes).UncheckAsync();

        // Then the kinds are not offered, and the link to every note keeps its count
        await Assertions.Expect(group).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".reader-controls a[href='notes/index.html']")).ToHaveTextAsync($"All {Total} notes");
    }

    [SkippableFact]
    public async Task Kinds_are_turned_off_and_on_by_keyboard_alone()
    {
        // Given the notes page, reached by keyboard
        await using var context = await site.NewContextAsync(1280, 900);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Notes));

        // When the reader tabs to the fact checks' checkbox and presses Space
        await TabToAsync(page, $"fieldset.note-kinds input[value='{Kind}']");
        await page.Keyboard.PressAsync("Space");

        // Then the kind is off
        await Assertions.Expect(page.Locator(".notes-filter-status")).ToHaveTextAsync($"Showing {Total - Counts[Kind]} of {Total} notes");

        // Given the reader, reached by keyboard: Tab to Settings, Enter, Tab to the kind, Space
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        await TabToAsync(page, "button.settings-toggle");
        await page.Keyboard.PressAsync("Enter");
        await TabToAsync(page, $"fieldset.note-kinds input[value='{Kind}']");
        await page.Keyboard.PressAsync("Space");

        // Then the kind is on again there, and Escape closes the panel back onto its button
        Assert.Equal(new NoteKindFilter.ReaderState(Total, Counts[Kind], 0, Total, Counts[Kind]), await NoteKindFilter.ReaderStateAsync(page, Kind));
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator(ReaderSettings.Panel)).ToBeHiddenAsync();
        Assert.True(await page.FocusedMatchesAsync("button.settings-toggle"), await page.DescribeFocusedAsync());
    }

    [SkippableFact]
    public async Task Axe_finds_no_violations_with_a_kind_off_on_the_reader_with_the_panel_open_and_on_the_notes_page()
    {
        // Given fact checks turned off, the reader's settings panel open
        await using var context = await site.NewContextAsync(1440, 900);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        await ReaderSettings.OpenAsync(page);
        await NoteKindFilter.Checkbox(page, NoteKindFilter.ReaderGroup, Kind, Counts[Kind]).UncheckAsync();

        // When axe-core scans the reader, then the notes page
        var reader = await page.RunAxeForViolationsAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Notes));
        await Assertions.Expect(page.Locator(".notes-filter-status")).ToHaveTextAsync($"Showing {Total - Counts[Kind]} of {Total} notes");
        var notes = await page.RunAxeForViolationsAsync();

        // Then neither has a violation
        Assert.True(reader.Violations.Length == 0, "reader: " + AxeReport.Describe(reader.Violations));
        Assert.True(notes.Violations.Length == 0, "notes page: " + AxeReport.Describe(notes.Violations));
    }

    /// <summary>Presses Tab until the focused element matches <paramref name="selector"/>, as a keyboard user would.</summary>
    internal static async Task TabToAsync(IPage page, string selector)
    {
        for (var i = 0; i < 150; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.FocusedMatchesAsync(selector))
            {
                return;
            }
        }

        Assert.Fail($"150 presses of Tab never reached {selector}; focus is on {await page.DescribeFocusedAsync()}");
    }
}
