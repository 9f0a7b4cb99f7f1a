using System.Collections.Immutable;
using Marginalia.Content;
using Marginalia.Pipeline;

namespace Marginalia.Extensions;

/// <summary>
/// A module that makes its documents from the woven essay and the site settings, as most outputs do (pages, editions,
/// feeds, exports). When either is missing it makes nothing: the essay's or the settings' own errors are reported
/// where they are, and a second report here would only repeat them.
/// </summary>
internal abstract class FromReaderModule : IModule
{
    public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var reader = context.FirstOutput(ReaderKeys.Pipeline, ReaderKeys.Result);
        return reader is null || !context.Build.Settings.TryGet(ContentKeys.Site, out var site)
            ? Task.FromResult(ImmutableArray<Document>.Empty)
            : Task.FromResult(Make(reader, site!, context));
    }

    protected abstract ImmutableArray<Document> Make(ReaderResult reader, SiteSettings site, IExecutionContext context);
}
