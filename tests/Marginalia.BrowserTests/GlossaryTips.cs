using System.Text.Json;
using Microsoft.Playwright;
using Xunit;

namespace Marginalia.BrowserTests;

/// <summary>
/// What the glossary tests ask of the reader: where a term's definition box is and what it holds, measured in
/// one evaluation so the answer is one moment's, not a series of reads racing the page's timers.
/// </summary>
internal static class GlossaryTips
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A box on screen (a tooltip or the toggletip), its term, and the window, in CSS pixels.</summary>
    public sealed record Box(
        bool Shown,
        string Text,
        string Role,
        bool InsideItsTerm,
        bool InsideMain,
        Rect Term,
        Rect Self,
        double ViewWidth,
        double ViewHeight,
        double ScrollWidth);

    public sealed record Rect(double Left, double Top, double Right, double Bottom);

    /// <summary>The tooltip a term's aria-describedby names, found as a reader's screen reader would find it.</summary>
    public static async Task<ILocator> TipOfAsync(IPage page, ILocator term)
    {
        var id = await term.GetAttributeAsync("aria-describedby");
        Assert.False(string.IsNullOrWhiteSpace(id), "the term has no aria-describedby");
        return page.Locator($"[id='{id}']");
    }

    /// <summary>Measures a box against the term it belongs to.</summary>
    /// <summary>What a box beside a term is, as JSON: the script both measurements share, given the term and the box.</summary>
    private const string Measure =
        """
        (term, box) => {
          const rect = element => {
            const r = element.getBoundingClientRect();
            return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
          };
          const style = box ? getComputedStyle(box) : null;
          return JSON.stringify({
            shown: !!box && box.isConnected && style.display !== 'none' && style.visibility !== 'hidden' && box.getClientRects().length > 0,
            text: box ? box.textContent.trim().replace(/\s+/g, ' ') : '',
            role: box ? box.getAttribute('role') ?? '' : '',
            insideItsTerm: !!box && term.contains(box),
            insideMain: !!box && !!box.closest('main'),
            term: rect(term),
            self: box ? rect(box) : { left: 0, top: 0, right: 0, bottom: 0 },
            viewWidth: document.documentElement.clientWidth,
            viewHeight: document.documentElement.clientHeight,
            scrollWidth: document.documentElement.scrollWidth,
          });
        }
        """;

    public static async Task<Box> MeasureAsync(ILocator term, string boxSelector)
    {
        var json = await term.EvaluateAsync<string>($"(term, selector) => ({Measure})(term, document.querySelector(selector))", boxSelector);
        return JsonSerializer.Deserialize<Box>(json, Json) ?? throw new InvalidOperationException($"nothing measured for {boxSelector}");
    }

    /// <summary>
    /// Focuses the reader's term number <paramref name="index"/>, waits two frames for its tooltip to be placed, and
    /// measures that tooltip, with its id and how many tooltips show: one round trip, where a loop over every term
    /// would otherwise pay five per term.
    /// </summary>
    public static async Task<(Box Box, string TipId, int Shown)> FocusAndMeasureAsync(IPage page, int index)
    {
        var json = await page.EvaluateAsync<string>(
            $$"""
            async index => {
              const term = document.querySelectorAll('a.term')[index];
              term.focus();
              await new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)));
              const id = term.getAttribute('aria-describedby');
              const shown = [...document.querySelectorAll('.term-tips > .term-tip')]
                .filter(tip => tip.getClientRects().length > 0 && getComputedStyle(tip).visibility !== 'hidden').length;
              return JSON.stringify({ id, shown, box: JSON.parse(({{Measure}})(term, document.getElementById(id))) });
            }
            """,
            index);
        var result = JsonSerializer.Deserialize<Focused>(json, Json) ?? throw new InvalidOperationException($"nothing measured for term {index}");
        return (result.Box, result.Id, result.Shown);
    }

    private sealed record Focused(string Id, int Shown, Box Box);

    public static void AssertBesideItsTerm(Box box, string what)
    {
        const double Rounding = 1;
        Assert.True(box.Shown, $"{what} is not shown");
        Assert.False(box.InsideItsTerm, $"{what} is inside its term's link, so it would become part of the link's name");
        Assert.True(box.InsideMain, $"{what} is outside the main landmark");
        Assert.True(box.Self.Left >= -Rounding && box.Self.Right <= box.ViewWidth + Rounding, $"{what} spans {box.Self.Left:0}–{box.Self.Right:0}px of a {box.ViewWidth:0}px window");
        Assert.True(box.ScrollWidth <= box.ViewWidth, $"with {what} shown the page scrolls sideways: scrollWidth {box.ScrollWidth} > {box.ViewWidth}");

        var below = box.Self.Top >= box.Term.Bottom - Rounding;
        var above = box.Self.Bottom <= box.Term.Top + Rounding;
        Assert.True(below || above, $"{what} ({box.Self.Top:0}–{box.Self.Bottom:0}px) covers its term ({box.Term.Top:0}–{box.Term.Bottom:0}px)");
        var distance = below ? box.Self.Top - box.Term.Bottom : box.Term.Top - box.Self.Bottom;
        Assert.True(distance <= 16, $"{what} stands {distance:0}px from its term");
    }

    /// <summary>
    /// Gives a term keyboard focus: Tab lands on the element after the one focused, so focus the term by script,
    /// step back and Tab forward onto it, as a reader's Tab would arrive. When the step back lands in a folded note,
    /// the note opens and shows its sources, so Tab goes on through them first: a reader would Tab on too.
    /// </summary>
    public static async Task TabOntoAsync(IPage page, ILocator term)
    {
        const int MostTabs = 25;
        await term.FocusAsync();
        await page.Keyboard.PressAsync("Shift+Tab");
        for (var tabs = 0; tabs < MostTabs; tabs++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await term.EvaluateAsync<bool>("term => document.activeElement === term"))
            {
                return;
            }
        }

        Assert.Fail($"{MostTabs} presses of Tab did not land back on the term");
    }

    /// <summary>Lets the page run two frames, so a resize or reflow's observers have fired.</summary>
    public static Task SettleAsync(IPage page) =>
        page.WaitForFunctionAsync("() => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(() => resolve(true))))");
}
