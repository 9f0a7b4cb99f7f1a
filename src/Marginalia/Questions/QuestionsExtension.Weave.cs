using System.Collections.Immutable;
using AngleSharp.Dom;
using Marginalia.Annotations;
using Marginalia.Contributions;
using Marginalia.Diagnostics;
using Marginalia.Extensions;
using Marginalia.Pipeline;
using Marginalia.Text;

namespace Marginalia.Questions;

/// <summary>
/// Questions in the weave. Each quote is found as a note's is (the same errors for a quote not found, ambiguous or
/// across paragraphs), but nothing is marked: after the weave, a quiet prompt goes after the paragraph the passage is
/// in, or at the end of the section whose heading it quotes.
/// </summary>
internal sealed partial class QuestionsExtension
{
    /// <summary>The class of a question's prompt in the essay.</summary>
    public const string PromptClass = "question-prompt";

    /// <summary>What the questions bring to a weave: the question files.</summary>
    public static readonly MetadataKey<IReadOnlyList<QuestionFile>> Input = new("Questions.Input");

    private static readonly MetadataKey<IReadOnlyList<PlacedQuestion>> State = new("Questions.State");

    private static readonly MetadataKey<QuoteMatches> Found = new("Questions.Found");

    public string? LoaderPipeline => QuestionsPipeline.PipelineName;

    public BuildPipeline? CreateLoader() => new QuestionsPipeline();

    public int Precedence => 40;

    public Metadata Load(IExecutionContext context, Metadata inputs)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(inputs);
        return inputs.With(Input, [.. context.OutputsOf(QuestionsPipeline.PipelineName).Select(d => d.Get(QuestionKeys.QuestionFile))]);
    }

    public void Prepare(WeaveContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var files = context.Inputs.GetOrDefault(Input) ?? [];
        ReportDuplicates(files, context.Diagnostics);

        // A question is placed by its quote exactly as a note is, so it gets the notes' tested errors and hints.
        var asNotes = files.Select(f => new NoteFile(
            new Note(f.Question.Id, f.Question.SourcePath, f.Question.Quote, f.Question.Prefix, f.Question.Suffix, NoteKind.Context,
                f.Question.Author, [], f.Question.Created, null, null, null, string.Empty),
            f.QuoteAt, f.SelectorAt, [], [])).ToList();
        context.Keep(Found, QuoteMatcher.Match(context.Index, asNotes, context.Diagnostics));
    }

    public void Match(WeaveContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var files = context.Inputs.GetOrDefault(Input) ?? [];
        var matched = context.Kept(Found, QuoteMatches.None);
        var byId = files.Where(f => !f.Rejected).ToDictionary(f => f.Question.Id, StringComparer.Ordinal);
        var placed = matched.Anchors
            .Where(a => byId.ContainsKey(a.File.Note.Id))
            .Select(a => (Anchor: a, Block: context.Index.Blocks.First(b => b.Id == a.BlockId).Element))
            .Select(x => new PlacedQuestion(byId[x.Anchor.File.Note.Id].Question, x.Anchor.BlockId, Exclusions.SectionOf(x.Block), x.Anchor.Start, x.Anchor.End)
            {
                AboutSection = IsHeading(x.Block),
            })
            .OrderBy(q => q.Start).ThenBy(q => q.Question.Id, StringComparer.Ordinal)
            .ToList();
        context.Keep(State, placed);
    }

    public void AfterWeave(WeaveContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var placed = context.Kept(State, []);

        // Inserted in reverse reading order, so each prompt lands after those before it at the same place.
        foreach (var question in placed.Reverse())
        {
            var block = context.Index.Blocks.FirstOrDefault(b => b.Id == question.BlockId)?.Element;
            var section = block?.Closest("section");
            if (block is null)
            {
                continue;
            }

            var prompt = Prompt(context.Root.Owner!, question.Question);
            if (question.AboutSection && section is not null)
            {
                section.AppendChild(prompt);
            }
            else
            {
                block.Parent!.InsertBefore(prompt, block.NextSibling);
            }
        }
    }

    public void Collect(WeaveContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var files = context.Inputs.GetOrDefault(Input) ?? [];
        var placed = context.Kept(State, []);
        context.Results = context.Results.With(QuestionKeys.Placed, placed.ToImmutableArray());
        // An xref to a question leads to the paragraph it is about (a rejected or unplaced one, to the essay).
        var blocks = placed.ToDictionary(q => q.Question.Id, q => q.BlockId, StringComparer.Ordinal);
        foreach (var file in files)
        {
            context.Xrefs.Add("questions/" + file.Question.Id, SitePaths.Reader, blocks.GetValueOrDefault(file.Question.Id));
        }

        context.XrefUses.AddRange(files.SelectMany(f => f.Xrefs));
    }

    /// <summary>
    /// A quiet prompt: the question, labelled for what it is, with no script and no pop-up. A note (role), not an
    /// aside: an aside in the essay would be one more landmark per question. No id: the prompt is found by its
    /// passage's paragraph, so a question adds no id form to the page (see PageIds), and no attribute naming its
    /// question either: no script needs one, and every prompt is on the reader's first load.
    /// </summary>
    private static IElement Prompt(IDocument document, Question question)
    {
        var prompt = document.CreateElement("div");
        prompt.ClassName = PromptClass;
        prompt.SetAttribute("role", "note");
        var label = document.CreateElement("span");
        label.ClassName = "question-label";
        label.TextContent = "Discuss: ";
        prompt.AppendChild(label);
        prompt.AppendChild(document.CreateTextNode(question.Text));
        return prompt;
    }

    private static bool IsHeading(IElement element) => element.LocalName is "h1" or "h2" or "h3" or "h4" or "h5" or "h6";

    /// <summary>The same question twice (folded as quotes are), reported at the later file's question.</summary>
    private static void ReportDuplicates(IReadOnlyList<QuestionFile> files, DiagnosticBag diagnostics)
    {
        var first = new Dictionary<string, QuestionFile>(StringComparer.Ordinal);
        foreach (var file in files.Where(f => f.Question.Text.Length > 0).OrderBy(f => f.Question.SourcePath, StringComparer.Ordinal))
        {
            var key = Folding.FoldPhrase(file.Question.Text).ToLowerInvariant();
            if (!first.TryAdd(key, file))
            {
                diagnostics.Error(DiagnosticCodes.DuplicateQuestion, file.QuestionAt,
                    $"this question is already asked in {first[key].Question.SourcePath}",
                    "ask something the other question does not, or remove one of the two files");
            }
        }
    }
}
