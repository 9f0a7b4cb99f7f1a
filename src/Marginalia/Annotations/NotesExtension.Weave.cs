using System.Collections.Immutable;
using Marginalia.Annotations.Reanchoring;
using Marginalia.Content;
using Marginalia.Contributions;
using Marginalia.Diagnostics;
using Marginalia.Extensions;
using Marginalia.Markup;
using Marginalia.Pipeline;

namespace Marginalia.Annotations;

/// <summary>Notes in the weave: each quote found on the essay's text, its passage marked, a numbered marker after it.</summary>
internal sealed partial class NotesExtension
{
    /// <summary>What the notes bring to a weave: the note files, and how strictly to place them.</summary>
    public static readonly MetadataKey<NotesInput> Input = new("Notes.Input");

    private static readonly MetadataKey<NotesPlaced> State = new("Notes.Placed");

    private static readonly MetadataKey<QuoteMatches> Found = new("Notes.Found");

    public string? LoaderPipeline => AnnotationsPipeline.PipelineName;

    public BuildPipeline? CreateLoader() => new AnnotationsPipeline();

    public int Precedence => 0;

    public Metadata Load(IExecutionContext context, Metadata inputs)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(inputs);
        var files = context.OutputsOf(AnnotationsPipeline.PipelineName).Select(d => d.Get(AnnotationKeys.NoteFile)).ToList();
        var repository = context.Build.Settings.TryGet(ContentKeys.Site, out var site) && site!.Repository is { } uri
            ? new RepositoryLinks(uri, site.Branch)
            : null;
        return inputs.With(Input, new NotesInput(files, context.Build.AllowUnanchored, context.Build.Command, repository));
    }

    /// <summary>Every quote found on the essay's text: the weave's largest search, and no other kind's claims change it.</summary>
    public void Prepare(WeaveContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.Inputs.GetOrDefault(Input) ?? NotesInput.None;

        // Files rejected for their own fields are matched too, only for what the essay says about them (a quote not
        // found), so a contributor sees every problem of a file in one round; nothing of them is woven.
        context.Keep(Found, QuoteMatcher.Match(context.Index, input.Files, context.Diagnostics, input.AllowUnanchored, input.Command));
    }

    public void Match(WeaveContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var matched = context.Kept(Found, QuoteMatches.None);
        var anchors = matched.Anchors.Where(a => !a.File.Rejected).ToList();
        foreach (var anchor in anchors)
        {
            var note = anchor.File.Note;
            context.Mark(new MarkedPassage(anchor.Start, anchor.End, note.Id, document =>
            {
                var marker = document.CreateElement("a");
                marker.ClassName = WeaveMarkup.MarkerClass;
                marker.Id = note.MarkerId;
                marker.SetAttribute("href", "#" + note.ElementId);
                marker.SetAttribute("role", "doc-noteref");
                return marker;
            }));
        }

        context.Keep(State, new NotesPlaced(anchors, [.. matched.Unanchored.Where(f => !f.Rejected)]));
    }

    public void AfterWeave(WeaveContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if ((context.Inputs.GetOrDefault(Input) ?? NotesInput.None).Repository is { } repository)
        {
            AddNoteLinks(context, repository);
        }
    }

    public void Collect(WeaveContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.Inputs.GetOrDefault(Input) ?? NotesInput.None;
        var version = context.Index.Version;
        var (anchors, unanchored) = context.Kept(State, NotesPlaced.None);
        foreach (var anchor in anchors)
        {
            context.Collect(AnnotationKeys.Anchored,
                new AnchoredNote(anchor.PlacedNote(version), context.Numbers[anchor.File.Note.Id], anchor.BlockId, anchor.Start, anchor.End));
        }

        context.Results = context.Results
            .With(AnnotationKeys.Unanchored, [.. unanchored.Select(f => f.Note).OrderBy(n => n.Id, StringComparer.Ordinal)])
            .With(AnnotationKeys.Repairs, [.. anchors.Where(a => a.Repair is not null && a.File.FullPath is not null)
                .Select(a => new NoteRepair(a.File.FullPath!, a.File.Note.SourcePath, a.Repair!, version))
                .OrderBy(r => r.DisplayPath, StringComparer.Ordinal)]);
        context.XrefUses.AddRange(input.Files.SelectMany(f => f.Xrefs));
    }

    /// <summary>
    /// Every note, the author's footnotes among them, in reading order; then the xref names of notes (a rejected note
    /// is named by its id all the same: an xref to it is not what is wrong).
    /// </summary>
    public void Complete(WeaveContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var notes = context.Collected(AnnotationKeys.Anchored).OrderBy(n => n.Number).ToImmutableArray();
        context.Results = context.Results.With(AnnotationKeys.Notes, notes);
        foreach (var note in notes)
        {
            context.Xrefs.Add("notes/" + note.Note.Id, SitePaths.Reader, note.Note.ElementId);
        }

        foreach (var file in (context.Inputs.GetOrDefault(Input) ?? NotesInput.None).Files.Where(f => f.Rejected))
        {
            context.Xrefs.Add("notes/" + file.Note.Id, SitePaths.Reader, file.Note.ElementId);
        }
    }

    /// <summary>
    /// Beside each paragraph's permalink (the reader pipeline puts it at the paragraph's end first), a link that starts
    /// a note on it in the repository's web editor: the web page's only, as the permalink is.
    /// </summary>
    private static void AddNoteLinks(WeaveContext context, RepositoryLinks repository)
    {
        var paragraphs = context.Essay.Paragraphs.ToDictionary(p => p.Id, StringComparer.Ordinal);
        foreach (var element in context.Root.QuerySelectorAll("p[id]"))
        {
            if (paragraphs.TryGetValue(element.Id!, out var paragraph))
            {
                context.Web.Add(element, e =>
                {
                    var link = e.Owner!.CreateElement("a");
                    link.ClassName = MarkupNames.AddNote;
                    link.SetAttribute("href", repository.NewNote(paragraph.Id, paragraph.Text));
                    link.TextContent = "Add a note";
                    e.AppendChild(link);
                });
            }
        }
    }
}

/// <summary>The notes one weave placed, and those it could not place again after the essay changed.</summary>
internal sealed record NotesPlaced(IReadOnlyList<NoteAnchor> Anchors, IReadOnlyList<NoteFile> Unanchored)
{
    public static NotesPlaced None { get; } = new([], []);
}

/// <summary>The note files of a weave, and how strictly to place them.</summary>
internal sealed record NotesInput(IReadOnlyList<NoteFile> Files, bool AllowUnanchored, CommandName? Command, RepositoryLinks? Repository)
{
    public static NotesInput None { get; } = new([], false, null, null);
}
