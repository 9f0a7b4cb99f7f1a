using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Marginalia.BrowserTests.Infrastructure;
using Marginalia.Text;
using Microsoft.Playwright;
using Xunit;

namespace Marginalia.BrowserTests;

/// <summary>
/// "Suggest a note" end to end: twenty passages selected in the reader, chosen at random with a fixed seed (some
/// across a glossary term, an initiative link, a note's marker or emphasis, some whose words occur more than once),
/// each turned into a note file by the page; with author and body filled in, all twenty pass <c>check</c> in one
/// input and each anchors exactly on its selection, both where the site has a repository (the file arrives in the
/// new-file page's address) and where it has none (the file is shown to copy).
/// </summary>
[Collection(BuiltSite.Collection)]
public sealed partial class SuggestNoteTests(SiteFixture site, SuggestNoteSites sites) : IClassFixture<SuggestNoteSites>
{
    private const int Seed = 20261204;
    private const int Selections = 20;
    private const int AcrossMarkup = 6;
    private const int Repeated = 4;
    private const string Handle = "suggest-tester";
    private const string Body = "A note the selection test wrote, on exactly the words it selected.";

    // The test's own reading of a paragraph: its text without what the weave adds (markers, the commas between them,
    // the ¶ and "Add a note" links), and where its inline markup sits in that text.
    private const string ReadParagraphs =
        """
        () => {
          const skip = '.note-ref, .note-ref-sep, .permalink, .cite-button, .add-note';
          return JSON.stringify(Array.from(document.querySelectorAll('.essay-body p[id]')).map(p => {
            let text = '';
            const markup = [];
            const walk = node => {
              for (const child of node.childNodes) {
                if (child.nodeType === 3) { text += child.data; continue; }
                if (child.nodeType !== 1) { continue; }
                if (child.matches(skip)) {
                  if (child.matches('a.note-ref')) { markup.push({ kind: 'marker', start: text.length, end: text.length }); }
                  continue;
                }
                const start = text.length;
                walk(child);
                const kind = child.matches('a.term') ? 'term' : child.matches('a.mention') ? 'mention' : child.matches('em, strong, i, b') ? 'emphasis' : child.matches('mark') ? 'mark' : null;
                if (kind) { markup.push({ kind, start, end: text.length }); }
              }
            };
            walk(p);
            return { id: p.id, text, markup };
          }));
        }
        """;

    private const string Select =
        """
        ([id, start, end]) => {
          const skip = '.note-ref, .note-ref-sep, .permalink, .add-note';
          const nodes = [];
          let at = 0;
          const walk = node => {
            for (const child of node.childNodes) {
              if (child.nodeType === 3) { nodes.push({ node: child, at }); at += child.data.length; }
              else if (child.nodeType === 1 && !child.matches(skip)) { walk(child); }
            }
          };
          walk(document.getElementById(id));
          const point = (offset, isEnd) => {
            const n = nodes.find(n => isEnd ? offset <= n.at + n.node.data.length : offset < n.at + n.node.data.length);
            return [n.node, offset - n.at];
          };
          const range = document.createRange();
          range.setStart(...point(start, false));
          range.setEnd(...point(end, true));
          const selection = getSelection();
          selection.removeAllRanges();
          selection.addRange(range);
        }
        """;

    public static TheoryData<bool> Modes => [true, false];

    [SkippableTheory]
    [MemberData(nameof(Modes))]
    public async Task Twenty_random_selections_make_notes_that_pass_check_and_anchor_exactly_on_them(bool repository)
    {
        // Given the reader, of a site with a repository or without one
        await using var context = await site.NewContextAsync(1280, 900);
        var page = await context.NewPageAsync();
        await page.OpenAsync(repository ? sites.WithRepository.UrlOf(SitePages.Reader) : site.Server.UrlOf(SitePages.Reader));
        await page.EvaluateAsync("() => { window.opened = []; window.open = (url, target, features) => { window.opened.push([url, target, features]); return null; }; }");
        var paragraphs = JsonSerializer.Deserialize<List<Paragraph>>(await page.EvaluateAsync<string>(ReadParagraphs), JsonOptions)!;
        var index = sites.Essay;
        foreach (var p in paragraphs)
        {
            var block = BlockOf(index, p.Id);
            Assert.Equal(index.Text[block.Start..block.End], p.Text);
        }

        // And twenty selections chosen with a fixed seed, at least six across inline markup and four that repeat
        var chosen = Choose(index, paragraphs);
        Assert.Equal(Selections, chosen.Count);
        Assert.True(chosen.Count(c => c.Why.StartsWith("across", StringComparison.Ordinal)) >= AcrossMarkup);
        Assert.True(chosen.Count(c => c.Why == "repeats") >= Repeated);
        var kinds = chosen.Where(c => c.Why.StartsWith("across", StringComparison.Ordinal)).Select(c => c.Why).Distinct().ToList();
        Assert.True(kinds.Count >= 4, "markup crossed: " + string.Join(", ", kinds));

        // When each is selected in the page and "Suggest a note" is pressed
        var files = new List<(Choice Choice, string FileName, string Text)>();
        foreach (var choice in chosen)
        {
            await page.EvaluateAsync("() => getSelection().removeAllRanges()");
            await page.Locator(".selection-toolbar").WaitForAsync(new() { State = WaitForSelectorState.Hidden });
            await page.EvaluateAsync(Select, new object[] { choice.ParagraphId, choice.Start, choice.End });
            await page.Locator(".selection-toolbar").WaitForAsync(new() { State = WaitForSelectorState.Visible });
            await page.GetByRole(AriaRole.Button, new() { Name = "Suggest a note" }).ClickAsync();
            files.Add(repository ? await FromAddressAsync(page, choice, files.Count + 1) : await FromDialogAsync(page, choice));
        }

        // Then every file says what the selection was, as `new annotation` would
        Assert.Equal(Selections, files.Select(f => f.FileName).Distinct(StringComparer.Ordinal).Count());
        var today = DateTime.Now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var (choice, fileName, text) in files)
        {
            var places = QuoteOccurrences.Locate(index, choice.Quote);
            var place = places.Single(p => p.Start == BlockOf(index, choice.ParagraphId).Start + choice.Start);
            Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*\\.md$", fileName);
            Assert.Contains($"\nquote: {YamlText.Quote(Normalised(choice.Quote))}\n", text, StringComparison.Ordinal);
            Assert.Contains($"\ncreated: {today}\n", text, StringComparison.Ordinal);
            Assert.Contains($"\nessay-version: \"{index.Version}\"", text, StringComparison.Ordinal);
            Assert.Equal(place.Prefix is null ? null : YamlText.Quote(place.Prefix), Field(text, "prefix"));
            Assert.Equal(place.Suffix is null ? null : YamlText.Quote(place.Suffix), Field(text, "suffix"));
            Assert.Equal(places.Count > 1, Field(text, "prefix") is not null || Field(text, "suffix") is not null);
        }

        // And with the author and body filled in, the twenty pass check together
        var filled = files.Select(f => (f.FileName, f.Text.Replace("\"your-github-handle\"", $"\"{Handle}\"", StringComparison.Ordinal)
            .Replace("Write the note here: what the passage refers to, whether it holds, and a source.", Body, StringComparison.Ordinal))).ToList();
        var (check, built) = await sites.CheckAndBuildAsync(repository ? "with-repository" : "without-repository", filled);
        var ours = check.Where(d => files.Any(f => d.Location.Path.EndsWith(f.FileName, StringComparison.Ordinal))).ToList();
        Assert.True(check.All(d => !d.IsError) && ours.Count == 0, string.Join(Environment.NewLine, check));

        // And each note anchors exactly on the words selected, in the selected paragraph
        var essayText = await File.ReadAllTextAsync(Path.Combine(built, "essay.txt"));
        Assert.Equal(index.Text, essayText);
        var anchors = Anchors(await File.ReadAllTextAsync(Path.Combine(built, "annotations.jsonld")), essayText);
        foreach (var (choice, fileName, _) in files)
        {
            var id = fileName[..^3];
            Assert.True(anchors.TryGetValue(id, out var anchor), $"{id} ({choice.Why}) is not in the export");
            var block = BlockOf(index, choice.ParagraphId);
            Assert.Equal((block.Start + choice.Start, block.Start + choice.End), anchor);
        }

        if (!repository)
        {
            // (The dialog's clipboard and Escape are the selection toolbar tests'.)
            Assert.Empty(await page.EvaluateAsync<string[][]>("() => window.opened"));
        }
    }

    private static async Task<(Choice, string, string)> FromAddressAsync(IPage page, Choice choice, int count)
    {
        await page.WaitForFunctionAsync("n => window.opened.length === n", count);
        var opened = await page.EvaluateAsync<string[]>("() => window.opened[window.opened.length - 1]");
        var url = new Uri(opened[0]);
        Assert.Equal($"{SuggestNoteSites.Repository}/new/{SuggestNoteSites.Branch}/input/annotations", url.GetLeftPart(UriPartial.Path));
        Assert.Equal("_blank", opened[1]);
        Assert.Contains("noopener", opened[2], StringComparison.Ordinal);
        var query = url.Query.TrimStart('?').Split('&').Select(pair => pair.Split('=', 2)).ToDictionary(kv => kv[0], kv => Uri.UnescapeDataString(kv[1]), StringComparer.Ordinal);
        Assert.Equal(["filename", "value"], query.Keys.Order(StringComparer.Ordinal));
        return (choice, query["filename"], query["value"]);
    }

    private static async Task<(Choice, string, string)> FromDialogAsync(IPage page, Choice choice)
    {
        var dialog = page.Locator("dialog.suggest-dialog[open]");
        await dialog.WaitForAsync();
        var path = await dialog.Locator(".suggest-path").TextContentAsync();
        var text = await dialog.Locator("textarea").InputValueAsync();
        await page.Keyboard.PressAsync("Escape");
        await page.Locator("dialog.suggest-dialog").WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        Assert.StartsWith("input/annotations/", path, StringComparison.Ordinal);
        return (choice, path!["input/annotations/".Length..], text);
    }

    /// <summary>The twenty selections: markup crossings first, then repeats, then any passage; never two starting on one word.</summary>
    private static List<Choice> Choose(TextIndex index, List<Paragraph> paragraphs)
    {
        var random = new Random(Seed);
        var chosen = new List<Choice>();
        bool Free(Paragraph p, int start) => chosen.All(c => c.ParagraphId != p.Id || c.Start != start);
        bool Usable(string quote, Paragraph p, int start)
        {
            var places = QuoteOccurrences.Locate(index, quote);
            var place = places.SingleOrDefault(o => o.Start == BlockOf(index, p.Id).Start + start);
            return place.BlockId == p.Id && (places.Count == 1 || place.Prefix is not null || place.Suffix is not null);
        }

        string[] kinds = ["term", "mention", "marker", "emphasis", "mark", "term"];
        for (var k = 0; chosen.Count < AcrossMarkup && k < 1000; k++)
        {
            var kind = kinds[chosen.Count % kinds.Length];
            var withKind = paragraphs.Where(p => p.Markup.Any(m => m.Kind == kind)).ToList();
            if (withKind.Count == 0)
            {
                kind = "term";
                withKind = [.. paragraphs.Where(p => p.Markup.Any(m => m.Kind == kind))];
            }

            var paragraph = withKind[random.Next(withKind.Count)];
            var items = paragraph.Markup.Where(m => m.Kind == kind).ToList();
            var item = items[random.Next(items.Count)];
            var words = Words(paragraph.Text);
            var first = words.FindLastIndex(w => w.Start < item.Start);
            var last = words.FindIndex(w => w.End > item.End);
            if (first < 0 || last < 0)
            {
                continue;
            }

            first = Math.Max(0, first - random.Next(3));
            last = Math.Min(words.Count - 1, last + random.Next(3));
            var (start, end) = (words[first].Start, words[last].End);
            if (Free(paragraph, start) && Usable(paragraph.Text[start..end], paragraph, start))
            {
                chosen.Add(new Choice(paragraph.Id, start, end, paragraph.Text[start..end], "across " + kind));
            }
        }

        for (var k = 0; chosen.Count < AcrossMarkup + Repeated && k < 100_000; k++)
        {
            var paragraph = paragraphs[random.Next(paragraphs.Count)];
            var words = Words(paragraph.Text);
            var first = random.Next(words.Count);
            var last = Math.Min(words.Count - 1, first + random.Next(3));
            var (start, end) = (words[first].Start, words[last].End);
            var quote = paragraph.Text[start..end];
            if (Free(paragraph, start) && QuoteOccurrences.Locate(index, quote).Count > 1 && Usable(quote, paragraph, start))
            {
                chosen.Add(new Choice(paragraph.Id, start, end, quote, "repeats"));
            }
        }

        for (var k = 0; chosen.Count < Selections && k < 1000; k++)
        {
            var paragraph = paragraphs[random.Next(paragraphs.Count)];
            var words = Words(paragraph.Text);
            var first = random.Next(words.Count);
            var last = Math.Min(words.Count - 1, first + random.Next(15));
            var (start, end) = (words[first].Start, words[last].End);
            if (Free(paragraph, start) && Usable(paragraph.Text[start..end], paragraph, start))
            {
                chosen.Add(new Choice(paragraph.Id, start, end, paragraph.Text[start..end], "any"));
            }
        }

        return chosen;
    }

    private static List<(int Start, int End)> Words(string text) => [.. WordPattern().Matches(text).Select(m => (m.Index, m.Index + m.Length))];

    private static TextBlock BlockOf(TextIndex index, string id) => index.Blocks.Single(b => b.Id == id && b.Element.LocalName == "p");

    private static string Normalised(string text) => WhitespaceRuns().Replace(text, " ").Trim();

    /// <summary>A front matter field's value as written (quoted), or null when the line is absent or commented out.</summary>
    private static string? Field(string text, string name)
    {
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith(name + ": ", StringComparison.Ordinal));
        return line is null ? null : Regex.Replace(line[(name.Length + 2)..], "   #.*$", string.Empty);
    }

    /// <summary>Each exported note's span of essay.txt, in UTF-16 offsets (the export counts code points).</summary>
    private static Dictionary<string, (int Start, int End)> Anchors(string jsonld, string essayText)
    {
        using var document = JsonDocument.Parse(jsonld);
        var anchors = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        foreach (var item in document.RootElement.GetProperty("first").GetProperty("items").EnumerateArray())
        {
            var id = item.GetProperty("id").GetString()!;
            var position = item.GetProperty("target").GetProperty("selector").EnumerateArray().Single(s => s.GetProperty("type").GetString() == "TextPositionSelector");
            anchors[id[(id.IndexOf("#note-", StringComparison.Ordinal) + "#note-".Length)..]] =
                (Utf16(essayText, position.GetProperty("start").GetInt32()), Utf16(essayText, position.GetProperty("end").GetInt32()));
        }

        return anchors;
    }

    private static int Utf16(string text, int codePoints)
    {
        var at = 0;
        for (var n = 0; n < codePoints; n++)
        {
            at += char.IsSurrogatePair(text, at) ? 2 : 1;
        }

        return at;
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    [GeneratedRegex(@"\S+")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRuns();

    private sealed record Paragraph(string Id, string Text, List<Markup> Markup);

    private sealed record Markup(string Kind, int Start, int End);

    private sealed record Choice(string ParagraphId, int Start, int End, string Quote, string Why);
}
