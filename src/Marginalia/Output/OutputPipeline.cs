using System.Collections.Immutable;
using Marginalia.Content;
using Marginalia.Diagnostics;
using Marginalia.Pipeline;
using Marginalia.Validation;

namespace Marginalia.Output;

/// <summary>Gathers every document that has a destination, validates links, and (in the Output phase) writes the site.</summary>
internal sealed class OutputPipeline : BuildPipeline
{
    public const string PipelineName = "Output";

    public OutputPipeline(params string[] sources)
        : base(PipelineName, sources)
    {
        ProcessModules.Add(new GatherModule());
        PostProcessModules.Add(new ValidateLinksModule());
        OutputModules.Add(new WriteModule());
    }

    private sealed class GatherModule : IModule
    {
        public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context)
        {
            var all = context.Build.Settings.TryGet(ContentKeys.Site, out _)
                ? context.Dependencies.SelectMany(name => context.OutputsOf(name)).Where(d => d.Destination is not null).ToList()
                : [];
            foreach (var clash in all.GroupBy(d => d.Destination!, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            {
                context.Diagnostics.Error(DiagnosticCodes.DuplicateDestination, SourceLocation.File(clash.First().Source ?? clash.Key),
                    $"{clash.Count()} documents would be written to '{clash.Key}': {string.Join(", ", clash.Select(d => d.Source ?? "(generated)"))}");
            }

            return Task.FromResult(all.OrderBy(d => d.Destination, StringComparer.Ordinal).ToImmutableArray());
        }
    }

    private sealed class ValidateLinksModule : IModule
    {
        public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context)
        {
            // After other errors, broken links are mostly their echo (a page that failed to render): report the causes only.
            if (!context.Diagnostics.HasErrors && context.Build.Settings.TryGet(ContentKeys.Site, out var site))
            {
                LinkValidator.Validate(inputs, site.BasePath, context.Diagnostics, context.Build.Cache);
            }

            return Task.FromResult(inputs);
        }
    }

    private sealed class WriteModule : IModule
    {
        public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context)
        {
            // Written aside now, made the output only when every Output phase of the build ended cleanly.
            var pending = context.Build.Cache is { } cache
                ? SiteWriter.StageUpdate(inputs, context.Build.Roots, context.Diagnostics, cache)
                : SiteWriter.Stage(inputs, context.Build.Roots, context.Diagnostics);
            if (pending is not null)
            {
                context.Build.Defer(() => pending.Commit(), pending.Discard);
            }

            return Task.FromResult(inputs);
        }
    }
}
