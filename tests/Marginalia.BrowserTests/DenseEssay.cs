using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Marginalia.BrowserTests.Infrastructure;
using Marginalia.Site;
using Marginalia.Testing;
using Xunit;

namespace Marginalia.BrowserTests;

/// <summary>
/// The committed essay annotated as densely as it can be: on top of its own notes, a note on every sentence, and on
/// every fifth sentence a run of three or four notes on the same words, so their markers stand side by side on one
/// line. Bodies run from a few words to a paragraph. Built once, from a copy of the committed input/, and served.
/// </summary>
public sealed partial class DenseEssay : IAsyncLifetime
{
    private static readonly string[] Kinds = ["context", "counterpoint", "translation"];

    private static readonly string[] Filler =
    [
        "The claim is broad, and the essay gives no figures for it.",
        "Reports from the period describe a more mixed picture.",
        "Later work qualifies the point without overturning it.",
        "Readers may weigh it against the sources the other notes cite.",
        "The wording is the author's; the underlying events are well documented.",
    ];

    private readonly string _workFolder = Path.Combine(Path.GetTempPath(), "marginalia-dense-" + Guid.NewGuid().ToString("N"));
    private StaticSiteServer? _server;

    public string SiteFolder => Path.Combine(_workFolder, "site");

    public StaticSiteServer Server => _server ?? throw new InvalidOperationException("The dense essay is not served.");

    /// <summary>How many notes were added, and how many of them stand in runs on one line.</summary>
    public (int Added, int InRuns) Counts { get; private set; }

    public async Task InitializeAsync()
    {
        var root = RepositoryRoot.Find();
        var input = Path.Combine(_workFolder, "input");
        CommittedInput.CopyTo(root, input);
        Counts = Annotate(input);

        var result = await SiteBuilder.BuildAsync(
            new BuildOptions(Input: input, Theme: Path.Combine(root, "theme"), Output: SiteFolder) { WorkingDirectory = root });
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The dense essay did not build:" + Environment.NewLine + string.Join(Environment.NewLine, result.Diagnostics));
        }

        _server = await StaticSiteServer.StartAsync(SiteFolder);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (Directory.Exists(_workFolder))
        {
            Directory.Delete(_workFolder, recursive: true);
        }
    }

    /// <summary>Writes the notes into <paramref name="input"/>/annotations: one per sentence that occurs once, more in runs.</summary>
    private static (int Added, int InRuns) Annotate(string input)
    {
        var essay = File.ReadAllText(Path.Combine(input, "essay.md"));
        var body = essay[(essay.IndexOf("\n---", 3, StringComparison.Ordinal) + 4)..];
        var sentences = body.Split('\n')
            .Where(line => line.Length > 0 && char.IsLetter(line[0]))
            .SelectMany(paragraph => SentenceEnd().Split(paragraph))
            .Select(sentence => sentence.Trim())
            .Where(sentence => sentence.Split(' ').Length >= 4 && Occurrences(body, sentence) == 1)
            .ToList();

        var (added, inRuns) = (0, 0);
        for (var i = 0; i < sentences.Count; i++)
        {
            // A run: the sentence's last three words carry three or four notes, their markers side by side.
            var run = i % 5 == 2 ? 3 + (i % 2) : 1;
            var words = sentences[i].Split(' ');
            var quote = run == 1 ? sentences[i] : string.Join(' ', words[^3..]);
            if (run > 1 && Occurrences(body, quote) != 1)
            {
                run = 1;
                quote = sentences[i];
            }

            for (var j = 0; j < run; j++)
            {
                var text = new StringBuilder("Dense note ").Append(added.ToString(CultureInfo.InvariantCulture)).Append('.');
                for (var k = 0; k < (added * 7 % 5) + 1; k++)
                {
                    text.Append(' ').Append(Filler[(added + k) % Filler.Length]);
                }

                File.WriteAllText(
                    Path.Combine(input, "annotations", string.Create(CultureInfo.InvariantCulture, $"dense-{added:0000}.md")),
                    $"---\nquote: \"{quote.Replace("\"", "\\\"", StringComparison.Ordinal)}\"\nkind: {Kinds[added % Kinds.Length]}\nauthor: generator\ncreated: 2026-11-27\n---\n{text}\n");
                added++;
                inRuns += run > 1 ? 1 : 0;
            }
        }

        return (added, inRuns);
    }

    private static int Occurrences(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    // A sentence ends at . ? or ! (after any closing quote) followed by a space and a capital or an opening quote.
    [GeneratedRegex("""(?<=[.?!][”’"]?)\s+(?=[A-Z“‘"])""")]
    private static partial Regex SentenceEnd();
}
