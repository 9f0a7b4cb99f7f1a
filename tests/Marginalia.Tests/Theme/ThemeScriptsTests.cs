using System.Text.RegularExpressions;
using Marginalia.Extensions;
using Marginalia.Reader;
using Marginalia.Tests.Support;

namespace Marginalia.Tests.Theme;

/// <summary>
/// How the theme's scripts are divided: small files, one per kind, and the popover (placement beside a trigger,
/// hover and focus, Escape) written once in popover.js for every kind that shows one.
/// </summary>
public partial class ThemeScriptsTests(BuiltSite site) : IClassFixture<BuiltSite>
{
    private const int MaxLines = 400;

    /// <summary>The popover's own functions. Each was once written twice, in reader.js and cards.js.</summary>
    private static readonly string[] PopoverFunctions = ["place", "unplace", "focusVisible", "hovers", "held", "hideSoon", "forgetDismissal"];

    private static string AssetsFolder => Path.Combine(RepoPaths.Theme, "assets");

    private static Dictionary<string, string> Scripts() =>
        Directory.GetFiles(AssetsFolder, "*.js").ToDictionary(path => Path.GetFileName(path), File.ReadAllText, StringComparer.Ordinal);

    [Fact]
    public void No_script_is_longer_than_400_lines()
    {
        var lengths = Directory.GetFiles(AssetsFolder, "*.js").Select(path => (name: Path.GetFileName(path), lines: File.ReadAllLines(path).Length)).ToList();

        Assert.NotEmpty(lengths);
        Assert.All(lengths, file => Assert.True(file.lines <= MaxLines, $"{file.name} has {file.lines} lines, more than {MaxLines}"));
    }

    [Fact]
    public void The_popover_is_defined_in_popover_js_and_nowhere_else()
    {
        var scripts = Scripts();

        foreach (var name in PopoverFunctions)
        {
            var definers = scripts.Where(s => FunctionDefinition(name).IsMatch(s.Value)).Select(s => s.Key).ToList();
            Assert.Equal(["popover.js"], definers);
        }

        // Placing measures the trigger's lines, and Escape is handled in one place that ranks who closes what: the
        // namespace every page loads (marginalia.js), since the settings panel on every page closes on Escape too.
        Assert.Equal(["popover.js"], scripts.Where(s => s.Value.Contains("getClientRects", StringComparison.Ordinal)).Select(s => s.Key));
        Assert.Equal(["marginalia.js"], scripts.Where(s => s.Value.Contains("'Escape'", StringComparison.Ordinal)).Select(s => s.Key));
    }

    [Fact]
    public void Terms_and_cards_show_their_popovers_through_the_shared_module()
    {
        var scripts = Scripts();

        Assert.Contains("M.hoverable(", scripts["terms.js"], StringComparison.Ordinal);
        Assert.Contains("M.hoverable(", scripts["cards.js"], StringComparison.Ordinal);
        Assert.Contains("M.onEscape(", scripts["notes-events.js"], StringComparison.Ordinal);
        Assert.Contains("M.onEscape(", scripts["settings.js"], StringComparison.Ordinal);
    }

    [Fact]
    public void The_reader_loads_every_script_the_namespace_first_and_the_popover_before_the_kinds()
    {
        // The reader page of the repository's site loads its scripts joined as one file (AssetBundle), and the
        // bundle joins the scripts the kinds name (PageAssets), in order
        var reader = site.Read("index.html");
        var tags = ScriptTag().Matches(reader).Select(m => m.Groups["stem"].Value + ".js").Where(name => name != "offline.js").ToArray();
        Assert.Equal(["reader.bundle.js"], tags);
        var bundles = PageAssets.Bundles(ReaderExtensions.All);
        var order = bundles.Single(b => b.Name == "reader.bundle.js").Parts.ToArray();
        var tools = bundles.Single(b => b.Name == PageAssets.ToolsBundle).Parts.ToArray();

        // Every script but offline.js (loaded on every page, on its own) and the search's search-terms.js,
        // search-engine.js and search.js (loaded on first use, from the search form's list) is the reader's, in the
        // page's bundle or in its tools' (loaded on first use, from the essay's data-tools); marginalia.js (the
        // namespace) comes first, then the settings, then popover.js before the kinds' scripts.
        var expected = Scripts().Keys.Where(name => name is not ("offline.js" or "search-terms.js" or "search-engine.js" or "search.js")).Order(StringComparer.Ordinal);
        Assert.Equal(expected, order.Concat(tools).Order(StringComparer.Ordinal));
        Assert.Equal(["marginalia.js", "settings.js", "popover.js", "popover-aim.js"], order[..4]);
        Assert.Equal(["essay-text.js", "note-file.js", "cite-fragment.js", "cite.js"], tools);

        // Each script's published text is in its bundle, in that order, so it runs where its own file would
        var bundle = site.Read(BundlePath(reader));
        var positions = order.Select(name => bundle.IndexOf(Published(name), StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
        var toolsBundle = site.Read(ToolsPath().Match(reader).Groups["path"].Value);
        var toolPositions = tools.Select(name => toolsBundle.IndexOf(Published(name), StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, toolPositions);
        Assert.Equal(toolPositions.Order(), toolPositions);
    }

    [Fact]
    public void Every_other_page_loads_only_the_namespace_and_the_settings()
    {
        // The glossary page has no kind's script: theme and text size apply there all the same.
        var glossary = site.Read("glossary/index.html");
        var order = NestedScriptTag().Matches(glossary).Select(m => m.Groups["stem"].Value + ".js").Where(name => name != "offline.js").ToArray();

        Assert.Equal(["marginalia.js", "settings.js"], order);
    }

    private static string BundlePath(string reader) => BundleTag().Match(reader).Groups["path"].Value;

    private string Published(string name) =>
        File.ReadAllText(Directory.GetFiles(Path.Combine(site.OutputDir, "assets"), Path.GetFileNameWithoutExtension(name) + ".????????.js").Single());

    private static Regex FunctionDefinition(string name) =>
        new($@"function\s+{name}\s*\(|\b{name}\s*=\s*function\b|\.{name}\s*=", RegexOptions.None, TimeSpan.FromSeconds(1));

    /// <summary>A script tag of a theme asset: assets/popover.30cfaf6a.js is popover.js with its content hash.</summary>
    [GeneratedRegex("""<script src="assets/(?<stem>[^"]+?)\.[0-9a-f]{8}\.js" """)]
    private static partial Regex ScriptTag();

    [GeneratedRegex("""<script src="(?<path>assets/reader\.bundle\.[0-9a-f]{8}\.js)" """)]
    private static partial Regex BundleTag();

    [GeneratedRegex("data-tools=\"(?<path>assets/reader-tools\\.bundle\\.[0-9a-f]{8}\\.js)\"")]
    private static partial Regex ToolsPath();

    /// <summary>The same on a page one folder down (glossary/index.html).</summary>
    [GeneratedRegex("""<script src="\.\./assets/(?<stem>[^"]+?)\.[0-9a-f]{8}\.js" """)]
    private static partial Regex NestedScriptTag();
}
