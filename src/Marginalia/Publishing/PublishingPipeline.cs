using System.Collections.Immutable;
using Marginalia.Annotations;
using Marginalia.Annotations.Export;
using Marginalia.Content;
using Marginalia.Extensions;
using Marginalia.Pipeline;
using Marginalia.Reader;

namespace Marginalia.Publishing;

/// <summary>
/// Files published beside the pages: the essay's plain text (what annotation selectors count over) and every note as
/// a W3C Web Annotation collection, for annotation tools.
/// </summary>
internal sealed class PublishingPipeline : BuildPipeline
{
    public const string PipelineName = "Publishing";

    public PublishingPipeline()
        : base(PipelineName, ReaderPipeline.PipelineName)
    {
        ProcessModules.Add(new PublishModule());
    }

    private sealed class PublishModule : FromReaderModule
    {
        protected override ImmutableArray<Document> Make(ReaderResult reader, SiteSettings site, IExecutionContext context)
        {
            var info = reader.Essay.Info;
            var settings = new AnnotationExportSettings(site.BaseUrl, $"Notes on “{info.Title}” by {info.Author}")
            {
                EssayAuthor = info.Author,
            };

            // The author's own footnotes are part of the essay, not annotations on it, and quote no passage.
            var contributed = reader.Notes.Where(n => n.Note.Kind != NoteKind.Author).ToList();
            return
            [
                Document.Binary(null, settings.EssayTextPath, EssayTextFile.Encode(reader.Text)),
                Document.WrittenUtf8(null, settings.ExportPath, json => AnnotationExporter.Export(reader.Text, contributed, settings, json), Engine.SpillSize),
            ];
        }
    }
}
