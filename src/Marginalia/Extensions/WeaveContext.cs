using System.Collections.Concurrent;
using AngleSharp.Dom;
using Marginalia.Content;
using Marginalia.Contributions;
using Marginalia.Diagnostics;
using Marginalia.Pipeline;
using Marginalia.Text;

namespace Marginalia.Extensions;

/// <summary>
/// One weave of the essay, shared by the reader extensions: the essay's DOM and its text index, what each kind loaded
/// (<see cref="Inputs"/>), the ranges the kinds claim, and what they hand on to the pages (<see cref="Results"/>).
/// The reader pipeline runs the extensions through it in four steps: match, weave, after-weave, collect.
/// </summary>
internal sealed class WeaveContext
{
    private readonly List<MarkedPassage> _passages = [];
    private readonly List<LinkRange> _links = [];
    private readonly Dictionary<string, List<object>> _collected = new(StringComparer.Ordinal);
    // Concurrent: every kind's Prepare keeps what it found at the same time.
    private readonly ConcurrentDictionary<string, object> _kept = new(StringComparer.Ordinal);

    public WeaveContext(Essay essay, string essayPath, EssayCopy copy, TextIndex index, Metadata inputs, DiagnosticBag diagnostics)
    {
        Essay = essay;
        EssayPath = essayPath;
        Root = copy.Root;
        FootnoteLabels = copy.FootnoteLabels;
        Index = index;
        Inputs = inputs;
        Diagnostics = diagnostics;
    }

    public Essay Essay { get; }

    /// <summary>The essay's path, where diagnostics about it point.</summary>
    public string EssayPath { get; }

    /// <summary>The essay's body as a DOM (a copy of the essay's), woven in place: the model every edition renders.</summary>
    public IElement Root { get; }

    /// <summary>The author's footnote references in <see cref="Root"/> (empty markers), with their footnotes' labels.</summary>
    public IReadOnlyDictionary<IElement, string> FootnoteLabels { get; }

    /// <summary>Every note marker in <see cref="Root"/> with its note's id: how markers are numbered, whatever their kind.</summary>
    public Dictionary<IElement, string> Markers { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>What only the web page adds to <see cref="Root"/>'s elements.</summary>
    public WebDecorations Web { get; } = new();

    public TextIndex Index { get; }

    /// <summary>What each kind loaded, under its own keys (see each extension's <c>Load</c>).</summary>
    public Metadata Inputs { get; }

    public DiagnosticBag Diagnostics { get; }

    /// <summary>Passages marked so far, with a marker after each (notes).</summary>
    public IReadOnlyList<MarkedPassage> Passages => _passages;

    /// <summary>Link ranges claimed so far, by kinds of higher precedence: a later kind keeps off them.</summary>
    public IReadOnlyList<LinkRange> Links => _links;

    /// <summary>Each marker's number (by the id its passage was marked with), once the markers are numbered.</summary>
    public IReadOnlyDictionary<string, int> Numbers { get; internal set; } = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>Everything an xref in a body may name.</summary>
    public XrefTargets Xrefs { get; } = new();

    /// <summary>Every xref written in a body, checked against <see cref="Xrefs"/> after the last extension.</summary>
    public List<XrefUse> XrefUses { get; } = [];

    /// <summary>What the kinds hand on to the pages and editions, under their own keys.</summary>
    public Metadata Results { get; set; } = Metadata.Empty;

    public void Mark(MarkedPassage passage) => _passages.Add(passage);

    public void Link(LinkRange link) => _links.Add(link);

    /// <summary>
    /// Keeps a kind's own state from one step of this weave to the next. Extensions are shared by every build (and
    /// builds run in parallel), so nothing of one weave may live in the extension itself.
    /// </summary>
    public void Keep<T>(MetadataKey<T> key, T value) where T : notnull => _kept[key.Name] = value;

    /// <summary>What <see cref="Keep{T}"/> kept under a key; the fallback when the kind kept nothing this weave.</summary>
    public T Kept<T>(MetadataKey<T> key, T fallback) => _kept.TryGetValue(key.Name, out var value) && value is T typed ? typed : fallback;

    /// <summary>Adds to a list that several kinds fill (the author's footnotes are notes too).</summary>
    public void Collect<T>(MetadataKey<IReadOnlyList<T>> key, T item) where T : notnull
    {
        if (!_collected.TryGetValue(key.Name, out var list))
        {
            _collected[key.Name] = list = [];
        }

        list.Add(item);
    }

    /// <summary>What <see cref="Collect{T}"/> gathered under a key, in the order it came.</summary>
    public IReadOnlyList<T> Collected<T>(MetadataKey<IReadOnlyList<T>> key) =>
        _collected.TryGetValue(key.Name, out var list) ? [.. list.Cast<T>()] : [];
}
