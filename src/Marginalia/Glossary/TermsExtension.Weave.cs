using System.Collections.Immutable;
using Marginalia.Content;
using Marginalia.Contributions;
using Marginalia.Extensions;
using Marginalia.Pipeline;

namespace Marginalia.Glossary;

/// <summary>Glossary terms in the weave: each use of a term becomes a link to its entry, off ranges already linked.</summary>
internal sealed partial class TermsExtension
{
    /// <summary>What the terms bring to a weave: the term files, and which uses to link.</summary>
    public static readonly MetadataKey<TermsInput> Input = new("Glossary.Input");

    public string? LoaderPipeline => GlossaryPipeline.PipelineName;

    public BuildPipeline? CreateLoader() => new GlossaryPipeline();

    public int Precedence => 30;

    public Metadata Load(IExecutionContext context, Metadata inputs)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(inputs);
        var files = context.OutputsOf(GlossaryPipeline.PipelineName).Select(d => d.Get(GlossaryKeys.TermFile)).ToList();
        var mode = context.Build.Settings.TryGet(ContentKeys.Site, out var site) ? site!.GlossaryMark : MarkMode.FirstPerSection;
        return inputs.With(Input, new TermsInput(files, mode));
    }

    public void Match(WeaveContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.Inputs.GetOrDefault(Input) ?? TermsInput.None;
        var taken = context.Links.Select(l => (l.Start, l.End)).ToList();
        var (links, uses) = TermMatcher.Match(context.Index, [.. input.Files.Where(t => !t.Rejected)], input.Mode, taken, context.Diagnostics);
        TermMatcher.Match(context.Index, [.. input.Files.Where(t => t.Rejected)], input.Mode, taken, context.Diagnostics);
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
