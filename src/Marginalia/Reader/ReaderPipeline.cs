using AngleSharp.Dom;
using System.Collections.Immutable;
using Marginalia.Content;
using Marginalia.Contributions;
using Marginalia.Diagnostics;
using Marginalia.Extensions;
using Marginalia.Pipeline;
using Marginalia.Text;
using Document = Marginalia.Pipeline.Document;

namespace Marginalia.Reader;

/// <summary>
/// Weaves the kinds of annotation into the essay. It names no kind: it builds one text index of the rendered essay,
/// asks every registered extension (<see cref="ReaderExtensions.All"/>) for its ranges in order of precedence, writes
/// them all into the DOM in one pass, lets the extensions finish on the woven DOM, numbers the markers, and checks
/// every xref in every body against what the extensions said can be named.
/// </summary>
internal sealed class ReaderPipeline : BuildPipeline
{
    public const string PipelineName = ReaderKeys.Pipeline;

    /// <summary>The page the essay is read on: xrefs to paragraphs and notes lead there.</summary>
    public const string ReaderPath = SitePaths.Reader;

    /// <summary>The glossary page: xrefs to terms lead to their entries there.</summary>
    public const string GlossaryPage = SitePaths.Glossary;

    public ReaderPipeline()
        : base(PipelineName, [EssayPipeline.PipelineName, .. ReaderExtensions.All.Select(e => e.LoaderPipeline).OfType<string>()])
    {
        ProcessModules.Add(new WeaveModule());
    }

    private sealed class WeaveModule : IModule
    {
        public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context)
        {
            var essayDocument = context.OutputsOf(EssayPipeline.PipelineName).FirstOrDefault();
            if (essayDocument is null)
            {
                return Task.FromResult(ImmutableArray<Document>.Empty); // the essay's own errors are reported
            }

            var loaded = ReaderExtensions.All.Aggregate(Metadata.Empty, (sum, extension) => extension.Load(context, sum));
            var result = Weave(essayDocument.Get(ContentKeys.Essay), essayDocument.Source!, loaded, context.Diagnostics);
            return Task.FromResult(ImmutableArray.Create(essayDocument.With(ReaderKeys.Result, result)));
        }
    }

    /// <summary>
    /// Weaves what the extensions loaded (<paramref name="inputs"/>, under each kind's own keys) into the essay: every
    /// kind's ranges found on one text index, in order of precedence, and written into the DOM once.
    /// </summary>
    internal static ReaderResult Weave(Essay essay, string essayPath, Metadata inputs, DiagnosticBag diagnostics) =>
        Weave(essay, essayPath, inputs, diagnostics, ReaderExtensions.All);

    internal static ReaderResult Weave(Essay essay, string essayPath, Metadata inputs, DiagnosticBag diagnostics, IReadOnlyList<IReaderExtension> extensions)
    {
        ArgumentNullException.ThrowIfNull(essay);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(extensions);
        var copy = essay.Body.Copy();
        var root = copy.Root;
        var index = TextIndex.Build(root, e => e.ClassList.Contains(WeaveMarkup.MarkerClass));
        var context = new WeaveContext(essay, essayPath, copy, index, inputs, diagnostics);
        Permalinks.Add(essay, root, context.Web);

        // What each kind finds without another's claims, on every core at once: alone, a large essay's quotes took one
        // core for most of the weave while the other waited.
        Parallel.ForEach(extensions, extension => extension.Prepare(context));

        // OrderBy is stable: kinds of equal precedence match in the order they are registered.
        foreach (var extension in extensions.OrderBy(e => e.Precedence))
        {
            extension.Match(context);
        }

        EssayWeaver.Weave(index, context.Passages, context.Links, context.Web, context.Markers);
        foreach (var extension in extensions)
        {
            extension.AfterWeave(context);
        }

        context.Numbers = NoteMarkers.Number(root, context.Markers);
        foreach (var element in root.QuerySelectorAll("[id]"))
        {
            context.Xrefs.Add("essay#" + element.Id, ReaderPath, element.Id);
        }

        foreach (var extension in extensions)
        {
            extension.Collect(context);
        }

        foreach (var extension in extensions)
        {
            extension.Complete(context);
        }

        CheckXrefs(context.XrefUses, context.Xrefs, diagnostics);
        var model = new EssayBody(root, new Dictionary<IElement, string>());
        var decorations = context.Web;
        return new ReaderResult(essay, model, new Lazy<AnchoredHtml>(() => decorations.RenderAnchored(model)), index.Text, index.Version, context.Xrefs, context.Results);
    }

    /// <summary>Reports every xref that names nothing, with the closest name that exists.</summary>
    public static void CheckXrefs(IEnumerable<XrefUse> uses, XrefTargets targets, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(uses);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(diagnostics);
        foreach (var use in uses.Where(u => !targets.Contains(u.Target)))
        {
            diagnostics.Error(DiagnosticCodes.UnknownXref, use.Location, $"xref:{use.Target} names nothing on the site",
                Suggestions.DidYouMean(use.Target, targets.Names) ?? "xrefs name essay#<paragraph-id>, notes/<id>, glossary/<id> or initiatives/<id>");
        }
    }
}
