using System.Collections.Immutable;
using Marginalia.Content;
using Marginalia.Contributions;
using Marginalia.Pipeline;

namespace Marginalia.Initiatives;

/// <summary>Reads and validates every initiative in <c>input/initiatives/</c>, then checks no two claim one mention.</summary>
public sealed class InitiativesPipeline : Pipeline.Pipeline
{
    public const string PipelineName = "Initiatives";

    public const string Folder = "initiatives";

    public InitiativesPipeline()
        : base(PipelineName)
    {
        InputModules.Add(new ReadFilesModule(roots => Path.Combine(roots.Input, Folder), "*.md"));
        ProcessModules.Add(new ReadInitiativeModule());
        ProcessModules.Add(new UniqueMentionsModule());
    }

    private sealed class ReadInitiativeModule : SyncPerDocumentModule
    {
        protected override IReadOnlyList<Document> ExecuteDocument(Document input, IExecutionContext context)
        {
            var source = new SourceText(input.Source!, input.Source!, input.Content);
            var media = Path.Combine(context.Build.Roots.Input, MediaPipeline.Folder);
            return InitiativeReader.Read(source, media, context.Diagnostics) is { } file ? [input.With(InitiativeKeys.InitiativeFile, file)] : [];
        }
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
