using Marginalia.Annotations;
using Marginalia.Content;
using Marginalia.Contributions;
using Marginalia.Diagnostics;
using Marginalia.Questions;
using Marginalia.Scaffolding;
using Marginalia.Text;

namespace Marginalia.Importing;

/// <summary>The state of one import: the essay, the files already there, and the ids given so far.</summary>
/// <summary>The state of one import: the essay, the files already there, and the ids given so far.</summary>
/// <summary>One annotation made ready in parallel: its draft and file text, or what it found instead.</summary>
/// <param name="Found">What to report about it: skips, the ignored selectors, an orphan, a missing author.</param>
/// <param name="Closest">For a quote the essay does not have: its report, and the folded quote whose closest passage the hint names.</param>
/// <param name="Invalid">The checks its file fails, as the build would report them.</param>
internal sealed record PreparedAnnotation(ImportedAnnotation From, ImportDraft? Draft, string? Text, DiagnosticBag Found, (Diagnostic Orphan, string Pattern)? Closest, IReadOnlyList<Diagnostic> Invalid);

/// <summary>The state of one import: the essay, the files already there, and the ids given so far.</summary>
internal sealed class ImportRun(ImportRequest request, ImportPlacement placement, DiagnosticBag diagnostics)
{
    private const string QuestionsFolder = "questions";
    private readonly WorkBudget _budget = new(WorkBudget.PerStage);
    private readonly Dictionary<string, HashSet<string>> _taken = [];
    private readonly Dictionary<string, List<(string Id, string Quote, string Author, DateOnly Created)>> _existing = [];
    private readonly Dictionary<(string Folder, string Text), string> _made = [];
    private readonly string _media = Path.GetFullPath(Path.Combine(request.Input, MediaPipeline.Folder));

    public List<ImportedFile> Files { get; } = [];

    /// <summary>Everything about one annotation that does not depend on the others: safe to run in parallel.</summary>
    public PreparedAnnotation Prepare(ImportedAnnotation annotation)
    {
        var found = new DiagnosticBag();
        var draft = Draft(annotation, found, out var closest);
        if (draft is null)
        {
            return new PreparedAnnotation(annotation, null, null, found, closest, []);
        }

        var text = draft.Text();
        var stem = Path.Combine(request.Input, draft.Folder, (draft.ExportedId ?? Stem(draft)) + ".md");
        return new PreparedAnnotation(annotation, draft, text, found, null, Check(draft, text, stem));
    }

    /// <summary>In file order: the report, the id, and what to do about a file already there.</summary>
    public void Decide(PreparedAnnotation prepared)
    {
        var annotation = prepared.From;
        diagnostics.AddRange(prepared.Found.Sorted());
        if (prepared.Closest is var (orphan, pattern))
        {
            diagnostics.Add(orphan with { Hint = placement.Closest(pattern, _budget) });
        }

        if (prepared.Draft is not { } draft)
        {
            return;
        }

        // The same note twice in one run (a file named twice, overlapping pages of a search) makes one file, as
        // two runs would; notes our export wrote go by their id instead.
        var text = prepared.Text!;
        if (draft.ExportedId is null && _made.TryGetValue((draft.Folder, text), out var earlier))
        {
            diagnostics.Add(Skipped(annotation, $"the same note as {earlier}, imported above"));
            return;
        }

        var (id, existing) = ChooseId(draft);
        var display = Path.Combine(request.Input, draft.Folder, id + ".md");
        var full = Path.GetFullPath(display);
        foreach (var error in prepared.Invalid)
        {
            diagnostics.Error(DiagnosticCodes.ImportInvalidNote, annotation.Location,
                $"{Pointer(annotation)}: the {(draft.Kind.Question ? "question" : "note")} it makes ({display}) fails a check: {error.Message} ({error.Code.Id})", error.Hint);
        }

        if (prepared.Invalid.Count > 0)
        {
            return;
        }

        var status = ImportStatus.Written;
        if (existing)
        {
            if (File.ReadAllText(full) == text)
            {
                diagnostics.Add(Skipped(annotation, $"{display} holds this note already, unchanged"));
                return;
            }

            if (!request.Update)
            {
                diagnostics.Warning(DiagnosticCodes.ImportFileExists, annotation.Location,
                    $"{Pointer(annotation)}: {display} exists and differs; it is not replaced", "run again with --update to replace it with the imported note");
                return;
            }

            status = ImportStatus.Updated;
        }

        Files.Add(new ImportedFile(display, full, text, status, $"{annotation.Location.Path} {Pointer(annotation)}"));
        _made.TryAdd((draft.Folder, text), Files[^1].From);
    }

    /// <summary>Writes the files decided on (nothing in a dry run), in parallel: each is its own file.</summary>
    public void WriteAll()
    {
        if (request.DryRun)
        {
            return;
        }

        foreach (var folder in Files.Select(f => Path.GetDirectoryName(f.FullPath)!).Distinct(StringComparer.Ordinal))
        {
            Directory.CreateDirectory(folder);
        }

        Parallel.ForEach(Files, file =>
        {
            // CreateNew for a new file: should one appear since the folder was read, it is not overwritten either.
            using var stream = new FileStream(file.FullPath, file.Status == ImportStatus.Updated ? FileMode.Truncate : FileMode.CreateNew, FileAccess.Write);
            stream.Write(System.Text.Encoding.UTF8.GetBytes(file.Text));
        });
    }

    private ImportDraft? Draft(ImportedAnnotation annotation, DiagnosticBag found, out (Diagnostic Orphan, string Pattern)? closest)
    {
        closest = null;
        var skip = annotation switch
        {
            { IsDeleted: true } => "deleted",
            { IsHidden: true } => "hidden by a moderator",
            { IsFlagged: true } => "flagged for moderation",
            { IsReply: true } => "a reply to another annotation: replies are discussion, not notes on the essay",
            { Target: null } => "a page note: it quotes no passage to place it on",
            _ => null,
        };
        if (skip is not null)
        {
            found.Add(Skipped(annotation, skip));
            return null;
        }

        var (kind, kindSkip) = ImportKinds.Decide(annotation, request.DefaultKind);
        if (kind is null)
        {
            found.Add(Skipped(annotation, kindSkip!));
            return null;
        }

        var body = ImportBody.Compose(annotation);
        if (body.Markdown.Length == 0)
        {
            found.Add(Skipped(annotation, "it has no text (a highlight or a bookmark)"));
            return null;
        }

        if (!annotation.IgnoredSelectors.IsDefaultOrEmpty)
        {
            found.Add(new Diagnostic(Severity.Info, DiagnosticCodes.ImportIgnored, annotation.Location,
                $"{Pointer(annotation)}: {string.Join(", ", annotation.IgnoredSelectors)} ignored; the quote places the note"));
        }

        var (place, problem, hint) = placement.Find(annotation.Target!, out var pattern);
        if (place is null)
        {
            // A quote not found gets its hint (the closest passage) in Decide, on the budget, in file order.
            var orphan = Diagnostic.Error(DiagnosticCodes.ImportOrphan, annotation.Location, $"{Pointer(annotation)}: {problem}", hint);
            if (pattern is null)
            {
                found.Add(orphan);
            }
            else
            {
                closest = (orphan, pattern);
            }

            return null;
        }

        if (Author(annotation, found) is not { } author)
        {
            return null;
        }

        var created = DateOf(annotation.CreatedAt) ?? DateOf(annotation.ModifiedAt);
        if (created is null)
        {
            created = DateOnly.FromDateTime(request.Clock.GetUtcNow().UtcDateTime);
            found.Add(new Diagnostic(Severity.Info, DiagnosticCodes.ImportIgnored, annotation.Location,
                $"{Pointer(annotation)}: no creation date; 'created' is today's, {YamlText.Date(created.Value)}"));
        }

        var ours = ImportPlacement.TargetsEssayText(annotation.Target!);
        var (question, hints) = kind.Question ? QuestionParts(body.Markdown) : (null, body.Markdown);
        return new ImportDraft(annotation, kind, place, author, created.Value, Updated(annotation, created.Value), body.Language,
            ours ? annotation.Target!.EssayVersion : null, body.Sources, hints)
        {
            ExportedId = ours ? ExportedId(annotation.Id) : null,
            QuestionText = question,
        };
    }

    private string? Author(ImportedAnnotation annotation, DiagnosticBag found)
    {
        var named = annotation.Creator?.Trim();
        if (named is not null && Contributors.IsGitHubHandle(named))
        {
            return named;
        }

        if (request.Author is { } fallback)
        {
            return fallback;
        }

        found.Error(DiagnosticCodes.ImportNoAuthor, annotation.Location,
            named is null ? $"{Pointer(annotation)}: the annotation names no author" : $"{Pointer(annotation)}: the author '{named}' is not a GitHub handle (letters, digits, single hyphens)",
            "give the GitHub handle its notes should carry with --author HANDLE");
        return null;
    }

    // W3C's modified, or Hypothesis's updated, when it falls on a later day: Hypothesis sets updated on every
    // annotation, to the second of its creation when it was never edited.
    private static DateOnly? Updated(ImportedAnnotation annotation, DateOnly created)
    {
        var modified = DateOf(annotation.ModifiedAt);
        return modified is null || modified < created || (annotation.Format == ImportFormat.Hypothesis && modified == created) ? null : modified;
    }

    // The day as the annotator saw it: the date in the timestamp's own offset.
    private static DateOnly? DateOf(DateTimeOffset? at) => at is { } value ? DateOnly.FromDateTime(value.DateTime) : null;

    /// <summary>The question is the body's first paragraph as plain text; the rest are hints for a discussion leader.</summary>
    private static (string Question, string Hints) QuestionParts(string markdown)
    {
        var split = markdown.IndexOf("\n\n", StringComparison.Ordinal);
        var first = split < 0 ? markdown : markdown[..split];
        var plain = Markdig.Markdown.ToPlainText(first).ReplaceLineEndings(" ").Trim();
        return (AnnotationScaffold.OneLine(plain), split < 0 ? string.Empty : markdown[(split + 2)..].Trim());
    }

    /// <summary>The note id in an id our export wrote (<c>https://…/#note-&lt;id&gt;</c>).</summary>
    private static string? ExportedId(string? id)
    {
        var marker = "#" + PageIds.Note;
        var at = id?.LastIndexOf(marker, StringComparison.Ordinal) ?? -1;
        if (at < 0)
        {
            return null;
        }

        var noteId = id![(at + marker.Length)..];
        return Ids.IsValid(noteId) ? noteId : null;
    }

    /// <summary>The id the file gets, and whether a file of that id holding the same note exists.</summary>
    private (string Id, bool Existing) ChooseId(ImportDraft draft)
    {
        var taken = Taken(draft.Folder);
        if (draft.ExportedId is { } exported)
        {
            var existing = taken.Contains(exported);
            taken.Add(exported);
            return (exported, existing && File.Exists(Path.Combine(request.Input, draft.Folder, exported + ".md")));
        }

        // The same note imported again (same quote, author and day) goes to the file it went to before.
        var same = Existing(draft.Folder).Where(n => n.Quote == draft.Place.Quote && n.Author == draft.Author && n.Created == draft.Created).Select(n => n.Id).FirstOrDefault();
        if (same is not null)
        {
            return (same, true);
        }

        var stem = Stem(draft);
        var id = stem;
        for (var n = 2; taken.Contains(id); n++)
        {
            id = $"{stem}-{n}";
        }

        taken.Add(id);
        return (id, false);
    }

    private HashSet<string> Taken(string folder)
    {
        if (!_taken.TryGetValue(folder, out var ids))
        {
            var path = Path.Combine(request.Input, folder);
            ids = Directory.Exists(path)
                ? new HashSet<string>(Directory.EnumerateFiles(path, "*.md").Select(Path.GetFileNameWithoutExtension).OfType<string>(), StringComparer.Ordinal)
                : new HashSet<string>(StringComparer.Ordinal);
            _taken[folder] = ids;
        }

        return ids;
    }

    // The notes or questions already in the folder (id, quote, author, day), read once and only when an import has
    // no id of ours to go by.
    private List<(string Id, string Quote, string Author, DateOnly Created)> Existing(string folder)
    {
        if (!_existing.TryGetValue(folder, out var found))
        {
            found = [];
            var path = Path.Combine(request.Input, folder);
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*.md").Order(StringComparer.Ordinal))
                {
                    var ignored = new DiagnosticBag();
                    if (SourceFileReader.Read(file, file, ignored) is not { } source)
                    {
                        continue;
                    }

                    if (folder == QuestionsFolder)
                    {
                        if (QuestionParser.Read(source, _media, ignored)?.Question is { } question)
                        {
                            found.Add((question.Id, question.Quote, question.Author, question.Created));
                        }
                    }
                    else if (NoteParser.Read(source, _media, ignored)?.Note is { } note)
                    {
                        found.Add((note.Id, note.Quote, note.Author, note.Created));
                    }
                }
            }

            _existing[folder] = found;
        }

        return found;
    }

    /// <summary>The errors the file would have, read as the build reads it (path given, content not yet written).</summary>
    private List<Diagnostic> Check(ImportDraft draft, string text, string display)
    {
        var found = new DiagnosticBag();
        var source = new SourceText(Path.GetFullPath(display), display, text);
        if (draft.Kind.Question)
        {
            QuestionParser.Read(source, _media, found);
        }
        else
        {
            NoteParser.Read(source, _media, found);
        }

        return [.. found.Sorted().Where(d => d.IsError)];
    }

    private static string Stem(ImportDraft draft)
    {
        var slug = Slug.FromWords(draft.QuestionText ?? draft.Place.Quote, ScaffoldIds.SlugWords);
        return Ids.IsValid(slug) ? slug : draft.Kind.Question ? "question" : "note";
    }

    private static Diagnostic Skipped(ImportedAnnotation annotation, string reason) =>
        new(Severity.Info, DiagnosticCodes.ImportSkipped, annotation.Location, $"{Pointer(annotation)}: skipped, {reason}");

    private static string Pointer(ImportedAnnotation annotation) => annotation.Pointer.Length == 0 ? "(the whole file)" : annotation.Pointer;
}
