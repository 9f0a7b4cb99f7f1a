using System.Collections.Immutable;
using AngleSharp.Dom;
using Marginalia.Annotations;
using Marginalia.Annotations.Reanchoring;
using Marginalia.Content;
using Marginalia.Contributions;
using Marginalia.Diagnostics;
using Marginalia.Glossary;
using Marginalia.Initiatives;
using Marginalia.Markup;
using Marginalia.Pipeline;
using Marginalia.Text;
using Document = Marginalia.Pipeline.Document;

namespace Marginalia.Reader;

/// <summary>
/// Weaves the notes into the essay: one text index of the rendered essay, every quote found in one automaton pass,
/// passages marked and markers placed in one pass over the DOM, then every xref in every body checked.
/// </summary>
public sealed class ReaderPipeline : Pipeline.Pipeline
{
    public const string PipelineName = "Reader";

    /// <summary>The page the essay is read on: xrefs to paragraphs and notes lead there.</summary>
    public const string ReaderPath = "index.html";

    /// <summary>The glossary page: xrefs to terms lead to their entries there.</summary>
    public const string GlossaryPage = "glossary/index.html";

    public ReaderPipeline()
        : base(PipelineName, EssayPipeline.PipelineName, AnnotationsPipeline.PipelineName, GlossaryPipeline.PipelineName, InitiativesPipeline.PipelineName)
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

            var essay = essayDocument.Get(ContentKeys.Essay);
            var files = context.OutputsOf(AnnotationsPipeline.PipelineName).Select(d => d.Get(AnnotationKeys.NoteFile)).ToList();
            var terms = context.OutputsOf(GlossaryPipeline.PipelineName).Select(d => d.Get(GlossaryKeys.TermFile)).ToList();
            var initiatives = context.OutputsOf(InitiativesPipeline.PipelineName).Select(d => d.Get(InitiativeKeys.InitiativeFile)).ToList();
            var hasSite = context.Build.Settings.TryGet(ContentKeys.Site, out var site);
            var links = hasSite && site!.Repository is { } repository ? new RepositoryLinks(repository, site.Branch) : null;
            var result = Weave(essay, essayDocument.Source!, files, context.Diagnostics, terms, hasSite ? site!.GlossaryMark : MarkMode.FirstPerSection,
                initiatives, hasSite ? site!.InitiativesLink : MarkMode.FirstPerSection, links, context.Build.AllowUnanchored, context.Build.Command);
            return Task.FromResult(ImmutableArray.Create(essayDocument.With(ReaderKeys.Result, result)));
        }
    }

    /// <summary>
    /// Finds everything on one text index — notes first, then initiative mentions, then glossary terms, each kind
    /// kept off what an earlier kind claimed where it would become a link — and writes it into the DOM once.
    /// </summary>
    public static ReaderResult Weave(
        Essay essay,
        string essayPath,
        IReadOnlyList<NoteFile> files,
        DiagnosticBag diagnostics,
        IReadOnlyList<TermFile>? terms = null,
        MarkMode glossaryMark = MarkMode.FirstPerSection,
        IReadOnlyList<InitiativeFile>? initiatives = null,
        MarkMode initiativesLink = MarkMode.FirstPerSection,
        RepositoryLinks? repository = null,
        bool allowUnanchored = false,
        CommandName? command = null)
    {
        ArgumentNullException.ThrowIfNull(essay);
        ArgumentNullException.ThrowIfNull(files);
        terms ??= [];
        initiatives ??= [];
        var root = HtmlFragment.Parse(essay.Html);
        var index = TextIndex.Build(root, e => e.ClassList.Contains(MarkupNames.Permalink) || e.ClassList.Contains(EssayWeaver.MarkerClass));
        // Files rejected for their own fields are matched too, only for what the essay says about them (a quote or
        // mention not found), so a contributor sees every problem of a file in one round; nothing of them is woven.
        var matched = QuoteMatcher.Match(index, files, diagnostics, allowUnanchored, command);
        var anchors = matched.Anchors.Where(a => !a.File.Rejected).ToList();
        var unanchored = matched.Unanchored.Where(f => !f.Rejected).ToList();
        var (mentionLinks, initiativeUses) = MentionMatcher.Match(index, [.. initiatives.Where(i => !i.Rejected)], initiativesLink, diagnostics);
        MentionMatcher.Match(index, [.. initiatives.Where(i => i.Rejected)], initiativesLink, diagnostics);
        var taken = mentionLinks.Select(l => (l.Start, l.End)).ToList();
        var (termLinks, termUses) = TermMatcher.Match(index, [.. terms.Where(t => !t.Rejected)], glossaryMark, taken, diagnostics);
        TermMatcher.Match(index, [.. terms.Where(t => t.Rejected)], glossaryMark, taken, diagnostics);
        EssayWeaver.Weave(index, anchors, [.. mentionLinks, .. termLinks]);
        var footnotes = PlaceFootnotes(root, essay, essayPath);
        var numbers = NoteMarkers.Number(root);
        if (repository is not null)
        {
            AddNoteLinks(root, essay, repository);
        }

        var notes = anchors.Select(a => new AnchoredNote(a.PlacedNote(index.Version), numbers[a.File.Note.Id], a.BlockId, a.Start, a.End))
            .Concat(footnotes.Select(f => new AnchoredNote(f.Note, numbers[f.Note.Id], f.BlockId, f.Offset, f.Offset)))
            .OrderBy(n => n.Number)
            .ToImmutableArray();

        var xrefs = new XrefTargets();
        foreach (var element in root.QuerySelectorAll("[id]"))
        {
            xrefs.Add("essay#" + element.Id, ReaderPath, element.Id);
        }

        foreach (var note in notes)
        {
            xrefs.Add("notes/" + note.Note.Id, ReaderPath, note.Note.ElementId);
        }

        // A rejected note is named by its id all the same: an xref to it is not what is wrong.
        foreach (var file in files.Where(f => f.Rejected))
        {
            xrefs.Add("notes/" + file.Note.Id, ReaderPath, file.Note.ElementId);
        }

        foreach (var term in terms)
        {
            xrefs.Add("glossary/" + term.Term.Id, GlossaryPage, term.Term.Id);
        }

        foreach (var initiative in initiatives)
        {
            xrefs.Add("initiatives/" + initiative.Initiative.Id, initiative.Initiative.PagePath);
        }

        CheckXrefs(files.SelectMany(f => f.Xrefs).Concat(terms.SelectMany(t => t.Xrefs)).Concat(initiatives.SelectMany(i => i.Xrefs)), xrefs, diagnostics);
        return new ReaderResult(essay, HtmlFragment.SerializeChildren(root), index.Text, index.Version, notes, termUses, initiativeUses, xrefs)
        {
            Unanchored = [.. unanchored.Select(f => f.Note).OrderBy(n => n.Id, StringComparer.Ordinal)],
            Repairs = [.. anchors.Where(a => a.Repair is not null && a.File.FullPath is not null)
                .Select(a => new NoteRepair(a.File.FullPath!, a.File.Note.SourcePath, a.Repair!, index.Version))
                .OrderBy(r => r.DisplayPath, StringComparer.Ordinal)],
        };
    }

    /// <summary>Beside each paragraph's permalink, a link that starts a note on it in the repository's web editor.</summary>
    private static void AddNoteLinks(IElement root, Essay essay, RepositoryLinks repository)
    {
        foreach (var paragraph in essay.Paragraphs)
        {
            if (root.QuerySelector($"#{paragraph.Id} > a.{MarkupNames.Permalink}") is { } permalink)
            {
                var link = root.Owner!.CreateElement("a");
                link.ClassName = MarkupNames.AddNote;
                link.SetAttribute("href", repository.NewNote(paragraph.Id, paragraph.Text));
                link.TextContent = "Add a note";
                permalink.Parent!.InsertBefore(link, permalink.NextSibling);
            }
        }
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

    private static List<(Note Note, string BlockId, int Offset)> PlaceFootnotes(IElement root, Essay essay, string essayPath)
    {
        var placed = new List<(Note, string, int)>();
        var bodies = essay.Footnotes.ToDictionary(f => f.Label, f => f.Html, StringComparer.Ordinal);
        var ids = new UniqueIds();
        foreach (var marker in root.QuerySelectorAll($"a.{MarkupNames.NoteRef}[data-footnote]").ToArray())
        {
            var label = marker.GetAttribute("data-footnote")!;
            marker.RemoveAttribute("data-footnote");
            var note = new Note(
                Id: ids.Claim(PageIds.AuthorFootnote + label),
                SourcePath: essayPath,
                Quote: string.Empty,
                Prefix: null,
                Suffix: null,
                Kind: NoteKind.Author,
                Author: essay.Info.Author,
                Sources: [],
                Created: essay.Info.Published ?? DateOnly.MinValue,
                Updated: null,
                Language: null,
                EssayVersion: null,
                BodyHtml: bodies.GetValueOrDefault(label, string.Empty));
            marker.Id = note.MarkerId;
            marker.SetAttribute("href", "#" + note.ElementId);
            marker.SetAttribute("role", "doc-noteref");
            marker.SetAttribute(MarkupNames.DataNote, note.Id);
            placed.Add((note, TextIndex.NearestId(marker.ParentElement!), 0));
        }

        return placed;
    }
}
