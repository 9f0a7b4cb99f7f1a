using Microsoft.Playwright;
using Xunit;

namespace Marginalia.BrowserTests.Infrastructure;

public class PageExtensionsTests
{
    [Fact]
    public void No_browser_test_waits_for_an_address_with_Playwrights_racy_WaitForURLAsync()
    {
        // Given every browser test's source
        var folder = Path.Combine(RepositoryRoot.Find(), "tests", "Marginalia.BrowserTests");
        var sources = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();

        // Then none calls WaitForURLAsync, which misses a navigation that commits between reading the address and
        // listening (a clean-clone CI run failed so after an Enter in the search box); WaitForAddressAsync has no such gap
        var call = "." + nameof(IPage.WaitForURLAsync) + "(";
        var calls = sources
            .Where(path => File.ReadAllText(path).Contains(call, StringComparison.Ordinal))
            .Select(path => Path.GetRelativePath(folder, path))
            .ToList();
        Assert.True(sources.Count > 40, $"only {sources.Count} sources found under {folder}");
        Assert.Empty(calls);
    }
}
