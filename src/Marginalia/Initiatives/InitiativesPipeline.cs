using Marginalia.Contributions;

namespace Marginalia.Initiatives;

/// <summary>Reads and validates every initiative in <c>input/initiatives/</c>, then checks no two claim one mention.</summary>
internal sealed class InitiativesPipeline : ContributionsPipeline<InitiativeFile>
{
    public const string PipelineName = "Initiatives";

    public const string Folder = "initiatives";

    public InitiativesPipeline()
        : base(PipelineName, Folder, InitiativeKeys.InitiativeFile, InitiativeParser.Read)
    {
        // Mentions are matched with case, like note quotes.
        ProcessModules.Add(new UniquePhrasesModule<InitiativeFile>(InitiativeKeys.InitiativeFile,
            file => file.Initiative.Mentions.Select((mention, i) => (mention, true, file.Initiative.SourcePath, file.MentionAt[i])),
            file => file.Rejected,
            file => file with { Rejected = true }));
    }
}
