using System.Collections.Immutable;
using Marginalia.Content;
using Marginalia.Contributions;
using Marginalia.Extensions;
using Marginalia.Pipeline;
using Marginalia.Text;

namespace Marginalia.Glossary;

/// <summary>Glossary terms in the weave: each use of a term becomes a link to its entry, off ranges already linked.</summary>
internal sealed partial class TermsExtension
{
    /// <summary>What the terms bring to a weave: the term files, and which uses to link.</summary>
    public static readonly MetadataKey<TermsInput> Input = new("Glossary.Input");

    public string? LoaderPipeline => GlossaryPipeline.PipelineName;

    public BuildPipeline? CreateLoader() => new GlossaryPipeline();

    public int Precedence => 30;

    private static readonly MetadataKey<TermsFound> Found = new("Glossary.Found");

    public Metadata Load(IExecutionContext context, Metadata inputs)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(inputs);
        var files = context.OutputsOf(GlossaryPipeline.PipelineName).Select(d => d.Get(GlossaryKeys.TermFile)).ToList();
        var mode = context.Build.Settings.TryGet(ContentKeys.Site, out var site) ? site!.GlossaryMark : MarkMode.FirstPerSection;
        return inputs.With(Input, new TermsInput(files, mode));
    }

    /// <summary>Every use of every term on the essay's text (rejected files' too, for their warnings), before any kind claims a range.</summary>
    public void Prepare(WeaveContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.Inputs.GetOrDefault(Input) ?? TermsInput.None;
        List<TermFile> good = [.. input.Files.Where(t => !t.Rejected)], rejected = [.. input.Files.Where(t => t.Rejected)];
        context.Keep(Found, new TermsFound(good, TermMatcher.Find(context.Index, good), rejected, TermMatcher.Find(context.Index, rejected)));
    }

    public void Match(WeaveContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.Inputs.GetOrDefault(Input) ?? TermsInput.None;
        var taken = context.Links.Select(l => (l.Start, l.End)).ToList();
        var found = context.Kept(Found, TermsFound.None);
        var (links, uses) = TermMatcher.Match(context.Index, found.Good, found.GoodUses, input.Mode, taken, context.Diagnostics);
        TermMatcher.Match(context.Index, found.Rejected, found.RejectedUses, input.Mode, taken, context.Diagnostics);
        links.ForEach(context.Link);
        context.Results = context.Results.With(GlossaryKeys.Uses, uses);
    }

    public void Collect(WeaveContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.Inputs.GetOrDefault(Input) ?? TermsInput.None;
        foreach (var term in input.Files)
        {
            context.Xrefs.Add("glossary/" + term.Term.Id, SitePaths.Glossary, term.Term.Id);
        }

        context.XrefUses.AddRange(input.Files.SelectMany(t => t.Xrefs));
    }
}

/// <summary>The term files of a weave, and which uses of each to link.</summary>
internal sealed record TermsInput(IReadOnlyList<TermFile> Files, MarkMode Mode)
{
    public static TermsInput None { get; } = new([], MarkMode.FirstPerSection);
}

/// <summary>
/// A weave's term files, good and rejected, each with the uses found on the essay's text (a use's owner is its file's
/// index in the list beside it).
/// </summary>
internal sealed record TermsFound(List<TermFile> Good, List<WordMatch> GoodUses, List<TermFile> Rejected, List<WordMatch> RejectedUses)
{
    public static TermsFound None { get; } = new([], [], [], []);
}
