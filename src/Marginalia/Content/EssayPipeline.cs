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
            var source = new SourceText(input.Source!, input.Source!, input.Content);
            var frontMatter = FrontMatterParser.Parse(source, context.Diagnostics);
            var essay = frontMatter is null ? null : EssayBuilder.Build(frontMatter, context.Diagnostics, Path.Combine(context.Build.Roots.Input, MediaPipeline.Folder));
            return essay is null ? [] : [input.With(ContentKeys.Essay, essay)];
        }
    }
}
