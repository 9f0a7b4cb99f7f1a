using BenchmarkDotNet.Attributes;
using Marginalia.Benchmarks.Corpus;
using Marginalia.Content;
using Marginalia.Site;
using Markdig;

namespace Marginalia.Benchmarks;

/// <summary>
/// The whole site build against the floor no Markdown site generator can beat: Markdig's own parse and render of the
/// same essay body with the same pipeline. The Ratio column is how many "floors" a full build costs.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 10)]
public class BuildBenchmarks
{
    private string _root = string.Empty;
    private string _body = string.Empty;
    private string _scratch = string.Empty;
    private string _output = string.Empty;

    /// <summary>
    /// <c>real</c>: the repository's input/ (about 1,100 words, where a build's fixed costs dominate); <c>1x</c>: the
    /// generated corpus of 50,000 words, 2,000 notes, 500 terms and 200 initiatives (see ScaleCorpus), where they are
    /// spread over fifty times the text. Each corpus has its own floor: Markdig on that corpus's essay.
    /// </summary>
    [Params("real", "1x")]
    public string Corpus { get; set; } = "real";

    [GlobalSetup]
    public void Setup()
    {
        // The output lives in its own scratch folder because the build writes a sibling staging folder and swaps it in.
        _scratch = Directory.CreateTempSubdirectory("marginalia-bench-").FullName;
        _output = Path.Combine(_scratch, "out");
        _root = RepoRoot.Locate();
        if (Corpus != "real")
        {
            // A generated site (input/ and a copy of theme/) in the scratch folder, built like the real one.
            _root = Path.Combine(_scratch, "site");
            ScaleCorpus.WriteSite(Corpus, _root, RepoRoot.Locate());
        }

        _body = StripFrontMatter(File.ReadAllText(Path.Combine(_root, "input", "essay.md")));

        // A floor measured on the wrong text (front matter left in, or nothing at all) would make every ratio a lie.
        if (!MarkdigFloor().Contains("<h2", StringComparison.Ordinal) || _body.Contains("\nauthor:", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("the floor's input is not the essay body: check StripFrontMatter against essay.md");
        }

        // A build that fails skips its Output phase and would time far less work than a real build: refuse to measure it.
        var result = Build().GetAwaiter().GetResult();
        if (!result.Succeeded || !File.Exists(Path.Combine(_output, "index.html")))
        {
            var errors = string.Join(Environment.NewLine, result.Diagnostics.Select(d => d.ToString()));
            throw new InvalidOperationException($"the site does not build, so there is nothing to measure:{Environment.NewLine}{errors}");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_scratch.Length > 0 && Directory.Exists(_scratch))
        {
            Directory.Delete(_scratch, recursive: true);
        }
    }

    [Benchmark(Baseline = true)]
    public string MarkdigFloor() => Markdown.ToHtml(_body, MarkdownRenderer.Pipeline);

    [Benchmark]
    public async Task<bool> FullBuild()
    {
        var result = await Build().ConfigureAwait(false);
        return result.Succeeded;
    }

    private Task<BuildResult> Build() =>
        SiteBuilder.BuildAsync(new BuildOptions(Input: "input", Theme: "theme", Output: _output) { WorkingDirectory = _root });

    /// <summary>The Markdown after the closing '---' fence: what the essay's Markdown stage actually sees.</summary>
    private static string StripFrontMatter(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd() != "---")
        {
            return text;
        }

        var close = Array.FindIndex(lines, 1, line => line.TrimEnd() is "---" or "...");
        if (close < 0)
        {
            throw new InvalidOperationException("essay.md opens front matter with '---' but never closes it");
        }

        return string.Join('\n', lines[(close + 1)..]);
    }
}
