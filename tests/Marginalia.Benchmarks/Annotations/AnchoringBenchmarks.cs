using BenchmarkDotNet.Attributes;
using Marginalia.Annotations;
using Marginalia.Benchmarks.Corpus;
using Marginalia.Content;
using Marginalia.Diagnostics;
using Marginalia.Pipeline;
using Marginalia.Reader;

namespace Marginalia.Benchmarks.Annotations;

/// <summary>
/// Anchoring and weaving notes into a generated essay: 1× is 50,000 words and 2,000 notes, 10× is ten times both.
/// Linear matching means the 10× mean is about ten times the 1× mean (the Ratio column); a search per note per
/// paragraph would make it about a hundred.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 2, iterationCount: 8)]
public class AnchoringBenchmarks
{
    private Essay _essay = null!;
    private List<NoteFile> _notes = [];

    [Params(1, 10)]
    public int Scale { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var corpus = ScaleCorpus.Generate(50_000 * Scale, 2_000 * Scale);
        var diagnostics = new DiagnosticBag();
        var frontMatter = FrontMatterParser.Parse(new SourceText("essay.md", "input/essay.md", $"---\ntitle: S\nauthor: G\nlanguage: en\n---\n{corpus.EssayMarkdown}"), diagnostics)!;
        _essay = EssayBuilder.Build(frontMatter, diagnostics, "/no-media") ?? throw new InvalidOperationException(string.Join('\n', diagnostics.Sorted()));
        _notes = [.. corpus.Notes.Select(n => NoteParser.Read(
            new SourceText(n.Id + ".md", $"input/annotations/{n.Id}.md",
                $"---\nquote: \"{n.Quote}\"\n{(n.Prefix is null ? string.Empty : $"prefix: \"{n.Prefix}\"\n")}author: g\ncreated: 2026-11-27\n---\nNote.\n"),
            Path.GetTempPath(),
            diagnostics)!)];

        // Every note must anchor, or the benchmark would time error reporting instead of anchoring.
        var check = new DiagnosticBag();
        var result = ReaderPipeline.Weave(_essay, "input/essay.md", NotesOnly(), check);
        if (check.HasErrors || result.Notes.Length != _notes.Count)
        {
            throw new InvalidOperationException($"{result.Notes.Length} of {_notes.Count} anchored: {string.Join('\n', check.Sorted().Take(5))}");
        }
    }

    [Benchmark(Baseline = true)]
    public int AnchorAndWeave() => ReaderPipeline.Weave(_essay, "input/essay.md", NotesOnly(), new DiagnosticBag()).Notes.Length;

    private Metadata NotesOnly() => Metadata.Empty.With(NotesExtension.Input, new NotesInput(_notes, AllowUnanchored: false, Command: null, Repository: null));
}
