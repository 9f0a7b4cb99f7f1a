using Microsoft.Playwright;

namespace Marginalia.BrowserTests;

/// <summary>What makes the reader the reader, checked wherever it is opened (from disk, as the single file…).</summary>
internal static class ReaderFeatures
{
    /// <summary>Notes are set in the margin, a term's tooltip opens on hover, and so does an initiative's card.</summary>
    public static async Task AssertNotesTipsAndCardsWorkAsync(IPage page)
    {
        await Assertions.Expect(page.Locator(".sidenotes .note").First).ToBeVisibleAsync();
        var term = page.Locator("a.term").First;
        await term.ScrollIntoViewIfNeededAsync();
        await term.HoverAsync();
        await Assertions.Expect(await GlossaryTips.TipOfAsync(page, term)).ToBeVisibleAsync();
        var mention = page.Locator(InitiativeCards.Mention).First;
        await InitiativeCards.HoverAsync(page, mention);
        await Assertions.Expect(await InitiativeCards.CardOfAsync(page, mention)).ToBeVisibleAsync();
    }
}
