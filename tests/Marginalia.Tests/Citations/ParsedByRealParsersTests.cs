using System.Diagnostics;
using System.Text.Json;
using Marginalia.Citations;
using Marginalia.Tests.Support;

namespace Marginalia.Tests.Citations;

/// <summary>
/// The reader's BibTeX, RIS and CSL-JSON, for a paragraph's link and a selection's, read back by the parsers reference
/// tools use (@retorquere/bibtex-parser, Zotero's BibTeX parser; citation-js with its RIS plugin) through Node
/// (node/parse-citations.cjs). The parsers are npm packages .ci/run installs into .ci/tools; where Node or they are
/// missing the test skips, and on CI (CI=true) it fails.
/// </summary>
public class ParsedByRealParsersTests
{
    private static readonly CitedWork Essay = new(new("Partha", "Roy"), "AI and the Unfinished Agenda of Globalisation", TitleIsEditorial: true, "Marginalia", null, "Modern Diplomacy", "Africa-Press", null, "en");

    public static TheoryData<string> PassageUrls =>
    [
        // A paragraph: its first and last words
        "https://marginalia.netlify.app/#p-the-early-promise-of:~:text=The%20early%20promise%20of%20globalisation,broken%20supply%20chains%2C%20and%20escalating",
        // A selection of words that occur twice: a prefix and a suffix pick this occurrence
        "https://marginalia.netlify.app/#p-ai-s-emergence-as-a:~:text=is%20unlike%20traditional-,trade%20agreements,-%2C%20often%20shaped",
    ];

    [SkippableTheory]
    [MemberData(nameof(PassageUrls))]
    public async Task Each_format_parses_back_to_the_author_the_title_and_the_url_with_its_fragment(string url)
    {
        // Given the three formats as the reader fills them in for this passage's URL
        var tools = Path.Combine(RepoPaths.Root, ".ci", "tools");
        var node = RequireOrSkip(tools);
        var exports = CitationExports.All(Essay, CiteData.UrlToken).ToDictionary(e => e.Id, e => e.Text.Replace(CiteData.UrlToken, url, StringComparison.Ordinal));

        // When the real parsers read them
        var parsed = await ParseAsync(node, tools, JsonSerializer.Serialize(new { bibtex = exports["bibtex"], ris = exports["ris"], csl = exports["csl-json"] }));

        // Then each reads one web page by Partha Roy with the essay's title and the URL whole, fragment and all
        foreach (var (format, type) in new[] { ("bibtex", "online"), ("ris", "webpage"), ("csl", "webpage") })
        {
            var entry = parsed.RootElement.GetProperty(format);
            Assert.Equal(type, entry.GetProperty("type").GetString());
            Assert.Equal("Roy", entry.GetProperty("author").GetProperty("family").GetString());
            Assert.Equal("Partha", entry.GetProperty("author").GetProperty("given").GetString());
            Assert.Equal("AI and the Unfinished Agenda of Globalisation", entry.GetProperty("title").GetString());
            Assert.Equal(url, entry.GetProperty("url").GetString());
        }

        Assert.Equal(0, parsed.RootElement.GetProperty("bibtex").GetProperty("errors").GetInt32());
    }

    private static string RequireOrSkip(string tools)
    {
        var node = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "node"))
            .FirstOrDefault(File.Exists);
        string[] packages = ["@retorquere/bibtex-parser", "@citation-js/core", "@citation-js/plugin-ris"];
        var missing = packages.Where(p => !Directory.Exists(Path.Combine(tools, "node_modules", p))).ToList();
        if (node is not null && missing.Count == 0)
        {
            return node;
        }

        var message = node is null
            ? "node is not installed (apt-get install nodejs npm)"
            : $"{string.Join(", ", missing)} not installed: npm install --prefix .ci/tools --no-audit --no-fund --ignore-scripts";
        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            Assert.Fail(message + " (CI requires it; .ci/run installs it)");
        }

        Skip.If(true, message);
        return string.Empty;
    }

    private static async Task<JsonDocument> ParseAsync(string node, string tools, string input)
    {
        var script = Path.Combine(RepoPaths.Root, "tests", "Marginalia.Tests", "Citations", "node", "parse-citations.cjs");
        var start = new ProcessStartInfo(node) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(tools);
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await error);
        return JsonDocument.Parse(await output);
    }
}
