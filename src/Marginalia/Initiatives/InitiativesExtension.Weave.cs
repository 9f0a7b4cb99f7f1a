using Marginalia.Content;
using Marginalia.Extensions;
using Marginalia.Pipeline;

namespace Marginalia.Initiatives;

/// <summary>Initiatives in the weave: each mention of an initiative becomes a link to its page.</summary>
internal sealed partial class InitiativesExtension
{
    /// <summary>What the initiatives bring to a weave: the initiative files, and which mentions to link.</summary>
    public static readonly MetadataKey<InitiativesInput> Input = new("Initiatives.Input");

    public string? LoaderPipeline => InitiativesPipeline.PipelineName;

    public BuildPipeline? CreateLoader() => new InitiativesPipeline();

    public int Precedence => 20;

    public Metadata Load(IExecutionContext context, Metadata inputs)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(inputs);
        var files = context.OutputsOf(InitiativesPipeline.PipelineName).Select(d => d.Get(InitiativeKeys.InitiativeFile)).ToList();
        var mode = context.Build.Settings.TryGet(ContentKeys.Site, out var site) ? site!.InitiativesLink : MarkMode.FirstPerSection;
        return inputs.With(Input, new InitiativesInput(files, mode));
    }

    public void Match(WeaveContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.Inputs.GetOrDefault(Input) ?? InitiativesInput.None;
        var (links, uses) = MentionMatcher.Match(context.Index, [.. input.Files.Where(i => !i.Rejected)], input.Mode, context.Diagnostics);
        MentionMatcher.Match(context.Index, [.. input.Files.Where(i => i.Rejected)], input.Mode, context.Diagnostics);
        links.ForEach(context.Link);
        context.Results = context.Results.With(InitiativeKeys.Uses, uses);
    }

    public void Collect(WeaveContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.Inputs.GetOrDefault(Input) ?? InitiativesInput.None;
        foreach (var initiative in input.Files)
        {
            context.Xrefs.Add("initiatives/" + initiative.Initiative.Id, initiative.Initiative.PagePath);
        }

        context.XrefUses.AddRange(input.Files.SelectMany(i => i.Xrefs));
    }
}

/// <summary>The initiative files of a weave, and which mentions of each to link.</summary>
internal sealed record InitiativesInput(IReadOnlyList<InitiativeFile> Files, MarkMode Mode)
{
    public static InitiativesInput None { get; } = new([], MarkMode.FirstPerSection);
}
