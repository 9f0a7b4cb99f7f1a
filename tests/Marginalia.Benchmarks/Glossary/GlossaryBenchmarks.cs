using System.Globalization;
using BenchmarkDotNet.Attributes;
using Marginalia.Benchmarks.Corpus;
using Marginalia.Content;
using Marginalia.Diagnostics;
using Marginalia.Glossary;
using Marginalia.Pipeline;
using Marginalia.Reader;

namespace Marginalia.Benchmarks.Glossary;

/// <summary>
/// Marking 500 glossary terms (every use: <c>glossary.mark: all</c>, the most work) in a generated essay of 50,000
/// words (1×) and 500,000 words (10×). One automaton pass means time grows with the text, not with text × terms.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 2, iterationCount: 8)]
public class GlossaryBenchmarks
{
    private Essay _essay = null!;
    private List<TermFile> _terms = [];

    [Params(1, 10)]
    public int Scale { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var corpus = ScaleCorpus.Generate(50_000 * Scale, 0);
        var diagnostics = new DiagnosticBag();
        var frontMatter = FrontMatterParser.Parse(new SourceText("essay.md", "input/essay.md", $"---\ntitle: S\nauthor: G\nlanguage: en\n---\n{corpus.EssayMarkdown}"), diagnostics)!;
        _essay = EssayBuilder.Build(frontMatter, diagnostics, "/no-media") ?? throw new InvalidOperationException(string.Join('\n', diagnostics.Sorted()));

        // 500 terms: numbered tokens the essay holds (rare words, like the proper names and jargon of a real glossary),
        // taken from the 1× text so both sizes search for the same terms.
        var tokens = ScaleCorpus.Tokens(ScaleCorpus.Generate(50_000, 0).EssayMarkdown).Take(500);
        _terms = [.. tokens.Select((token, i) =>
        {
            var id = "t" + i.ToString(CultureInfo.InvariantCulture);
            var text = $"---\nterm: \"{token}\"\nshort: \"Term {id}.\"\nauthor: g\n---\nEntry.\n";
            return TermParser.Read(new SourceText(id + ".md", $"input/glossary/{id}.md", text), Path.GetTempPath(), diagnostics)
                ?? throw new InvalidOperationException(string.Join('\n', diagnostics.Sorted()));
        })];
        if (_terms.Count != 500)
        {
            throw new InvalidOperationException($"only {_terms.Count} terms");
        }
    }

    [Benchmark(Baseline = true)]
    public int MarkTerms() =>
        ReaderPipeline.Weave(_essay, "input/essay.md", Metadata.Empty.With(TermsExtension.Input, new TermsInput(_terms, MarkMode.All)), new DiagnosticBag())
            .Terms.Count(t => t.Marked);
}
