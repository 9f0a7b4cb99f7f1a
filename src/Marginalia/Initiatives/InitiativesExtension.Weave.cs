using Marginalia.Content;
using Marginalia.Extensions;
using Marginalia.Pipeline;
using Marginalia.Text;

namespace Marginalia.Initiatives;

/// <summary>Initiatives in the weave: each mention of an initiative becomes a link to its page.</summary>
internal sealed partial class InitiativesExtension
{
    /// <summary>What the initiatives bring to a weave: the initiative files, and which mentions to link.</summary>
    public static readonly MetadataKey<InitiativesInput> Input = new("Initiatives.Input");

    public string? LoaderPipeline => InitiativesPipeline.PipelineName;

    public BuildPipeline? CreateLoader() => new InitiativesPipeline();

    public int Precedence => 20;

    private static readonly MetadataKey<MentionsFound> Found = new("Initiatives.Found");

    public Metadata Load(IExecutionContext context, Metadata inputs)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(inputs);
        var files = context.OutputsOf(InitiativesPipeline.PipelineName).Select(d => d.Get(InitiativeKeys.InitiativeFile)).ToList();
        var mode = context.Build.Settings.TryGet(ContentKeys.Site, out var site) ? site!.InitiativesLink : MarkMode.FirstPerSection;
        return inputs.With(Input, new InitiativesInput(files, mode));
    }

    /// <summary>Every mention on the essay's text (rejected files' too, for their errors): no other kind's claims change it.</summary>
    public void Prepare(WeaveContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.Inputs.GetOrDefault(Input) ?? InitiativesInput.None;
        List<InitiativeFile> good = [.. input.Files.Where(i => !i.Rejected)];
        context.Keep(Found, new MentionsFound(good, MentionMatcher.Find(context.Index, good, context.Diagnostics)));
        MentionMatcher.Find(context.Index, [.. input.Files.Where(i => i.Rejected)], context.Diagnostics);
    }

    public void Match(WeaveContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.Inputs.GetOrDefault(Input) ?? InitiativesInput.None;
        var found = context.Kept(Found, MentionsFound.None);
        var (links, uses) = MentionMatcher.Match(found.Files, found.Mentions, input.Mode);
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

/// <summary>A weave's good initiative files with the mentions found on the essay's text (a mention's owner is its file's index).</summary>
internal sealed record MentionsFound(List<InitiativeFile> Files, List<WordMatch> Mentions)
{
    public static MentionsFound None { get; } = new([], []);
}
