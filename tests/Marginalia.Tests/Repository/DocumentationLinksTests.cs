using System.Text;
using System.Text.RegularExpressions;
using Marginalia.Tests.Support;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Marginalia.Tests.Repository;

/// <summary>
/// Every relative link in the repository's own Markdown (README, CONTRIBUTING, docs/) leads to a file or folder of
/// the repository, and every <c>#fragment</c> into a Markdown file names one of its headings as GitHub anchors them.
/// A link that leaves the repository (<c>../shared/…</c>) works on one machine and is broken on every clone.
/// </summary>
public partial class DocumentationLinksTests
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UsePreciseSourceLocation().Build();

    /// <summary>The repository's Markdown about itself: not input/ (contributed notes, whose links are xref: and checked by the build) and not build output.</summary>
    public static TheoryData<string> Documents() => new(DocumentPaths());

    private static List<string> DocumentPaths() => [.. MarkdownFiles(RepoPaths.Root).Select(p => Relative(RepoPaths.Root, p)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_relative_link_leads_to_a_file_of_the_repository(string document)
    {
        var problems = Problems(RepoPaths.Root, document);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void The_documents_checked_include_the_readme_contributing_and_the_architecture()
    {
        var documents = DocumentPaths();

        Assert.Contains("README.md", documents);
        Assert.Contains("CONTRIBUTING.md", documents);
        Assert.Contains("docs/architecture.md", documents);
        Assert.DoesNotContain(documents, d => d.StartsWith("input/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("[up](../shared/DESIGN.md)", "1: ../shared/DESIGN.md leaves the repository")]
    [InlineData("text\n\n[gone](src/Nowhere.cs)", "3: src/Nowhere.cs does not exist")]
    [InlineData("![pic](docs/missing.png)", "1: docs/missing.png does not exist")]
    [InlineData("[ref][r]\n\n[r]: ./missing.md", "3: ./missing.md does not exist")]
    [InlineData("# Title\n\n[here](#no-such-heading)", "3: #no-such-heading names no heading of README.md")]
    [InlineData("[other](CONTRIBUTING.md#nowhere)", "1: CONTRIBUTING.md#nowhere names no heading of CONTRIBUTING.md")]
    [InlineData("[root](/../outside.md)", "1: /../outside.md leaves the repository")]
    public void A_broken_link_is_reported_at_its_line(string markdown, string expected)
    {
        using var repo = new TempRepo();
        repo.Write("CONTRIBUTING.md", "# Contributing\n\n## Adding a note\n");
        repo.Write("README.md", markdown);

        var problems = Problems(repo.Root, "README.md");

        Assert.Equal(["README.md:" + expected], problems);
    }

    [Theory]
    [InlineData("[file](CONTRIBUTING.md)")]
    [InlineData("[folder](docs/)")]
    [InlineData("[folder](docs)")]
    [InlineData("[from root](/CONTRIBUTING.md)")]
    [InlineData("[heading](CONTRIBUTING.md#adding-a-note)")]
    [InlineData("[own heading](#the-house-srcmarginalia)\n\n## The house: `src/Marginalia/`")]
    [InlineData("[second](#notes-1)\n\n## Notes\n\n## Notes")]
    [InlineData("[punctuation](#what-check-prints-and-how-to-read-it)\n\n## What `check` prints, and how to read it")]
    [InlineData("[encoded](docs/a%20b.md)")]
    [InlineData("[site](https://example.org/x.md) [mail](mailto:a@b.c) `[code](nowhere.md)`")]
    [InlineData("```\n[in a fence](nowhere.md)\n```")]
    public void A_link_that_resolves_is_not_reported(string markdown)
    {
        using var repo = new TempRepo();
        repo.Write("CONTRIBUTING.md", "# Contributing\n\n## Adding a note\n");
        repo.Write("docs/a b.md", "# A\n");
        repo.Write("README.md", markdown);

        Assert.Empty(Problems(repo.Root, "README.md"));
    }

    private static List<string> Problems(string root, string document)
    {
        var full = Path.Combine(root, document);
        var markdown = Markdown.Parse(File.ReadAllText(full), Pipeline);
        var problems = new List<string>();
        // A reference link is checked once, at its definition ("[r]: path"), where the path is written.
        var links = markdown.Descendants<LinkInline>().Where(l => l.Reference is null).Select(l => (Url: l.Url, l.Line))
            .Concat(markdown.Descendants<LinkReferenceDefinition>().Select(d => (Url: d.Url, d.Line)));
        foreach (var (url, line) in links)
        {
            if (Check(root, full, url) is { } problem)
            {
                problems.Add($"{document}:{line + 1}: {problem}");
            }
        }

        return problems;
    }

    /// <summary>Why a link is broken, or null when it resolves (or is not a link into the repository).</summary>
    private static string? Check(string root, string document, string? url)
    {
        if (string.IsNullOrEmpty(url) || Scheme().IsMatch(url))
        {
            return null; // https:, mailto:: the wider web, not this repository
        }

        var hash = url.IndexOf('#', StringComparison.Ordinal);
        var path = Uri.UnescapeDataString(hash < 0 ? url : url[..hash]);
        var fragment = hash < 0 ? null : Uri.UnescapeDataString(url[(hash + 1)..]);
        var target = path.Length == 0
            ? document
            : Path.GetFullPath(path.StartsWith('/') ? Path.Combine(root, path.TrimStart('/')) : Path.Combine(Path.GetDirectoryName(document)!, path));
        var rootPrefix = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;
        if (!(target + Path.DirectorySeparatorChar).StartsWith(rootPrefix, StringComparison.Ordinal))
        {
            return $"{url} leaves the repository";
        }

        if (!File.Exists(target) && !Directory.Exists(target))
        {
            return $"{url} does not exist";
        }

        if (fragment is { Length: > 0 } && target.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && !Anchors(target).Contains(fragment))
        {
            return $"{url} names no heading of {Relative(root, target)}";
        }

        return null;
    }

    /// <summary>The anchors GitHub gives a Markdown file's headings: lowercased, punctuation dropped, spaces as hyphens, repeats numbered.</summary>
    private static HashSet<string> Anchors(string file)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var heading in Markdown.Parse(File.ReadAllText(file), Pipeline).Descendants<HeadingBlock>())
        {
            var text = new StringBuilder();
            foreach (var inline in heading.Inline?.Descendants<Inline>() ?? [])
            {
                text.Append(inline switch
                {
                    LiteralInline literal => literal.Content.ToString(),
                    CodeInline code => code.Content,
                    _ => string.Empty,
                });
            }

            var slug = NotInSlug().Replace(text.ToString().Trim().ToLowerInvariant(), string.Empty).Replace(' ', '-');
            var count = seen.GetValueOrDefault(slug);
            seen[slug] = count + 1;
            anchors.Add(count == 0 ? slug : $"{slug}-{count}");
        }

        return anchors;
    }

    private static IEnumerable<string> MarkdownFiles(string root)
    {
        string[] skipped = ["input", "output", "bin", "obj", "node_modules", "TestResults", ".git"];
        var pending = new Stack<string>([root]);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            foreach (var file in Directory.EnumerateFiles(folder, "*.md"))
            {
                yield return file;
            }

            foreach (var sub in Directory.EnumerateDirectories(folder))
            {
                var name = Path.GetFileName(sub);
                if (!skipped.Contains(name, StringComparer.Ordinal) && !name.EndsWith(".staging", StringComparison.Ordinal))
                {
                    pending.Push(sub);
                }
            }
        }
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');

    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex Scheme();

    // github-slugger keeps letters, marks, numbers, connector punctuation (_), hyphens and spaces.
    [GeneratedRegex(@"[^\p{L}\p{M}\p{N}\p{Pc}\- ]")]
    private static partial Regex NotInSlug();

    private sealed class TempRepo : IDisposable
    {
        public string Root { get; } = Directory.CreateTempSubdirectory("marginalia-doclinks-").FullName;

        public void Write(string path, string text)
        {
            var full = Path.Combine(Root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }

        public void Dispose() => Directory.Delete(Root, recursive: true);
    }
}
