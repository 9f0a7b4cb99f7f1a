using System.Collections.Immutable;
using Marginalia.Diagnostics;
using Marginalia.Pipeline;

namespace Marginalia.Content;

/// <summary>Reads <c>input/essay.md</c> and renders it into an <see cref="Essay"/> with sections and paragraph ids.</summary>
internal sealed class EssayPipeline : BuildPipeline
{
    public const string PipelineName = "Essay";

    public const string FileName = "essay.md";

    public EssayPipeline()
        : base(PipelineName)
    {
        InputModules.Add(new ReadEssayModule());
        ProcessModules.Add(new BuildEssayModule());
    }

    private sealed class ReadEssayModule : IModule
    {
        public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context)
        {
            var path = Path.Combine(context.Build.Roots.Input, FileName);
            var display = context.Build.Roots.Display(path);
            if (!File.Exists(path))
            {
                context.Diagnostics.Error(DiagnosticCodes.FileMissing, SourceLocation.File(display), "the essay is missing",
                    $"create {display}: front matter (title, author, language) and the essay's text in Markdown");
                return Task.FromResult(ImmutableArray<Document>.Empty);
            }

            if (!InputLinks.Check(context.Build.Roots.Input, path, context.Build.Roots, context.Diagnostics))
            {
                return Task.FromResult(ImmutableArray<Document>.Empty);
            }

            var text = SourceFileReader.Read(path, display, context.Diagnostics);
            return Task.FromResult(text is null ? [] : ImmutableArray.Create(new Document(display, null, text.Text)));
        }
    }

    private sealed class BuildEssayModule : SyncPerDocumentModule
    {
        protected override IReadOnlyList<Document> ExecuteDocument(Document input, IExecutionContext context)
        {
            var media = Path.Combine(context.Build.Roots.Input, MediaPipeline.Folder);
            // The preview's rebuild after a note's save reuses the essay as it was built: nothing changes it once
            // built (the weave and the EPUB work on copies), and its images are checked against media/'s listing.
            var essay = context.Build.Cache is { } cache
                ? cache.GetOrAdd(BuildCache.Key(nameof(BuildEssayModule), input.Source!, input.Content, MediaListing.Stamp(media, context.Build.Roots)), context.Diagnostics, bag => Build(input, media, bag))
                : Build(input, media, context.Diagnostics);
            return essay is null ? [] : [input.With(ContentKeys.Essay, essay)];
        }

        private static Essay? Build(Document input, string media, DiagnosticBag diagnostics)
        {
            var source = new SourceText(input.Source!, input.Source!, input.Content);
            var frontMatter = FrontMatterParser.Parse(source, diagnostics);
            return frontMatter is null ? null : EssayBuilder.Build(frontMatter, diagnostics, media);
        }
    }
}
