using Marginalia.Content;
using Marginalia.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Marginalia.Contributions.Sources;

/// <summary>
/// 'check --fix-sources': writes each source address of a contributed file without its tracking parameters and
/// default port (<see cref="SourceUrlReview.Clean"/>), and touches nothing else: the rest of the file, its comments,
/// field order and line endings stay byte for byte. What needs a person (an AMP copy, a feed host, a closed host)
/// is only reported.
/// </summary>
internal static class SourceFileFixer
{
    /// <summary>Rewrites the file in place (see <see cref="InputFileEdit"/>) and returns each address it changed, before and after.</summary>
    public static IReadOnlyList<(string From, string To)> Apply(string fullPath) => InputFileEdit.Apply(fullPath, Rewrite);

    /// <summary>The text with every <c>sources[].url</c> cleaned, and the addresses that changed.</summary>
    /// <exception cref="InvalidOperationException">The text has no closed front matter.</exception>
    /// <exception cref="YamlException">The front matter is not YAML (the build reports it; the fixer is only run on files it read).</exception>
    public static (string Text, IReadOnlyList<(string From, string To)> Changed) Rewrite(string text)
    {
        var (yamlStart, yamlEnd) = InputFileEdit.FrontMatterSpan(text);
        var yaml = text[yamlStart..yamlEnd];
        var edits = new List<(int Start, int End, string Text)>();
        var changed = new List<(string From, string To)>();
        foreach (var url in SourceUrls(yaml))
        {
            var written = url.Value.Trim();
            var clean = SourceUrlReview.Clean(written);
            if (clean != written)
            {
                edits.Add((yamlStart + (int)url.Start.Index, yamlStart + (int)url.End.Index, YamlText.Quote(clean)));
                changed.Add((written, clean));
            }
        }

        var result = new System.Text.StringBuilder(text);
        foreach (var (start, end, replacement) in edits.OrderByDescending(e => e.Start))
        {
            result.Remove(start, end - start).Insert(start, replacement);
        }

        return (result.ToString(), changed);
    }

    /// <summary>Each scalar that is the <c>url</c> of an item of the top-level <c>sources</c> list.</summary>
    private static List<Scalar> SourceUrls(string yaml)
    {
        var urls = new List<Scalar>();
        var parser = new Parser(new StringReader(yaml));
        parser.Consume<StreamStart>();
        parser.Consume<DocumentStart>();
        parser.Consume<MappingStart>();
        while (!parser.Accept<MappingEnd>(out _))
        {
            var key = parser.Consume<Scalar>();
            if (key.Value == "sources" && parser.TryConsume<SequenceStart>(out _))
            {
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    ReadItem(parser, urls);
                }
            }
            else
            {
                parser.SkipThisAndNestedEvents();
            }
        }

        return urls;
    }

    private static void ReadItem(Parser parser, List<Scalar> urls)
    {
        if (!parser.TryConsume<MappingStart>(out _))
        {
            parser.SkipThisAndNestedEvents();
            return;
        }

        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var key = parser.Consume<Scalar>();
            if (key.Value == "url" && parser.Accept<Scalar>(out var url))
            {
                urls.Add(url);
                parser.MoveNext();
            }
            else
            {
                parser.SkipThisAndNestedEvents();
            }
        }
    }
}
