using Microsoft.Playwright;
using Xunit;

namespace Marginalia.BrowserTests;

/// <summary>
/// What the initiative card tests ask of the reader: which card a mention's aria-describedby names, and the box
/// cards.js shows it in (the card and its "Read more" link in one frame), found as a screen reader would find it.
/// </summary>
internal static class InitiativeCards
{
    /// <summary>The first mention of each initiative in the essay, in reading order.</summary>
    public const string Mention = "#essay a.mention";

    /// <summary>The card a mention's aria-describedby names.</summary>
    public static async Task<ILocator> CardOfAsync(IPage page, ILocator mention)
    {
        var id = await mention.GetAttributeAsync("aria-describedby");
        Assert.False(string.IsNullOrWhiteSpace(id), "the mention has no aria-describedby");
        return page.Locator($"[id='{id}']");
    }

    /// <summary>
    /// A selector for the box on screen around a mention's card: the frame is what is placed beside the mention,
    /// so it is what must stand beside it and inside the window.
    /// </summary>
    public static async Task<string> BoxSelectorAsync(ILocator mention)
    {
        var id = await mention.GetAttributeAsync("aria-describedby");
        return $".initiative-preview:has(> [id='{id}'])";
    }

    /// <summary>
    /// Rests the mouse on a mention's first line. A mention can wrap, and the middle of a wrapped link's box may
    /// fall on the plain text between its two pieces, where a pointer hovers nothing.
    /// </summary>
    public static async Task HoverAsync(IPage page, ILocator mention)
    {
        await mention.ScrollIntoViewIfNeededAsync();
        var (x, y) = await PointOnAsync(mention);
        await page.Mouse.MoveAsync(x, y);
    }

    /// <summary>Where a pointer hovers a mention: on its first line, near its start (see <see cref="HoverAsync"/>).</summary>
    public static async Task<(float X, float Y)> PointOnAsync(ILocator mention)
    {
        var line = await mention.EvaluateAsync<float[]>("m => { const r = m.getClientRects()[0]; return [r.left + Math.min(r.width / 2, 20), r.top + r.height / 2]; }");
        return (line[0], line[1]);
    }
}
