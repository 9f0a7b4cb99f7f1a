using Microsoft.Playwright;

namespace Marginalia.Benchmarks;

/// <summary>
/// The Chromium the in-browser timings drive: the headless shell where it is installed, else /usr/bin/chromium, or
/// MARGINALIA_CHROMIUM; launched with the browser tests' flags (no downloads, no background work).
/// </summary>
internal static class BenchmarkChromium
{
    private static readonly string[] Chromiums = ["/usr/lib/chromium/chromium-headless-shell", "/usr/bin/chromium"];

    /// <summary>The browser, or null (with the reason on stderr) when no Chromium is installed.</summary>
    public static async Task<IBrowser?> LaunchAsync(IPlaywright playwright)
    {
        ArgumentNullException.ThrowIfNull(playwright);
        var chromium = Environment.GetEnvironmentVariable("MARGINALIA_CHROMIUM") is { Length: > 0 } set ? set : Chromiums.FirstOrDefault(File.Exists);
        if (chromium is null)
        {
            Console.Error.WriteLine("no Chromium: apt-get install -y chromium-headless-shell, or set MARGINALIA_CHROMIUM");
            return null;
        }

        return await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        }).ConfigureAwait(false);
    }
}
