using Deque.AxeCore.Commons;
using Marginalia.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace Marginalia.BrowserTests;

/// <summary>
/// The toolbar over a selection in the essay (selection.js) and the note file it offers (note-file.js): by keyboard,
/// with the cite action only when cite.js is there, a clear word where no note can be made, the dialog's copy, axe,
/// the site's CSP, print and touch; and the "Add a note" links kept for readers without JavaScript.
/// </summary>
[Collection(BuiltSite.Collection)]
public sealed class SelectionToolbarTests(SiteFixture site, SuggestNoteSites sites) : IClassFixture<SuggestNoteSites>
{
    private const string FirstParagraph = "p-the-early-promise-of";
    private const string SecondParagraph = "p-even-more-alarmingly-previous";

    // Selects [start, end) of one text node's characters, or from one paragraph's first text into another's.
    private const string SelectText =
        """
        ([fromId, from, toId, to]) => {
          const first = id => document.getElementById(id).firstChild;
          const range = document.createRange();
          range.setStart(first(fromId), from);
          range.setEnd(first(toId), to);
          getSelection().removeAllRanges();
          getSelection().addRange(range);
          return range.toString();
        }
        """;

    [SkippableFact]
    public async Task A_selection_made_with_shift_and_the_arrows_offers_the_toolbar_and_Tab_reaches_it()
    {
        // Given the reader with the first paragraph's first word selected
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        await page.EvaluateAsync(SelectText, new object[] { FirstParagraph, 0, FirstParagraph, 3 });

        // When the selection is grown by two words with Shift+Ctrl+Right
        await page.Keyboard.PressAsync("Shift+Control+ArrowRight");
        await page.Keyboard.PressAsync("Shift+Control+ArrowRight");
        Assert.Equal("The early promise", (await page.EvaluateAsync<string>("() => getSelection().toString()")).Trim());

        // Then the toolbar shows, a screen reader is told, and Tab goes to its first action
        var toolbar = page.Locator(".selection-toolbar");
        await toolbar.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        Assert.Equal("Selection actions available: press Tab to reach them.", await page.Locator(".selection-announcer[aria-live='polite']").TextContentAsync());
        Assert.Equal("toolbar", await toolbar.GetAttributeAsync("role"));
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.FocusedMatchesAsync(".selection-toolbar button"), $"Tab focused {await page.DescribeFocusedAsync()}");
        Assert.Equal("Suggest a note", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));

        // And Enter shows the note file for "The early promise", focused, with where it goes
        await page.Keyboard.PressAsync("Enter");
        var dialog = page.Locator("dialog.suggest-dialog[open]");
        await dialog.WaitForAsync();
        Assert.True(await page.FocusedMatchesAsync("dialog.suggest-dialog textarea[readonly]"), $"focus is on {await page.DescribeFocusedAsync()}");
        var file = await dialog.Locator("textarea").InputValueAsync();
        Assert.StartsWith("---\nquote: \"The early promise\"\n", file, StringComparison.Ordinal);
        Assert.EndsWith("---\nWrite the note here: what the passage refers to, whether it holds, and a source.\n", file, StringComparison.Ordinal);
        Assert.Contains("\nauthor: \"your-github-handle\"", file, StringComparison.Ordinal);
        Assert.Equal("input/annotations/the-early-promise.md", await dialog.Locator(".suggest-path").TextContentAsync());

        // And Escape closes the dialog, back on the action; a second Escape closes the toolbar, focus on the essay
        await page.Keyboard.PressAsync("Escape");
        await page.Locator("dialog.suggest-dialog").WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        Assert.True(await toolbar.IsVisibleAsync());
        Assert.Equal("Suggest a note", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        await page.Keyboard.PressAsync("Escape");
        Assert.False(await toolbar.IsVisibleAsync());
        Assert.True(await page.FocusedMatchesAsync("#essay"), $"focus is on {await page.DescribeFocusedAsync()}");
    }

    [SkippableFact]
    public async Task Cite_selection_is_offered_only_when_cite_js_gives_Marginalia_cite_forRange()
    {
        // Given the reader as it would be without cite.js (its entry point taken away), with a passage selected
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        await page.LoadToolsAsync();
        await page.EvaluateAsync("() => { delete Marginalia.cite; }");
        var toolbar = page.Locator(".selection-toolbar");
        await page.EvaluateAsync(SelectText, new object[] { FirstParagraph, 4, FirstParagraph, 24 });
        await toolbar.WaitForAsync(new() { State = WaitForSelectorState.Visible });

        // Then only "Suggest a note" is offered
        Assert.Equal(["Suggest a note"], await toolbar.Locator("button:visible").AllTextContentsAsync());

        // When cite.js's entry point is there and another passage is selected
        await page.EvaluateAsync("() => { Marginalia.cite = { forRange: range => { window.cited = range.toString(); } }; }");
        var selected = await page.EvaluateAsync<string>(SelectText, new object[] { FirstParagraph, 25, FirstParagraph, 60 });
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.selection-toolbar button:not([hidden])').length === 2");

        // Then "Cite selection" is offered too, and hands cite.js the selected range
        Assert.Equal(["Suggest a note", "Cite selection"], await toolbar.Locator("button:visible").AllTextContentsAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Cite selection" }).ClickAsync();
        Assert.Equal(selected, await page.EvaluateAsync<string>("() => window.cited"));
    }

    [SkippableFact]
    public async Task A_selection_across_two_paragraphs_is_told_that_a_note_quotes_within_one()
    {
        // Given the reader with a selection from the first paragraph into the second
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        await page.EvaluateAsync(SelectText, new object[] { FirstParagraph, 10, SecondParagraph, 20 });
        await page.Locator(".selection-toolbar").WaitForAsync(new() { State = WaitForSelectorState.Visible });

        // When "Suggest a note" is pressed
        await page.GetByRole(AriaRole.Button, new() { Name = "Suggest a note" }).ClickAsync();

        // Then the toolbar says why, in a status, and no file is shown
        Assert.Equal("A note quotes words within one paragraph: select within one.", await page.Locator(".selection-toolbar [role='status']").TextContentAsync());
        Assert.Equal(0, await page.Locator("dialog.suggest-dialog[open]").CountAsync());
    }

    [SkippableFact]
    public async Task A_selection_that_starts_and_ends_inside_words_quotes_the_whole_words()
    {
        // Given the reader with "arly promise of globalisa" selected
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        await page.EvaluateAsync(SelectText, new object[] { FirstParagraph, 5, FirstParagraph, 30 });
        await page.Locator(".selection-toolbar").WaitForAsync(new() { State = WaitForSelectorState.Visible });

        // When "Suggest a note" is pressed
        await page.GetByRole(AriaRole.Button, new() { Name = "Suggest a note" }).ClickAsync();

        // Then the quote is the whole words
        var file = await page.Locator("dialog.suggest-dialog textarea").InputValueAsync();
        Assert.StartsWith("---\nquote: \"early promise of globalisation\"\n", file, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Copy_puts_the_file_on_the_clipboard()
    {
        // Given the note file shown for a selection
        await using var context = await site.NewContextAsync();
        await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = site.Server.Address.GetLeftPart(UriPartial.Authority) });
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        await page.EvaluateAsync(SelectText, new object[] { FirstParagraph, 4, FirstParagraph, 24 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Suggest a note" }).ClickAsync();
        var file = await page.Locator("dialog.suggest-dialog textarea").InputValueAsync();

        // When Copy is pressed
        await page.GetByRole(AriaRole.Button, new() { Name = "Copy" }).ClickAsync();

        // Then the clipboard holds the file, and the dialog says so
        await page.Locator(".suggest-copied").Filter(new() { HasText = "Copied." }).WaitForAsync();
        Assert.Equal(file, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
    }

    [SkippableTheory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task Axe_finds_nothing_with_the_toolbar_or_the_dialog_open(string colourScheme)
    {
        // Given the reader in one colour scheme with the toolbar over a selection
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.EmulateMediaAsync(new() { ColorScheme = colourScheme == "dark" ? ColorScheme.Dark : ColorScheme.Light });
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        await page.EvaluateAsync(SelectText, new object[] { FirstParagraph, 4, FirstParagraph, 24 });
        await page.Locator(".selection-toolbar").WaitForAsync(new() { State = WaitForSelectorState.Visible });

        // When axe scans it, and again with the note file shown
        AxeResult withToolbar = await page.RunAxeForViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Suggest a note" }).ClickAsync();
        await page.Locator("dialog.suggest-dialog[open]").WaitForAsync();
        AxeResult withDialog = await page.RunAxeForViolationsAsync();

        // Then neither has a violation
        Assert.True(withToolbar.Violations.Length == 0, AxeReport.Describe(withToolbar.Violations));
        Assert.True(withDialog.Violations.Length == 0, AxeReport.Describe(withDialog.Violations));
    }

    [SkippableFact]
    public async Task Under_the_sites_policy_the_toolbar_and_dialog_are_blocked_nowhere()
    {
        // Given the reader under netlify.toml's Content-Security-Policy
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await SiteCsp.ApplyAsync(page, site.RepositoryRoot);
        var problems = PageProblems.RecordOn(page);
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));

        // When a selection's toolbar is placed and the note file is shown
        await page.EvaluateAsync(SelectText, new object[] { FirstParagraph, 4, FirstParagraph, 24 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Suggest a note" }).ClickAsync();
        await page.Locator("dialog.suggest-dialog[open]").WaitForAsync();

        // Then nothing was blocked and nothing went to the console
        Assert.Empty(await page.EvaluateAsync<string[]>("() => window.blocked"));
        Assert.True(problems.All.Count == 0, string.Join(Environment.NewLine, problems.All));
    }

    [SkippableFact]
    public async Task The_toolbar_is_not_printed()
    {
        // Given the toolbar over a selection
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));
        await page.EvaluateAsync(SelectText, new object[] { FirstParagraph, 4, FirstParagraph, 24 });
        var toolbar = page.Locator(".selection-toolbar");
        await toolbar.WaitForAsync(new() { State = WaitForSelectorState.Visible });

        // When the page is printed
        await page.EmulateMediaAsync(new() { Media = Media.Print });

        // Then the toolbar is not on paper
        Assert.False(await toolbar.IsVisibleAsync());
    }

    [SkippableFact]
    public async Task On_a_touch_screen_the_toolbar_stands_below_the_selection_clear_of_the_systems_menu()
    {
        // Given the reader on a phone, where a long press selects a word (here: the selection it makes)
        await using var context = await site.NewContextAsync(390, 844, options => { options.HasTouch = true; options.IsMobile = true; });
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Server.UrlOf(SitePages.Reader));

        // When a passage is selected
        await page.EvaluateAsync(SelectText, new object[] { FirstParagraph, 4, FirstParagraph, 24 });
        var toolbar = page.Locator(".selection-toolbar");
        await toolbar.WaitForAsync(new() { State = WaitForSelectorState.Visible });

        // Then the toolbar is below it (the system's copy menu goes above), inside the window, with 44 px targets
        var selection = await page.EvaluateAsync<double[]>("() => { const r = getSelection().getRangeAt(0).getBoundingClientRect(); return [r.bottom]; }");
        var box = (await toolbar.BoundingBoxAsync())!;
        Assert.True(box.Y >= selection[0], $"toolbar at {box.Y}, selection ends at {selection[0]}");
        Assert.InRange(box.X, 0, 390 - box.Width);
        Assert.True((await toolbar.Locator("button").First.BoundingBoxAsync())!.Height >= 44);
    }

    [SkippableFact]
    public async Task Without_JavaScript_each_paragraph_keeps_its_Add_a_note_link_and_no_toolbar_is_made()
    {
        // Given the reader of the site with a repository, without JavaScript
        await using var context = await site.NewContextAsync(configure: options => options.JavaScriptEnabled = false);
        var page = await context.NewPageAsync();
        await page.OpenAsync(sites.WithRepository.UrlOf(SitePages.Reader));

        // Then every paragraph has its link into the repository's new-file page, and there is no toolbar
        var paragraphs = await page.Locator(".essay-body p[id]").CountAsync();
        Assert.Equal(paragraphs, await page.Locator($".essay-body p[id] > a.add-note[href^='{SuggestNoteSites.Repository}/new/{SuggestNoteSites.Branch}/input/annotations?filename=']").CountAsync());
        Assert.Equal(0, await page.Locator(".selection-toolbar").CountAsync());
        Assert.Equal($"{SuggestNoteSites.Repository}/new/{SuggestNoteSites.Branch}/input/annotations", await page.Locator(".essay-body").GetAttributeAsync("data-new-note"));
    }
}
