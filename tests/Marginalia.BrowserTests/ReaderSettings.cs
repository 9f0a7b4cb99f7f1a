using Microsoft.Playwright;
using Xunit;

namespace Marginalia.BrowserTests;

/// <summary>
/// What the tests ask of the reader settings (settings.js): the button that discloses the panel, and the panel's
/// inputs found by their role and name, as a reader with a screen reader finds them.
/// </summary>
internal static class ReaderSettings
{
    public const string Button = "button.settings-toggle";

    public const string Panel = "#settings-panel";

    /// <summary>The marks' checkboxes by the name the panel gives them.</summary>
    public const string Notes = "Notes";

    public const string Terms = "Glossary terms";

    public const string Mentions = "Initiative links";

    public static ILocator Checkbox(IPage page, string name) =>
        page.Locator(Panel).GetByRole(AriaRole.Checkbox, new() { Name = name, Exact = true });

    public static ILocator Radio(IPage page, string group, string name) =>
        page.Locator(Panel).GetByRole(AriaRole.Group, new() { Name = group, Exact = true }).GetByRole(AriaRole.Radio, new() { Name = name, Exact = true });

    /// <summary>Opens the panel with its button (it must be shown, that is, the script ran).</summary>
    public static async Task OpenAsync(IPage page)
    {
        var button = page.Locator(Button);
        if (await button.GetAttributeAsync("aria-expanded") != "true")
        {
            await button.ClickAsync();
        }

        await Assertions.Expect(page.Locator(Panel)).ToBeVisibleAsync();
    }

    /// <summary>Closes the panel with its button, so it covers nothing the test goes on to use.</summary>
    public static async Task CloseAsync(IPage page)
    {
        var button = page.Locator(Button);
        if (await button.GetAttributeAsync("aria-expanded") == "true")
        {
            await button.ClickAsync();
        }

        await Assertions.Expect(page.Locator(Panel)).ToBeHiddenAsync();
    }

    /// <summary>Shows or hides one kind of mark from the panel, then closes it.</summary>
    public static async Task SetMarkAsync(IPage page, string name, bool shown)
    {
        await OpenAsync(page);
        await Checkbox(page, name).SetCheckedAsync(shown);
        Assert.Equal(shown, await Checkbox(page, name).IsCheckedAsync());
        await CloseAsync(page);
    }

    /// <summary>Picks a theme or a text size from the panel, then closes it.</summary>
    public static async Task ChooseAsync(IPage page, string group, string name)
    {
        await OpenAsync(page);
        await Radio(page, group, name).CheckAsync();
        await CloseAsync(page);
    }
}
