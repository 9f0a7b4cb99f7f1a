using System.Collections.Immutable;
using Marginalia.Content;
using Marginalia.Contributions;
using Marginalia.Pipeline;

namespace Marginalia.Glossary;

/// <summary>Reads and validates every term in <c>input/glossary/</c>, then checks no two files claim one phrase.</summary>
public sealed class GlossaryPipeline : ContributionsPipeline<TermFile>
{
    public const string PipelineName = "Glossary";

    public const string Folder = "glossary";

    public GlossaryPipeline()
        : base(PipelineName, Folder, GlossaryKeys.TermFile, TermReader.Read)
    {
        ProcessModules.Add(new UniquePhrasesModule());
    }

    private sealed class UniquePhrasesModule : IModule
    {
        public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context)
        {
            // Documents arrive sorted by path, so "already claimed by" always names the same, earlier file.
            var claims = new PhraseClaims(context.Diagnostics);
            var kept = inputs.Where(d =>
            {
                var file = d.Get(GlossaryKeys.TermFile);
                var forms = file.Term.Forms.ToList();
                return forms.Select((form, i) => claims.Claim(form, file.Term.CaseSensitive, file.Term.SourcePath, file.FormAt[i])).ToList().All(ok => ok);
            });
            return Task.FromResult(kept.ToImmutableArray());
        }
    }
}
