using System.Collections.Immutable;
using Marginalia.Content;
using Marginalia.Diagnostics;
using Marginalia.Extensions;
using Marginalia.Pipeline;

namespace Marginalia.Editions.Epub;

/// <summary>
/// The essay as an EPUB 3 book at <see cref="EditionPaths.Epub"/>, for reading offline in an e-reader: the
/// annotated essay with what the kinds of annotation add to it (notes as footnotes, chapters such as the glossary).
/// </summary>
internal sealed class EpubPipeline : BuildPipeline
{
    public const string PipelineName = "Epub";

    /// <param name="kinds">
    /// What each kind adds to the book. The site passes every registered reader extension; the book is kept below the
    /// registry so the kinds can use its building blocks.
    /// </param>
    internal EpubPipeline(IReadOnlyList<IBookContributor> kinds)
        : base(PipelineName, ReaderKeys.Pipeline, MediaPipeline.PipelineName)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        ProcessModules.Add(new BookModule(kinds));
    }

    private sealed class BookModule(IReadOnlyList<IBookContributor> kinds) : FromReaderModule
    {
        protected override ImmutableArray<Document> Make(ReaderResult reader, SiteSettings site, IExecutionContext context)
        {
            var media = context.OutputsOf(MediaPipeline.PipelineName)
                .Where(d => d.Destination is not null)
                .ToDictionary(d => d.Destination!, d => d.ToBytes(), StringComparer.Ordinal);
            var path = EditionPaths.Epub(reader.Essay.Info);
            var book = EpubBuilder.Build(reader, site, media, kinds, (file, repeated) =>
                Validation.DuplicateIds.Report($"{path} ({EpubBuilder.Folder}{file})", SourceLocation.File(path), repeated, context.Diagnostics));
            return [Document.Binary(null, path, book)];
        }
    }
}
