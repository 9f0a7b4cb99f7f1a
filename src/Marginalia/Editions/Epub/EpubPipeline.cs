using System.Collections.Immutable;
using Marginalia.Content;
using Marginalia.Diagnostics;
using Marginalia.Pipeline;
using Marginalia.Reader;

namespace Marginalia.Editions.Epub;

/// <summary>
/// The essay as an EPUB 3 book at <see cref="EditionPaths.Epub"/>, for reading offline in an e-reader: the
/// annotated essay with its notes as footnotes, the glossary and the initiatives as chapters.
/// </summary>
public sealed class EpubPipeline : Pipeline.Pipeline
{
    public const string PipelineName = "Epub";

    public EpubPipeline()
        : base(PipelineName, ReaderPipeline.PipelineName, MediaPipeline.PipelineName)
    {
        ProcessModules.Add(new BookModule());
    }

    private sealed class BookModule : FromReaderModule
    {
        protected override ImmutableArray<Document> Make(ReaderResult reader, SiteSettings site, IExecutionContext context)
        {
            var media = context.OutputsOf(MediaPipeline.PipelineName)
                .Where(d => d.Destination is not null)
                .ToDictionary(d => d.Destination!, d => d.ToBytes(), StringComparer.Ordinal);
            var path = EditionPaths.Epub(reader.Essay.Info);
            var book = EpubBuilder.Build(reader, site, media, (file, repeated) =>
                Validation.DuplicateIds.Report($"{path} ({EpubBuilder.Folder}{file})", SourceLocation.File(path), repeated, context.Diagnostics));
            return [Document.Binary(null, path, book)];
        }
    }
}
