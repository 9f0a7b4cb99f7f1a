using System.Collections.Immutable;
using Marginalia.Content;
using Marginalia.Contributions;
using Marginalia.Pipeline;

namespace Marginalia.Initiatives;

/// <summary>Reads and validates every initiative in <c>input/initiatives/</c>, then checks no two claim one mention.</summary>
public sealed class InitiativesPipeline : ContributionsPipeline<InitiativeFile>
{
    public const string PipelineName = "Initiatives";

    public const string Folder = "initiatives";

    public InitiativesPipeline()
        : base(PipelineName, Folder, InitiativeKeys.InitiativeFile, InitiativeReader.Read)
    {
        ProcessModules.Add(new UniqueMentionsModule());
    }

    private sealed class UniqueMentionsModule : IModule
    {
        public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context)
        {
            // Mentions are matched with case, like note quotes; sorted input makes "already claimed by" stable.
            var claims = new PhraseClaims(context.Diagnostics);
            var kept = inputs.Where(d =>
            {
                var file = d.Get(InitiativeKeys.InitiativeFile);
                return file.Initiative.Mentions.Select((m, i) => claims.Claim(m, true, file.Initiative.SourcePath, file.MentionAt[i])).ToList().All(ok => ok);
            });
            return Task.FromResult(kept.ToImmutableArray());
        }
    }
}
